import { Answers, QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import { gatherConfusionMatrix } from '@probity/rubric';
import { compareAccuracy, formatScore, ProviderAccuracy } from '@probity/scoring';

/**
 * Every submitted provider's accuracy figures, computed by Probity from the confusion matrix the
 * questionnaire asks for (none when it asks for none), with the figures that are not comparable flagged.
 */
export function accuracyFigures(
  definition: QuestionnaireDefinition,
  responses: ReadonlyArray<{ id: string; answers: Answers }>,
): ProviderAccuracy[] {
  const fields = questionsOf(definition).find(({ question }) => question.confusionMatrix)?.question.confusionMatrix
    ?.fields;
  if (!fields) return [];
  return compareAccuracy(
    responses.map((response) => ({ providerId: response.id, matrix: gatherConfusionMatrix(fields, response.answers) })),
  );
}

const ISSUE_WORDS: Record<string, string> = {
  'test-set': 'another test set',
  threshold: 'another operating threshold',
  'base-rate': 'a base rate more than 10 % apart',
  'no-figures': 'no complete confusion matrix',
};

/** The comparison page's rows: rates as percentages, and why a row is not comparable. */
export function accuracyRows(figures: ProviderAccuracy[] | undefined, nameOf: (providerId: string) => string) {
  const percent = (value: number | null) => (value === null ? '—' : `${formatScore(value)} %`);
  return (figures ?? []).map((figure) => ({
    name: nameOf(figure.providerId),
    testSet: figure.testSet ?? '—',
    threshold: figure.threshold ?? '—',
    fpr: percent(figure.fpr),
    fnr: percent(figure.fnr),
    precision: percent(figure.precision),
    baseRate: percent(figure.baseRate),
    notComparable: figure.issues.map((issue) => ISSUE_WORDS[issue] ?? issue).join(', '),
  }));
}
