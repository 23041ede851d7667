import type { ConfusionMatrixFields, ConfusionMetric } from './confusion-matrix';
import type { InstrumentalPrincipleId } from './principles';

/** A band [min, max) of a measured value and the points it earns. */
export interface ScoreBandPoints {
  min?: number;
  max?: number;
  points: number;
}

/**
 * The answer a provider gives to say a question (or a table row) does not apply to their system.
 * Only accepted where the method allows it; it removes the question or row from both sides of the
 * weighted mean: the question's effective weight is shared by the other questions of its criterion.
 */
export const NOT_APPLICABLE = '__not_applicable__';

/** How a question's answer turns into points on a 0–100 scale. */
export type RubricScoring =
  /** radiogroup, dropdown, boolean: the chosen value's points. Boolean values are 'true'/'false'. */
  | { kind: 'single-choice'; points: Record<string, number> }
  /** checkbox: the sum of the chosen values' points, capped at 100. */
  | { kind: 'multiple-choice'; points: Record<string, number> }
  /** number: the points of the first band whose [min, max) contains the value. */
  | { kind: 'numeric-bands'; bands: ScoreBandPoints[] }
  /**
   * matrix: the mean over every row of the table of the chosen column's points. A row left out
   * scores 0 (the worst); a row in `naRows` answered N/A leaves the mean.
   */
  | { kind: 'matrix'; points: Record<string, number>; rows?: string[]; naRows?: string[] }
  /**
   * One rate of a confusion matrix (see confusion-matrix.ts): the points of the first band containing
   * the rate Probity computes, in per cent, from the counts the provider gave in the questions named
   * by `fields` (the scored question is one of them).
   */
  | { kind: 'confusion-matrix'; metric: ConfusionMetric; bands: ScoreBandPoints[]; fields: ConfusionMatrixFields }
  /** text, comment, file and dates: never auto-scored; evaluators score them by hand. */
  | { kind: 'manual' };

/**
 * A questionnaire question reduced to what scoring needs, after conditional logic was evaluated
 * against one response. The questionnaire engine produces these; the scorer consumes them.
 */
export interface RubricItem {
  questionName: string;
  title: string;
  principle: InstrumentalPrincipleId;
  /** Relative weight within its instrumental principle; 0 means informative only. */
  weight: number;
  required: boolean;
  naAllowed: boolean;
  evidenceRequired: boolean;
  /** False when `visibleIf` hides it for this response: hidden questions are never scored or required. */
  visible: boolean;
  scoring: RubricScoring;
}
