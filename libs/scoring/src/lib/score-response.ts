import {
  CORE_PRINCIPLES,
  CorePrincipleId,
  INSTRUMENTAL_PRINCIPLES,
  InstrumentalPrincipleId,
  NOT_APPLICABLE,
  RubricItem,
} from '@probity/rubric';
import { ScoringInputError } from './errors';
import { PANEL_SCALE_MAX, PanelScoreInput, POINTS_PER_PANEL_STEP } from './panel-scale';
import { panelProblems, rubricProblems } from './scoring-input-checks';

export { PANEL_SCALE_MAX, PanelScoreInput };
import type { EvidenceConfirmations } from './evidence-confirmation';
import { assertCriteriaWeights, CriteriaWeights, PrincipleWeights, resolvePrincipleWeights } from './weights';

/**
 * Bump when the scoring rules or the sheet's shape change. Stored sheets record the version they
 * were computed with, so a stored score is compared with its own rules and never silently redone.
 */
export const SCORING_VERSION = '2026.11-2';

export type QuestionStatus =
  /** Points from the answer, or from the moderated panel score. */
  | 'scored'
  /** Required, visible and not answered: counts as the worst answer (0 points). */
  | 'unanswered-required'
  /** Optional and not answered: left out of both sums, because the agency did not demand it. */
  | 'unanswered-optional'
  /** Answered N/A where allowed (or judged N/A by the panel): left out of both sums. */
  | 'not-applicable'
  /** Hidden by conditional logic for this response: never scored. */
  | 'hidden'
  /** Weight 0: asked for information only. */
  | 'informative'
  /** Needs human judgement and has no moderated panel score yet: left out until it has one. */
  | 'awaiting-panel';

export interface QuestionScore {
  questionName: string;
  title: string;
  principle: InstrumentalPrincipleId;
  core: CorePrincipleId;
  weight: number;
  status: QuestionStatus;
  /** 0–100, or null when the question does not count. */
  points: number | null;
  /**
   * This question's share of its instrumental principle's score; they add up to that score. Always
   * set by scoreResponse; optional only so hand-made fixtures of the older shape still type-check.
   */
  principleContribution?: number;
  /** This question's share of the overall score; the contributions add up to the overall. */
  contribution: number;
  source: 'automatic' | 'panel' | null;
}

export interface ScoreSheet {
  scoringVersion: string;
  weights: CriteriaWeights;
  /** Every instrumental principle's weight inside its core principle (1 unless configured). */
  principleWeights: Record<InstrumentalPrincipleId, number>;
  questions: QuestionScore[];
  instrumental: Record<InstrumentalPrincipleId, number | null>;
  core: Record<CorePrincipleId, number | null>;
  /** Null when nothing was scorable: "no evidence" is not the same as zero. */
  overall: number | null;
  /** Questions that need a moderated panel score before the sheet is final, in rubric order. */
  awaitingPanel: string[];
}

export interface ScoreOptions {
  weights: CriteriaWeights;
  /** Weights of instrumental principles inside their core principle; missing ones weigh 1. */
  principleWeights?: PrincipleWeights;
  /**
   * Moderated panel scores (0–4, fractions allowed for an agreed average) by question name. Only
   * questions that need judgement (manual scoring) use them; automatic questions ignore them.
   */
  panelScores?: Record<string, PanelScoreInput>;
  /**
   * The panel's verdicts on the evidence of claims that need evidence (`evidenceRequired`). Such a
   * claim earns its points only with evidence attached and confirmed as supporting it (EVIDENCE_RULE).
   */
  evidenceConfirmations?: EvidenceConfirmations;
  /** Names of the questions with at least one evidence file attached. */
  attachedEvidence?: ReadonlySet<string>;
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/**
 * Points for an answered automatic question. A value the rubric gives no points for (an "other"
 * choice, a number outside every band, a malformed answer) scores 0: silence is not assurance.
 */
function automaticPoints(item: RubricItem, answer: unknown): number {
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
      if (!Number.isFinite(value)) return 0;
      const band = scoring.bands.find(
        (b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max),
      );
      return band?.points ?? 0;
    }
    case 'matrix': {
      if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return 0;
      const cells = Object.values(answer);
      return cells.reduce<number>((sum, cell) => sum + pointsFor(scoring.points, cell), 0) / cells.length;
    }
    case 'manual':
      throw new Error('manual questions are never scored automatically');
  }
}

function pointsFor(points: Record<string, number>, value: unknown): number {
  const key = String(value);
  return Object.prototype.hasOwnProperty.call(points, key) ? points[key] : 0;
}

type Judged = Pick<QuestionScore, 'status' | 'points' | 'source'>;

const NOT_COUNTED = (status: QuestionStatus): Judged => ({ status, points: null, source: null });
const WORST: Judged = { status: 'unanswered-required', points: 0, source: 'automatic' };

/**
 * One question's status and points. The order of the checks is the policy: hidden beats
 * everything (a question the provider was not asked cannot count); weight 0 is informative; a
 * provider's allowed N/A stands even against a panel score; a moderated panel score decides
 * questions that need judgement; an unanswered required question is the worst answer.
 */
function judge(item: RubricItem, answer: unknown, panel: PanelScoreInput | undefined): Judged {
  if (!item.visible) return NOT_COUNTED('hidden');
  if (item.weight === 0) return NOT_COUNTED('informative');
  if (answer === NOT_APPLICABLE && item.naAllowed) return NOT_COUNTED('not-applicable');
  // N/A where the question does not allow it is no answer at all.
  const answered = isAnswered(answer) && answer !== NOT_APPLICABLE;
  if (item.scoring.kind === 'manual') {
    if (panel === NOT_APPLICABLE) return { status: 'not-applicable', points: null, source: 'panel' };
    if (panel !== undefined) return { status: 'scored', points: panel * POINTS_PER_PANEL_STEP, source: 'panel' };
    if (answered) return NOT_COUNTED('awaiting-panel');
    return item.required ? WORST : NOT_COUNTED('unanswered-optional');
  }
  if (!answered) return item.required ? WORST : NOT_COUNTED('unanswered-optional');
  return { status: 'scored', points: automaticPoints(item, answer), source: 'automatic' };
}

/**
 * Scores one response. Per question see `judge`; then weighted means: per instrumental principle
 * (question weights), per core principle (instrumental principle weights, over the principles that
 * have a score) and overall (criteria weights, over the core principles that have a score, so a
 * criterion with nothing scorable is left out rather than counted as 0). Pure and deterministic.
 *
 * Throws ScoringInputError for a malformed rubric, invalid weights or a panel score off the scale.
 */
export function scoreResponse(
  items: RubricItem[],
  answers: Record<string, unknown>,
  options: ScoreOptions,
): ScoreSheet {
  assertCriteriaWeights(options.weights);
  const principleWeights = resolvePrincipleWeights(options.principleWeights);
  const problems = [...rubricProblems(items), ...panelProblems(options.panelScores)];
  if (problems.length) throw new ScoringInputError(problems);

  const questions: QuestionScore[] = items.map((item) => {
    const judged = judge(item, answers[item.questionName], options.panelScores?.[item.questionName]);
    return {
      questionName: item.questionName,
      title: item.title,
      principle: item.principle,
      core: CORE_OF[item.principle],
      weight: item.weight,
      status: judged.status,
      points: judged.points,
      source: judged.source,
      principleContribution: 0,
      contribution: 0,
    };
  });
  return aggregate(questions, { ...options.weights }, principleWeights);
}

/**
 * The same sheet under other weights, from its stored per-question points: answers are not read
 * again, so a weight change before evaluation is locked re-runs in microseconds. Only sheets of the
 * current scoring version can be re-weighed; older ones must be rescored from their answers.
 */
export function reweighScoreSheet(
  sheet: ScoreSheet,
  weights: { weights: CriteriaWeights; principleWeights?: PrincipleWeights },
): ScoreSheet {
  if (sheet.scoringVersion !== SCORING_VERSION)
    throw new ScoringInputError([
      `the sheet was scored with rules ${sheet.scoringVersion}; rescore its answers with ${SCORING_VERSION} instead`,
    ]);
  assertCriteriaWeights(weights.weights);
  const principleWeights = resolvePrincipleWeights(weights.principleWeights ?? sheet.principleWeights);
  const questions = sheet.questions.map((question) => ({ ...question, principleContribution: 0, contribution: 0 }));
  return aggregate(questions, { ...weights.weights }, principleWeights);
}

const CORE_OF = Object.fromEntries(INSTRUMENTAL_PRINCIPLES.map((p) => [p.id, p.core])) as Record<
  InstrumentalPrincipleId,
  CorePrincipleId
>;
const PRINCIPLE_INDEX = Object.fromEntries(INSTRUMENTAL_PRINCIPLES.map((p, index) => [p.id, index])) as Record<
  InstrumentalPrincipleId,
  number
>;

/** Weighted means bottom-up, then each counted question's exact share of every level above it. */
function aggregate(
  questions: QuestionScore[],
  weights: CriteriaWeights,
  principleWeights: Record<InstrumentalPrincipleId, number>,
): ScoreSheet {
  const questionWeightTotal = new Float64Array(INSTRUMENTAL_PRINCIPLES.length);
  const weightedPoints = new Float64Array(INSTRUMENTAL_PRINCIPLES.length);
  for (const question of questions) {
    if (question.points === null) continue;
    const index = PRINCIPLE_INDEX[question.principle];
    questionWeightTotal[index] += question.weight;
    weightedPoints[index] += question.weight * question.points;
  }
  const instrumental = {} as Record<InstrumentalPrincipleId, number | null>;
  INSTRUMENTAL_PRINCIPLES.forEach((principle, index) => {
    const total = questionWeightTotal[index];
    instrumental[principle.id] = total > 0 ? weightedPoints[index] / total : null;
  });
  const { core, principleWeightTotal } = coreScores(instrumental, principleWeights);
  const countedCriteriaWeight = CORE_PRINCIPLES.reduce((sum, p) => sum + (core[p.id] === null ? 0 : weights[p.id]), 0);
  const overall = overallFrom(core, weights, countedCriteriaWeight);

  for (const question of questions) {
    if (question.points === null) continue;
    const principleShare = question.weight / questionWeightTotal[PRINCIPLE_INDEX[question.principle]];
    question.principleContribution = principleShare * question.points;
    const principleWeightInCore = principleWeightTotal[question.core];
    question.contribution =
      overall === null || principleWeightInCore === 0 || core[question.core] === null
        ? 0
        : (weights[question.core] / countedCriteriaWeight) *
          (principleWeights[question.principle] / principleWeightInCore) *
          question.principleContribution;
  }
  return {
    scoringVersion: SCORING_VERSION,
    weights,
    principleWeights,
    questions,
    instrumental,
    core,
    overall,
    awaitingPanel: questions.filter((q) => q.status === 'awaiting-panel').map((q) => q.questionName),
  };
}

/**
 * Core principle scores from instrumental ones. Instrumental principles without a score, or
 * weighing 0, are left out; a core principle with none left has no score.
 */
export function coreScores(
  instrumental: Record<InstrumentalPrincipleId, number | null>,
  principleWeights: Record<InstrumentalPrincipleId, number>,
): { core: Record<CorePrincipleId, number | null>; principleWeightTotal: Record<CorePrincipleId, number> } {
  const core = {} as Record<CorePrincipleId, number | null>;
  const principleWeightTotal = {} as Record<CorePrincipleId, number>;
  for (const principle of CORE_PRINCIPLES) {
    let total = 0;
    let weighted = 0;
    for (const member of INSTRUMENTAL_PRINCIPLES) {
      const score = instrumental[member.id];
      if (member.core !== principle.id || score === null || score === undefined) continue;
      total += principleWeights[member.id];
      weighted += principleWeights[member.id] * score;
    }
    principleWeightTotal[principle.id] = total;
    core[principle.id] = total > 0 ? weighted / total : null;
  }
  return { core, principleWeightTotal };
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
export function overallUnder(sheet: Pick<ScoreSheet, 'core'>, weights: CriteriaWeights): number | null {
  const counted = CORE_PRINCIPLES.reduce((sum, p) => sum + (sheet.core[p.id] === null ? 0 : weights[p.id]), 0);
  return overallFrom(sheet.core, weights, counted);
}
