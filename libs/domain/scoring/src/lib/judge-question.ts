import {
  confusionRates,
  gatherConfusionMatrix,
  isSubstantiveAnswer,
  NOT_APPLICABLE,
  readConfusionMatrix,
  RubricItem,
  ScoreBandPoints,
} from '@probity/rubric';
import { EvidenceStatus, EvidenceVerdict, evidenceStatusOf } from './evidence-confirmation';
import { PanelScoreInput, POINTS_PER_PANEL_STEP } from './panel-scale';

export type QuestionStatus =
  /** Points from the answer, or from the moderated panel score. */
  | 'scored'
  /** Required, visible and not answered: counts as the worst answer (0 points). */
  | 'unanswered-required'
  /** Optional and not answered: also counts as the worst answer, so a blank never beats "No". */
  | 'unanswered-optional'
  /** Answered N/A where allowed (or judged N/A by the panel): left out of both sums. */
  | 'not-applicable'
  /** Hidden by conditional logic for this response: never scored. */
  | 'hidden'
  /** Weight 0: asked for information only. */
  | 'informative'
  /** Needs human judgement and has no moderated panel score yet: left out until it has one. */
  | 'awaiting-panel';

/** What the per-question rules decide, before the weighted means. */
export interface Judged {
  status: QuestionStatus;
  /** 0–100, or null when the question does not count. */
  points: number | null;
  source: 'automatic' | 'panel' | null;
  /** Set when the answer is a claim that needs evidence: how the evidence rule treated it. */
  evidence?: EvidenceStatus;
  /** The points the answer claims before the evidence rule (only with `evidence`). */
  claimedPoints?: number;
}

/** What the judge knows about one question besides its answer. */
export interface QuestionContext {
  /** Every answer of the response: a question may read its figures from another one's answer. */
  answers: Record<string, unknown>;
  panel: PanelScoreInput | undefined;
  evidenceAttached: boolean;
  evidenceVerdict: EvidenceVerdict | undefined;
}

function pointsFor(points: Record<string, number>, value: unknown): number {
  const key = String(value);
  return Object.prototype.hasOwnProperty.call(points, key) ? points[key] : 0;
}

function bandPoints(bands: ScoreBandPoints[], value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  const band = bands.find((b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max));
  return band?.points ?? 0;
}

/**
 * A table: the mean over every row of the chosen column's points. A row left out counts as the
 * worst (0), so leaving out a bad row never helps; a row the method lets be N/A leaves the mean.
 * Null when every row is N/A: the question then does not count at all.
 */
function matrixPoints(scoring: Extract<RubricItem['scoring'], { kind: 'matrix' }>, answer: unknown): number | null {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return 0;
  const cells = answer as Record<string, unknown>;
  const rows = scoring.rows ?? Object.keys(cells);
  const naRows = new Set(scoring.naRows ?? []);
  let sum = 0;
  let counted = 0;
  for (const row of rows) {
    if (cells[row] === NOT_APPLICABLE && naRows.has(row)) continue;
    counted += 1;
    sum += Object.prototype.hasOwnProperty.call(cells, row) ? pointsFor(scoring.points, cells[row]) : 0;
  }
  return counted === 0 ? null : sum / counted;
}

/**
 * Points for an answered automatic question. A value the rubric gives no points for (an "other"
 * choice, a number outside every band, a malformed answer) scores 0: silence is not assurance.
 * Null only for a table whose every row was answered N/A where allowed.
 */
function automaticPoints(item: RubricItem, answer: unknown, answers: Record<string, unknown>): number | null {
  // The figures of a confusion matrix are read from all its questions, not only the scored one.
  const scoring = item.scoring;
  switch (scoring.kind) {
    case 'single-choice':
      return pointsFor(scoring.points, answer);
    case 'multiple-choice': {
      const chosen = Array.isArray(answer) ? new Set(answer.map(String)) : new Set([String(answer)]);
      let sum = 0;
      for (const value of chosen) sum += pointsFor(scoring.points, value);
      return Math.min(100, sum);
    }
    case 'numeric-bands': {
      const value = typeof answer === 'number' ? answer : typeof answer === 'string' ? Number(answer) : NaN;
      return bandPoints(scoring.bands, value);
    }
    case 'matrix':
      return matrixPoints(scoring, answer);
    case 'confusion-matrix': {
      const matrix = readConfusionMatrix(gatherConfusionMatrix(scoring.fields, answers));
      return matrix ? bandPoints(scoring.bands, confusionRates(matrix)[scoring.metric]) : 0;
    }
    case 'manual':
      throw new Error('manual questions are never scored automatically');
  }
}

const NOT_COUNTED = (status: QuestionStatus): Judged => ({ status, points: null, source: null });

/**
 * One question's status and points. The order of the checks is the policy: hidden beats
 * everything (a question the provider was not asked cannot count); weight 0 is informative; a
 * provider's allowed N/A stands even against a panel score; a moderated panel score decides
 * questions that need judgement; an unanswered question is the worst answer (0), required or not,
 * so leaving a question blank never beats answering it; a claim that needs evidence earns its
 * points only with the evidence attached and confirmed by the panel (EVIDENCE_RULE).
 */
export function judge(item: RubricItem, context: QuestionContext): Judged {
  if (!item.visible) return NOT_COUNTED('hidden');
  if (item.weight === 0) return NOT_COUNTED('informative');
  const answer = context.answers[item.questionName];
  if (answer === NOT_APPLICABLE && item.naAllowed) return NOT_COUNTED('not-applicable');
  // N/A where the question does not allow it is no answer at all.
  const answered = isSubstantiveAnswer(answer);
  const worst: Judged = {
    status: item.required ? 'unanswered-required' : 'unanswered-optional',
    points: 0,
    source: 'automatic',
  };
  if (item.scoring.kind === 'manual') {
    const panel = context.panel;
    if (panel === NOT_APPLICABLE) return { status: 'not-applicable', points: null, source: 'panel' };
    if (panel !== undefined) return { status: 'scored', points: panel * POINTS_PER_PANEL_STEP, source: 'panel' };
    return answered ? NOT_COUNTED('awaiting-panel') : worst;
  }
  if (!answered) return worst;
  const claimed = automaticPoints(item, answer, context.answers);
  if (claimed === null) return NOT_COUNTED('not-applicable');
  const evidence = item.evidenceRequired
    ? evidenceStatusOf(claimed, context.evidenceAttached, context.evidenceVerdict)
    : null;
  if (evidence === null) return { status: 'scored', points: claimed, source: 'automatic' };
  return {
    status: 'scored',
    points: evidence === 'confirmed' ? claimed : 0,
    source: 'automatic',
    evidence,
    claimedPoints: claimed,
  };
}
