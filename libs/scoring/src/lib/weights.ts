import { CORE_PRINCIPLES, CorePrincipleId } from '@probity/rubric';

/** The published award criteria: one weight per core principle, summing to 100. */
export type CriteriaWeights = Record<CorePrincipleId, number>;

export const EQUAL_WEIGHTS: CriteriaWeights = Object.fromEntries(
  CORE_PRINCIPLES.map((p) => [p.id, 20]),
) as CriteriaWeights;

export function validateCriteriaWeights(weights: Partial<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const principle of CORE_PRINCIPLES) {
    const weight = weights[principle.id];
    if (typeof weight !== 'number' || !Number.isFinite(weight))
      problems.push(`${principle.name}: a weight is required`);
    else if (weight < 0 || weight > 100) problems.push(`${principle.name}: must be between 0 and 100`);
  }
  const unknown = Object.keys(weights).filter((key) => !CORE_PRINCIPLES.some((p) => p.id === key));
  if (unknown.length) problems.push(`unknown criteria: ${unknown.join(', ')}`);
  if (problems.length === 0) {
    const total = CORE_PRINCIPLES.reduce((sum, p) => sum + (weights[p.id] as number), 0);
    if (Math.abs(total - 100) > 1e-9) problems.push(`weights must add up to 100 (they add up to ${total})`);
  }
  return problems;
}

/**
 * Moves one criterion's weight by `delta` points and rescales the others proportionally so the
 * total stays 100 — the perturbation the sensitivity check applies.
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
