/**
 * A provider's accuracy figures as the method asks for them: the raw confusion matrix at a stated
 * operating threshold on a named test set. Probity computes the rates itself, the same way for every
 * provider, so a "false positive rate" means the same thing in every bid (a rate a provider
 * computes may well be the false discovery rate, FP / (FP + TP), under another name).
 */
export interface ConfusionMatrixAnswer {
  /** The operating threshold the counts were measured at, as the provider states it (e.g. "0.82"). */
  threshold: string;
  /** The name (and version) of the test set. */
  testSet: string;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export type ConfusionMetric = 'fpr' | 'fnr' | 'precision';

/** The questions holding each part of a confusion matrix, by part. */
export type ConfusionMatrixFields = Record<keyof ConfusionMatrixAnswer, string>;

/** The confusion matrix from the answers of the questions named by `fields` (undefined parts stay undefined). */
export function gatherConfusionMatrix(fields: ConfusionMatrixFields, answers: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(fields).map(([part, questionName]) => [part, answers[questionName]]));
}

export interface ConfusionRates {
  /** FP / (FP + TN), in per cent: the share of true negatives wrongly flagged. */
  fpr: number | null;
  /** FN / (FN + TP), in per cent: the share of true positives missed. */
  fnr: number | null;
  /** TP / (TP + FP), in per cent: the share of flags that are right. */
  precision: number | null;
  /** (TP + FN) / all, in per cent: the prevalence of positives in the test set. */
  baseRate: number | null;
}

const COUNTS = ['tp', 'fp', 'tn', 'fn'] as const;

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER;

const asCount = (value: unknown): unknown =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;

/** The answer as a confusion matrix, or null when a count is missing or not a whole number of 0 or more. */
export function readConfusionMatrix(answer: unknown): ConfusionMatrixAnswer | null {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return null;
  const record = answer as Record<string, unknown>;
  const counts = COUNTS.map((key) => asCount(record[key]));
  if (!counts.every(isCount)) return null;
  const [tp, fp, tn, fn] = counts as number[];
  return {
    threshold: typeof record.threshold === 'string' ? record.threshold.trim() : String(record.threshold ?? ''),
    testSet: typeof record.testSet === 'string' ? record.testSet.trim() : String(record.testSet ?? ''),
    tp,
    fp,
    tn,
    fn,
  };
}

const percent = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

export function confusionRates(matrix: ConfusionMatrixAnswer): ConfusionRates {
  const { tp, fp, tn, fn } = matrix;
  return {
    fpr: percent(fp, fp + tn),
    fnr: percent(fn, fn + tp),
    precision: percent(tp, tp + fp),
    baseRate: percent(tp + fn, tp + fp + tn + fn),
  };
}
