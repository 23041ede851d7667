import type { ConfusionMatrixFields } from '@probity/rubric';
import type { ElementDefinition, LocalisedText, ScoreBand } from '../lib/definition';

/** The published cut-offs of the rates Probity computes, in per cent. */
export const FALSE_POSITIVE_RATE_BANDS: ScoreBand[] = [
  { max: 1, points: 100 },
  { min: 1, max: 5, points: 70 },
  { min: 5, max: 10, points: 30 },
  { min: 10, points: 0 },
];
export const FALSE_NEGATIVE_RATE_BANDS: ScoreBand[] = [
  { max: 5, points: 100 },
  { min: 5, max: 15, points: 60 },
  { min: 15, points: 20 },
];

const text = (
  type: 'short' | 'count',
  name: string,
  title: LocalisedText,
  description: LocalisedText,
): ElementDefinition =>
  type === 'short'
    ? { type: 'text', name, title, description, isRequired: true, maxLength: 300, aiAct: 'Art. 15(3)' }
    : {
        type: 'text',
        name,
        title,
        description,
        isRequired: true,
        inputType: 'number',
        integer: true,
        min: 0,
        aiAct: 'Art. 15(3)',
      };

/**
 * Accuracy as a confusion matrix at a stated operating threshold on a named test set. Providers give
 * counts, not rates: Probity computes FPR = FP / (FP + TN), FNR = FN / (FN + TP), precision and the
 * base rate the same way for every provider, and flags figures measured under other conditions.
 * The FP and FN questions carry the scores of the two rates.
 */
export function confusionMatrixQuestions(fields: ConfusionMatrixFields): ElementDefinition[] {
  return [
    text(
      'short',
      fields.threshold,
      'Operating threshold the counts below were measured at',
      'The default threshold the system ships with, e.g. a match score of 0.82.',
    ),
    text(
      'short',
      fields.testSet,
      'Name and version of the test set',
      'The test set the counts come from; describe it in the accuracy evaluation report.',
    ),
    text('count', fields.tp, 'True positives (TP)', 'Cases the system flagged that were real matches or events.'),
    {
      ...text(
        'count',
        fields.fp,
        'False positives (FP)',
        'Cases the system flagged that were not real matches or events. Probity computes the false positive rate FP / (FP + TN) from your counts and scores it by the published bands.',
      ),
      principle: 'accuracy',
      scoreBands: FALSE_POSITIVE_RATE_BANDS,
      confusionMatrix: { metric: 'fpr', fields },
    },
    text('count', fields.tn, 'True negatives (TN)', 'Cases the system correctly did not flag.'),
    {
      ...text(
        'count',
        fields.fn,
        'False negatives (FN)',
        'Real matches or events the system missed. Probity computes the false negative rate FN / (FN + TP) and scores it by the published bands.',
      ),
      principle: 'accuracy',
      scoreBands: FALSE_NEGATIVE_RATE_BANDS,
      confusionMatrix: { metric: 'fnr', fields },
    },
  ];
}
