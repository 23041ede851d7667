/**
 * The published 0–4 scale evaluators use for answers that need judgement (free text, evidence
 * quality). Published to providers with the criteria, so they know how they will be judged.
 */
export const EVALUATION_SCALE = [
  { score: 0, label: 'Unacceptable', descriptor: 'No answer, or an answer that shows the requirement is not met.' },
  {
    score: 1,
    label: 'Poor',
    descriptor: 'Major gaps or unsupported claims; significant doubt that the requirement is met.',
  },
  { score: 2, label: 'Adequate', descriptor: 'Meets the requirement in part; some claims lack evidence or detail.' },
  { score: 3, label: 'Good', descriptor: 'Meets the requirement with credible detail and relevant evidence.' },
  {
    score: 4,
    label: 'Excellent',
    descriptor: 'Fully meets the requirement with specific, verifiable evidence and no doubts left.',
  },
] as const;

export type PanelScore = (typeof EVALUATION_SCALE)[number]['score'];

/** A spread of this many scale points or more between evaluators is flagged for moderation. */
export const LARGE_DISAGREEMENT = 2;

export function isPanelScore(value: unknown): value is PanelScore {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4;
}

/** Converts a moderated panel score to the 0–100 points scale used by automatic scoring. */
export function panelScoreToPoints(score: PanelScore): number {
  return score * 25;
}

export interface ScoreSpread {
  scores: number[];
  min: number;
  max: number;
  mean: number;
  spread: number;
  largeDisagreement: boolean;
}

export function scoreSpread(scores: number[]): ScoreSpread | null {
  if (scores.length === 0) return null;
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  return { scores: [...scores], min, max, mean, spread: max - min, largeDisagreement: max - min >= LARGE_DISAGREEMENT };
}

export interface ConflictDeclarationState {
  declared: boolean;
  hasConflict: boolean;
}

/**
 * An evaluator sees no submission before declaring no conflict of interest for the case, and a
 * declared conflict recuses them for good.
 */
export function evaluationAccess(
  declaration: ConflictDeclarationState | null,
): 'allowed' | 'declare-first' | 'recused' {
  if (!declaration?.declared) return 'declare-first';
  return declaration.hasConflict ? 'recused' : 'allowed';
}

/** Independent scoring: others' scores stay hidden until this evaluator has submitted their own. */
export function mayViewOtherScores(ownSubmitted: boolean, isModerator: boolean): boolean {
  return isModerator || ownSubmitted;
}
