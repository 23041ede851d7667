import { CORE_PRINCIPLES, CorePrincipleId, INSTRUMENTAL_PRINCIPLES, InstrumentalPrincipleId } from '@probity/rubric';
import type { QuestionScore } from './score-response';
import type { CriteriaWeights } from './weights';

export const CORE_OF = Object.fromEntries(INSTRUMENTAL_PRINCIPLES.map((p) => [p.id, p.core])) as Record<
  InstrumentalPrincipleId,
  CorePrincipleId
>;
const PRINCIPLE_INDEX = Object.fromEntries(INSTRUMENTAL_PRINCIPLES.map((p, index) => [p.id, index])) as Record<
  InstrumentalPrincipleId,
  number
>;

export interface Aggregated {
  instrumental: Record<InstrumentalPrincipleId, number | null>;
  /** The question weight counted in each instrumental principle (questions that count only). */
  countedWeight: Record<InstrumentalPrincipleId, number>;
  core: Record<CorePrincipleId, number | null>;
  overall: number | null;
}

/**
 * Weighted means bottom-up, then each counted question's exact share of every level above it.
 * A question weighs `principle weight × question weight` units inside its criterion (the published
 * rule of effective-weights.ts), so a question's share never depends on how many siblings its
 * instrumental principle has. Mutates the questions' contributions.
 */
export function aggregate(
  questions: QuestionScore[],
  weights: CriteriaWeights,
  principleWeights: Record<InstrumentalPrincipleId, number>,
): Aggregated {
  const countedWeightByIndex = new Float64Array(INSTRUMENTAL_PRINCIPLES.length);
  const weightedPoints = new Float64Array(INSTRUMENTAL_PRINCIPLES.length);
  for (const question of questions) {
    if (question.points === null) continue;
    const index = PRINCIPLE_INDEX[question.principle];
    countedWeightByIndex[index] += question.weight;
    weightedPoints[index] += question.weight * question.points;
  }
  const instrumental = {} as Record<InstrumentalPrincipleId, number | null>;
  const countedWeight = {} as Record<InstrumentalPrincipleId, number>;
  INSTRUMENTAL_PRINCIPLES.forEach((principle, index) => {
    const total = countedWeightByIndex[index];
    countedWeight[principle.id] = total;
    instrumental[principle.id] = total > 0 ? weightedPoints[index] / total : null;
  });
  const { core, unitTotal } = coreScores(instrumental, principleWeights, countedWeight);
  const countedCriteriaWeight = countedCriteria(core, weights);
  const overall = overallFrom(core, weights, countedCriteriaWeight);

  for (const question of questions) {
    if (question.points === null) continue;
    question.principleContribution =
      (question.weight / countedWeightByIndex[PRINCIPLE_INDEX[question.principle]]) * question.points;
    const units = principleWeights[question.principle] * question.weight;
    question.contribution =
      overall === null || unitTotal[question.core] === 0 || core[question.core] === null
        ? 0
        : (weights[question.core] / countedCriteriaWeight) * (units / unitTotal[question.core]) * question.points;
  }
  return { instrumental, countedWeight, core, overall };
}

/**
 * Core principle scores from instrumental ones: each instrumental principle weighs its principle
 * weight × the question weight counted in it, which makes a core score the unit-weighted mean of its
 * counted questions. Without counted weights (sheets of older rules) each principle weighs its
 * principle weight alone. Principles without a score, or weighing 0, are left out.
 */
export function coreScores(
  instrumental: Record<InstrumentalPrincipleId, number | null>,
  principleWeights: Record<InstrumentalPrincipleId, number>,
  countedWeight?: Partial<Record<InstrumentalPrincipleId, number>>,
): { core: Record<CorePrincipleId, number | null>; unitTotal: Record<CorePrincipleId, number> } {
  const core = {} as Record<CorePrincipleId, number | null>;
  const unitTotal = {} as Record<CorePrincipleId, number>;
  for (const principle of CORE_PRINCIPLES) {
    let total = 0;
    let weighted = 0;
    for (const member of INSTRUMENTAL_PRINCIPLES) {
      const score = instrumental[member.id];
      if (member.core !== principle.id || score === null || score === undefined) continue;
      const units = principleWeights[member.id] * (countedWeight ? (countedWeight[member.id] ?? 0) : 1);
      total += units;
      weighted += units * score;
    }
    unitTotal[principle.id] = total;
    core[principle.id] = total > 0 ? weighted / total : null;
  }
  return { core, unitTotal };
}

function countedCriteria(core: Record<CorePrincipleId, number | null>, weights: CriteriaWeights): number {
  return CORE_PRINCIPLES.reduce((sum, p) => sum + (core[p.id] === null ? 0 : weights[p.id]), 0);
}

function overallFrom(
  core: Record<CorePrincipleId, number | null>,
  weights: CriteriaWeights,
  countedCriteriaWeight: number,
): number | null {
  if (countedCriteriaWeight <= 0) return null;
  let weighted = 0;
  for (const principle of CORE_PRINCIPLES) {
    const score = core[principle.id];
    if (score !== null) weighted += weights[principle.id] * score;
  }
  return weighted / countedCriteriaWeight;
}

/** The overall score of stored core scores under other criteria weights, without rescoring answers. */
export function overallUnder(sheet: { core: Record<CorePrincipleId, number | null> }, weights: CriteriaWeights) {
  return overallFrom(sheet.core, weights, countedCriteria(sheet.core, weights));
}
