import {
  CORE_PRINCIPLES,
  CorePrincipleId,
  InstrumentalPrincipleId,
  PUBLISHED_RULES,
  RubricItem,
} from '@probity/rubric';
import { CORE_OF } from './aggregate';
import { assertCriteriaWeights, CriteriaWeights, PrincipleWeights, resolvePrincipleWeights } from './weights';

/**
 * The published rule, worded once for the portal, the officer's table and the dossier. It depends
 * on a question's own weights only: adding a question to a principle does not change what its
 * siblings are worth relative to the rest of the criterion.
 */
export const EFFECTIVE_WEIGHT_RULE = PUBLISHED_RULES.effectiveWeights;

/** Bounds of the outlier warning, as multiples of the mean points per question (100 / questions). */
export const OUTLIER_ABOVE_MEAN = 3;
export const OUTLIER_BELOW_MEAN = 1 / 3;

export interface EffectiveWeight {
  questionName: string;
  title: string;
  principle: InstrumentalPrincipleId;
  core: CorePrincipleId;
  /** Points of 100 this question is worth in the overall score. */
  points: number;
  /** Set when the question is worth far more or far less than the average question. */
  outlier: 'high' | 'low' | null;
}

export interface EffectiveWeightTable {
  rows: EffectiveWeight[];
  /** 100, or 0 when nothing applies; criteria without a question leave it and the others renormalise. */
  total: number;
  /** The average points per question, the reference for the outlier bounds. */
  meanPoints: number;
  /** Criteria with no question that applies: their weight is shared by the other criteria. */
  criteriaWithoutQuestions: CorePrincipleId[];
}

/**
 * Every scored question's points of 100 under the published rule (EFFECTIVE_WEIGHT_RULE), over the
 * questions that apply (visible, weight above 0), with the outliers marked. Pure.
 */
export function effectiveWeights(
  items: RubricItem[],
  weights: CriteriaWeights,
  principleWeights?: PrincipleWeights,
): EffectiveWeightTable {
  assertCriteriaWeights(weights);
  const resolved = resolvePrincipleWeights(principleWeights);
  const applying = items.filter((item) => item.visible && item.weight > 0);
  const unitsOf = (item: RubricItem) => resolved[item.principle] * item.weight;
  const unitTotal = {} as Record<CorePrincipleId, number>;
  for (const core of CORE_PRINCIPLES) unitTotal[core.id] = 0;
  for (const item of applying) unitTotal[CORE_OF[item.principle]] += unitsOf(item);
  const counted = CORE_PRINCIPLES.filter((core) => unitTotal[core.id] > 0);
  const countedCriteriaWeight = counted.reduce((sum, core) => sum + weights[core.id], 0);
  const rows = applying
    .filter((item) => unitsOf(item) > 0)
    .map((item) => {
      const core = CORE_OF[item.principle];
      const points =
        countedCriteriaWeight > 0
          ? (100 * weights[core] * unitsOf(item)) / (countedCriteriaWeight * unitTotal[core])
          : 0;
      return { questionName: item.questionName, title: item.title, principle: item.principle, core, points };
    });
  const meanPoints = rows.length ? 100 / rows.length : 0;
  return {
    rows: rows.map((row) => ({
      ...row,
      outlier:
        row.points > meanPoints * OUTLIER_ABOVE_MEAN
          ? 'high'
          : row.points < meanPoints * OUTLIER_BELOW_MEAN
            ? 'low'
            : null,
    })),
    total: rows.reduce((sum, row) => sum + row.points, 0),
    meanPoints,
    criteriaWithoutQuestions: CORE_PRINCIPLES.filter((core) => unitTotal[core.id] === 0).map((core) => core.id),
  };
}
