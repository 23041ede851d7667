import { CORE_PRINCIPLES, CorePrincipleId, INSTRUMENTAL_PRINCIPLES, InstrumentalPrincipleId } from '@probity/rubric';
import { ScoringInputError } from './errors';

/** The published award criteria: one weight per core principle, summing to 100. */
export type CriteriaWeights = Record<CorePrincipleId, number>;

/**
 * Relative weights of instrumental principles inside their core principle. Missing entries weigh 1,
 * so by default a core principle is the plain mean of its scored instrumental principles.
 */
export type PrincipleWeights = Partial<Record<InstrumentalPrincipleId, number>>;

export const EQUAL_WEIGHTS: CriteriaWeights = Object.fromEntries(
  CORE_PRINCIPLES.map((p) => [p.id, 20]),
) as CriteriaWeights;

/** Criteria weights may be typed in with decimals; a total this close to 100 is 100. */
const TOTAL_TOLERANCE = 1e-9;

/**
 * Every problem with a set of criteria weights, worded for the officer who typed them; an empty
 * list means they are valid. Unknown keys are rejected so a typo cannot silently drop a criterion.
 */
export function validateCriteriaWeights(weights: unknown): string[] {
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights))
    return ['criteria weights must be an object with one number per core principle'];
  const record = weights as Record<string, unknown>;
  const problems: string[] = [];
  for (const principle of CORE_PRINCIPLES) {
    const weight = record[principle.id];
    if (typeof weight !== 'number' || !Number.isFinite(weight))
      problems.push(`${principle.name}: a weight is required`);
    else if (weight < 0 || weight > 100) problems.push(`${principle.name}: must be between 0 and 100`);
  }
  const unknown = Object.keys(record).filter((key) => !CORE_PRINCIPLES.some((p) => p.id === key));
  if (unknown.length) problems.push(`unknown criteria: ${unknown.join(', ')}`);
  if (problems.length === 0) {
    const total = CORE_PRINCIPLES.reduce((sum, p) => sum + (record[p.id] as number), 0);
    if (Math.abs(total - 100) > TOTAL_TOLERANCE) problems.push(`weights must add up to 100 (they add up to ${total})`);
  }
  return problems;
}

export function assertCriteriaWeights(weights: unknown): asserts weights is CriteriaWeights {
  const problems = validateCriteriaWeights(weights);
  if (problems.length) throw new ScoringInputError(problems.map((problem) => `criteria weights: ${problem}`));
}

/** Problems with instrumental principle weights: each must be a finite, non-negative number. */
export function validatePrincipleWeights(weights: unknown): string[] {
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights))
    return ['principle weights must be an object keyed by instrumental principle'];
  const problems: string[] = [];
  for (const [key, weight] of Object.entries(weights)) {
    const principle = INSTRUMENTAL_PRINCIPLES.find((p) => p.id === key);
    if (!principle) problems.push(`unknown instrumental principle: ${key}`);
    else if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
      problems.push(`${principle.name}: must be a number of 0 or more`);
  }
  return problems;
}

/** The weight of every instrumental principle, defaults filled in, after validation. */
export function resolvePrincipleWeights(
  weights: PrincipleWeights | undefined,
): Record<InstrumentalPrincipleId, number> {
  if (weights !== undefined) {
    const problems = validatePrincipleWeights(weights);
    if (problems.length) throw new ScoringInputError(problems.map((problem) => `principle weights: ${problem}`));
  }
  return Object.fromEntries(INSTRUMENTAL_PRINCIPLES.map((p) => [p.id, weights?.[p.id] ?? 1])) as Record<
    InstrumentalPrincipleId,
    number
  >;
}

/**
 * Moves one criterion's weight by `delta` points (clamped to 0–100) and rescales the others
 * proportionally so the total stays 100 — the perturbation the sensitivity check applies. When
 * every other criterion weighs 0 there is no proportion to keep, so they share the rest equally.
 */
export function shiftWeight(weights: CriteriaWeights, principle: CorePrincipleId, delta: number): CriteriaWeights {
  const target = Math.min(100, Math.max(0, weights[principle] + delta));
  const othersTotal = 100 - weights[principle];
  const shifted = { ...weights, [principle]: target };
  for (const other of CORE_PRINCIPLES) {
    if (other.id === principle) continue;
    shifted[other.id] =
      othersTotal > 0
        ? (weights[other.id] / othersTotal) * (100 - target)
        : (100 - target) / (CORE_PRINCIPLES.length - 1);
  }
  return shifted;
}
