import { Answers, choiceValue, ElementDefinition, QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';

/**
 * Plausible answers for a demo provider: for every question, the choice whose points are closest
 * to the provider's quality (0 = worst answer, 1 = best), then specific overrides. The legality
 * gates (the AI Act Art. 5 declaration page) are answered lawfully: a demo provider's quality is
 * about how well it meets the criteria, not whether it breaks the law.
 */
export function answersAtQuality(
  definition: QuestionnaireDefinition,
  quality: number,
  overrides: Answers = {},
): Answers {
  const target = quality * 100;
  const answers: Answers = {};
  for (const { question, page } of questionsOf(definition)) {
    const answer = answerFor(question, page.name === 'prohibited-practices' ? 100 : target);
    if (answer !== undefined) answers[question.name] = answer;
  }
  return { ...answers, ...overrides };
}

function closest<T extends { score?: number }>(options: T[], target: number): T | undefined {
  return [...options]
    .filter((o) => typeof o.score === 'number')
    .sort((a, b) => Math.abs((a.score as number) - target) - Math.abs((b.score as number) - target))[0];
}

function answerFor(question: ElementDefinition, target: number): unknown {
  const choices = (question.choices ?? []).filter((c): c is { value: string; score?: number } => typeof c === 'object');
  switch (question.type) {
    case 'radiogroup':
    case 'dropdown':
      return closest(choices, target)?.value;
    case 'checkbox': {
      const useful = choices.filter((c) => c.value !== 'none').sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
      const picked: string[] = [];
      let total = 0;
      for (const choice of useful) {
        if (total >= target) break;
        picked.push(String(choice.value));
        total += choice.score ?? 0;
      }
      return picked.length ? picked : ['none'];
    }
    case 'boolean': {
      const yes = question.scoreTrue ?? 100;
      const no = question.scoreFalse ?? 0;
      return Math.abs(yes - target) <= Math.abs(no - target);
    }
    case 'matrix': {
      const column = closest(
        (question.columns ?? []).filter((c): c is { value: string; score?: number } => typeof c === 'object'),
        target,
      );
      return Object.fromEntries((question.rows ?? []).map((row) => [choiceValue(row), column?.value]));
    }
    case 'text':
      if (question.inputType === 'number') {
        const band = [...(question.scoreBands ?? [])].sort(
          (a, b) => Math.abs(a.points - target) - Math.abs(b.points - target),
        )[0];
        if (!band) return Number(question.min ?? 0);
        return band.min !== undefined
          ? band.min + (band.max !== undefined ? (band.max - band.min) / 2 : 1)
          : Math.max(Number(question.min ?? 0), (band.max ?? 1) / 2);
      }
      if (question.inputType === 'date') return '2027-03-31';
      return 'See attached documentation.';
    case 'comment':
      return target >= 70
        ? 'Documented in our technical file, section 4, with test results and the named owner for each measure.'
        : target >= 40
          ? 'Partly documented; a fuller description will follow before contract signature.'
          : 'Not documented.';
    default:
      return undefined;
  }
}
