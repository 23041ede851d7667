import fc from 'fast-check';
import {
  Answers,
  CaseScope,
  scopeQuestionnaire,
  BUILT_IN_QUESTIONNAIRES,
  choiceScore,
  choiceValue,
  ElementDefinition,
  questionsOf,
  toRubricItems,
} from '@probity/questionnaires';
import { RubricItem } from '@probity/rubric';
import { effectiveWeights } from './effective-weights';
import { EvidenceVerdict } from './evidence-confirmation';
import { ScoreOptions, scoreResponse } from './score-response';
import { CriteriaWeights } from './weights';

/**
 * The method's promises, checked over the whole built-in bank: for every question, leaving it blank
 * never beats its worst answer, and attaching evidence never lowers a score; the effective weights of
 * every questionnaire add up to 100.
 */
const WEIGHTS: CriteriaWeights = {
  lawfulness: 25,
  'minimization-of-harm': 25,
  'human-autonomy': 20,
  fairness: 20,
  'good-governance': 10,
};
// The agency's scope switches every section on, so every question of the bank is checked.
const SCOPE: Answers = {};
const EVERY_SECTION: CaseScope = {
  annexIII: ['1a', '6a', '6d'],
  remoteBiometricIdentification: 'post',
  personalData: true,
};

type Choice = { value: string; score: number };
const scoredChoices = (items: unknown[] | undefined): Choice[] =>
  (items ?? [])
    .filter((item) => choiceScore(item) !== undefined)
    .map((item) => ({ value: choiceValue(item), score: choiceScore(item) as number }));

/** Any valid answer to a question (counts of a confusion matrix: any small whole numbers). */
function anyAnswer(question: ElementDefinition): fc.Arbitrary<unknown> {
  const choices = scoredChoices(question.choices).map((c) => c.value);
  switch (question.type) {
    case 'radiogroup':
    case 'dropdown':
      return choices.length ? fc.constantFrom(...choices) : fc.constant('x');
    case 'checkbox':
      return choices.length ? fc.subarray(choices, { minLength: 1 }) : fc.constant(['x']);
    case 'boolean':
      return fc.boolean();
    case 'matrix': {
      const rows = (question.rows ?? []).map(choiceValue);
      const columns = scoredChoices(question.columns).map((c) => c.value);
      return fc.record(Object.fromEntries(rows.map((row) => [row, fc.constantFrom(...columns)])));
    }
    case 'text':
      if (question.inputType === 'number') return fc.integer({ min: 0, max: Number(question.max ?? 1000) });
      return fc.constant('Stated in annex 4.');
    default:
      return fc.constant('Described in our technical file.');
  }
}

/** The worst answer the method offers: the lowest-scoring choice, band, row or (for judgement) panel 0. */
function worstAnswer(question: ElementDefinition, answers: Answers): Answers {
  const lowest = (choices: Choice[]) => [...choices].sort((a, b) => a.score - b.score)[0].value;
  switch (question.type) {
    case 'radiogroup':
    case 'dropdown':
    case 'checkbox': {
      const value = lowest(scoredChoices(question.choices));
      return { [question.name]: question.type === 'checkbox' ? [value] : value };
    }
    case 'boolean':
      return { [question.name]: (question.scoreTrue ?? 100) < (question.scoreFalse ?? 0) };
    case 'matrix': {
      const column = lowest(scoredChoices(question.columns));
      return { [question.name]: Object.fromEntries((question.rows ?? []).map((row) => [choiceValue(row), column])) };
    }
    case 'text':
      if (question.confusionMatrix) {
        const { fields } = question.confusionMatrix;
        // Every positive missed and every negative flagged: the worst rates there are.
        return { [fields.tp]: 0, [fields.fp]: 100, [fields.tn]: 0, [fields.fn]: 100 };
      }
      if (question.scoreBands?.length) {
        const band = [...question.scoreBands].sort((a, b) => a.points - b.points)[0];
        return { [question.name]: band.min ?? (band.max ?? 1) - 1 };
      }
      return { [question.name]: answers[question.name] ?? 'x' };
    default:
      return { [question.name]: 'Described in our technical file.' };
  }
}

const overall = (
  definition: (typeof BUILT_IN_QUESTIONNAIRES)[number]['definition'],
  answers: Answers,
  options: Partial<ScoreOptions> = {},
) => scoreResponse(toRubricItems(definition, answers), answers, { weights: WEIGHTS, ...options }).overall ?? 0;

describe.each(
  BUILT_IN_QUESTIONNAIRES.map((entry) => [entry.key, scopeQuestionnaire(entry.definition, EVERY_SECTION)] as const),
)('the method over the whole bank: %s', (_key, definition) => {
  const scored = questionsOf(definition)
    .map(({ question }) => question)
    .filter((question) => question.principle && (question.weight ?? 1) > 0);
  const answerSets = fc.record(
    Object.fromEntries(
      questionsOf(definition)
        .filter(({ question }) => !question.name.startsWith('scope_'))
        .map(({ question }) => [question.name, fc.option(anyAnswer(question), { nil: undefined })]),
    ),
  );
  const panelSets = fc.record(
    Object.fromEntries(scored.map((question) => [question.name, fc.constantFrom(0, 1, 2, 3, 4)])),
  );
  const verdicts = fc.constantFrom<EvidenceVerdict | undefined>('supports', 'does-not-support', undefined);

  it('never lets a blank beat the worst answer, for any question and any other answers', () => {
    fc.assert(
      fc.property(answerSets, panelSets, (random, panel) => {
        const base: Answers = { ...SCOPE, ...random };
        for (const question of scored) {
          const blank: Answers = { ...base };
          delete blank[question.name];
          const worst = { ...base, ...worstAnswer(question, base) };
          const panelScores = { ...panel, [question.name]: 0 };
          if (overall(definition, blank, { panelScores }) > overall(definition, worst, { panelScores }) + 1e-9)
            return false;
        }
        return true;
      }),
      { seed: 20261203, numRuns: 5 },
    );
  });

  it('never lets attaching evidence lower a score, whatever the panel decides', () => {
    const items: RubricItem[] = toRubricItems(definition, SCOPE);
    const needingEvidence = items.filter((item) => item.evidenceRequired || item.scoring.kind === 'manual');
    fc.assert(
      fc.property(answerSets, panelSets, verdicts, (random, panel, verdict) => {
        const answers: Answers = { ...SCOPE, ...random };
        for (const item of needingEvidence) {
          const name = item.questionName;
          const manual = item.scoring.kind === 'manual';
          // Without evidence: nothing attached (a file question is then unanswered and unscored by the panel).
          const without = { ...answers };
          if (manual) delete without[name];
          const withoutPanel = { ...panel };
          if (manual) delete withoutPanel[name];
          const before = overall(definition, without, { panelScores: withoutPanel, attachedEvidence: new Set() });
          const after = overall(
            definition,
            { ...answers, [name]: answers[name] ?? ['evidence.pdf'] },
            {
              panelScores: panel,
              attachedEvidence: new Set([name]),
              evidenceConfirmations: new Map(verdict ? [[name, verdict]] : []),
            },
          );
          if (after + 1e-9 < before) return false;
        }
        return true;
      }),
      { seed: 20261203, numRuns: 5 },
    );
  });

  it('has effective weights adding up to 100', () => {
    const table = effectiveWeights(toRubricItems(definition, SCOPE), WEIGHTS);
    expect(table.rows.length).toBeGreaterThan(10);
    expect(table.total).toBeCloseTo(100, 9);
  });
});
