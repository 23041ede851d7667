import type { InstrumentalPrincipleId } from './principles';

/**
 * The answer a provider gives to say a question does not apply to their system. Only accepted where
 * the question allows it; it removes the question from both sides of the weighted mean.
 */
export const NOT_APPLICABLE = '__not_applicable__';

/** How a question's answer turns into points on a 0–100 scale. */
export type RubricScoring =
  /** radiogroup, dropdown, boolean: the chosen value's points. Boolean values are 'true'/'false'. */
  | { kind: 'single-choice'; points: Record<string, number> }
  /** checkbox: the sum of the chosen values' points, capped at 100. */
  | { kind: 'multiple-choice'; points: Record<string, number> }
  /** number: the points of the first band whose [min, max) contains the value. */
  | { kind: 'numeric-bands'; bands: Array<{ min?: number; max?: number; points: number }> }
  /** matrix: the mean of each row's chosen column points. */
  | { kind: 'matrix'; points: Record<string, number> }
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
