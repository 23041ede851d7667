import { ConfusionRates, confusionRates, readConfusionMatrix } from '@probity/rubric';

/** Base rates further apart than this (relative) make error rates not comparable. */
export const BASE_RATE_TOLERANCE = 0.1;

export type ComparabilityIssue = 'test-set' | 'threshold' | 'base-rate' | 'no-figures';

export interface ProviderAccuracy extends ConfusionRates {
  providerId: string;
  testSet: string | null;
  threshold: string | null;
  /** Why this provider's figures cannot be compared with the most common test conditions; empty when they can. */
  issues: ComparabilityIssue[];
}

const normalised = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The value most providers share (ties: the first in code-unit order), or null when none has one. */
function mostCommon(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0] ?? null;
}

/**
 * Every provider's FPR, FNR, precision and base rate computed the same way from its confusion
 * matrix, each flagged when it was measured under other conditions than most providers' (another
 * test set, another operating threshold, a base rate more than 10 % apart): such rates are shown
 * but are not like for like. Pure; `matrix` is the gathered answer (see gatherConfusionMatrix).
 */
export function compareAccuracy(providers: ReadonlyArray<{ providerId: string; matrix: unknown }>): ProviderAccuracy[] {
  const read = providers.map((provider) => ({
    providerId: provider.providerId,
    matrix: readConfusionMatrix(provider.matrix),
  }));
  const testSet = mostCommon(read.map((r) => (r.matrix ? normalised(r.matrix.testSet) : null)));
  const threshold = mostCommon(read.map((r) => (r.matrix ? normalised(r.matrix.threshold) : null)));
  const rates = read.map((r) => (r.matrix ? confusionRates(r.matrix) : null));
  const referenceBaseRate = rates
    .map((rate) => rate?.baseRate ?? null)
    .filter((rate): rate is number => rate !== null)
    .sort((a, b) => a - b);
  const median = referenceBaseRate.length ? referenceBaseRate[Math.floor((referenceBaseRate.length - 1) / 2)] : null;
  return read.map(({ providerId, matrix }, index) => {
    const rate = rates[index];
    if (!matrix || !rate)
      return {
        providerId,
        testSet: null,
        threshold: null,
        fpr: null,
        fnr: null,
        precision: null,
        baseRate: null,
        issues: ['no-figures'],
      };
    const issues: ComparabilityIssue[] = [];
    if (normalised(matrix.testSet) !== testSet) issues.push('test-set');
    if (normalised(matrix.threshold) !== threshold) issues.push('threshold');
    if (
      rate.baseRate === null ||
      (median !== null && Math.abs(rate.baseRate - median) > BASE_RATE_TOLERANCE * Math.max(median, rate.baseRate))
    )
      issues.push('base-rate');
    return { providerId, testSet: matrix.testSet, threshold: matrix.threshold, ...rate, issues };
  });
}
