import { CorePrincipleId, InstrumentalPrincipleId, RubricItem, ScoringModelOutcome } from '@probity/rubric';
import { aggregate, CORE_OF } from './aggregate';
import { ScoringInputError } from './errors';
import type { EvidenceConfirmations, EvidenceStatus } from './evidence-confirmation';
import { judge, QuestionStatus } from './judge-question';
import { PANEL_SCALE_MAX, PanelScoreInput } from './panel-scale';
import { panelProblems, rubricProblems } from './scoring-input-checks';
import { assertCriteriaWeights, CriteriaWeights, PrincipleWeights, resolvePrincipleWeights } from './weights';

export { coreScores, overallUnder } from './aggregate';
export { PANEL_SCALE_MAX, PanelScoreInput, QuestionStatus };

/**
 * Bump when the scoring rules or the sheet's shape change. Stored sheets record the version they
 * were computed with, so a stored score is compared with its own rules and never silently redone.
 * 2026.12-1: effective weights per question (no sibling averaging), blanks count as the worst
 * answer, whole tables, N/A rows, confusion matrices, the evidence-confirmation rule.
 */
export const SCORING_VERSION = '2026.12-1';

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
  /** For a claim that needs evidence: how the evidence rule treated it (EVIDENCE_RULE). */
  evidence?: EvidenceStatus;
  /** With `evidence`: the points the answer claims, earned only once the panel confirms the evidence. */
  claimedPoints?: number;
}

export interface ScoreSheet {
  scoringVersion: string;
  weights: CriteriaWeights;
  /** Every instrumental principle's weight inside its core principle (1 unless configured). */
  principleWeights: Record<InstrumentalPrincipleId, number>;
  questions: QuestionScore[];
  instrumental: Record<InstrumentalPrincipleId, number | null>;
  /** The question weight counted in each instrumental principle: re-weighing principles needs it. */
  countedWeight?: Record<InstrumentalPrincipleId, number>;
  core: Record<CorePrincipleId, number | null>;
  /** Null when nothing was scorable: "no evidence" is not the same as zero. */
  overall: number | null;
  /** Questions that need a moderated panel score before the sheet is final, in rubric order. */
  awaitingPanel: string[];
  /** Claims with evidence attached that the panel has not confirmed yet (0 until it does). */
  awaitingEvidenceConfirmation?: string[];
  /** The questionnaire's own scoring model's values, level and ranking key; absent without a model. */
  model?: ScoringModelOutcome;
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
  /**
   * Names of the questions with at least one evidence file attached. When left out, a panel verdict
   * is taken to mean evidence was attached (the panel cannot confirm what is not there).
   */
  attachedEvidence?: ReadonlySet<string>;
  /**
   * What the questionnaire's own scoring model gave for these answers (`evaluateScoringModel`):
   * stored on the sheet as it is, beside the principle scores.
   */
  scoringModel?: ScoringModelOutcome | null;
}

/**
 * Scores one response. Per question see `judge`; then weighted means: per instrumental principle
 * (question weights), per core principle (principle weight × question weight per question, see
 * effective-weights.ts) and overall (criteria weights, over the core principles that have a score,
 * so a criterion with nothing scorable is left out rather than counted as 0). Pure and deterministic.
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
    const name = item.questionName;
    const verdict = options.evidenceConfirmations?.get(name);
    const judged = judge(item, {
      answers,
      panel: options.panelScores?.[name],
      evidenceAttached: options.attachedEvidence ? options.attachedEvidence.has(name) : verdict !== undefined,
      evidenceVerdict: verdict,
    });
    return {
      questionName: name,
      title: item.title,
      principle: item.principle,
      core: CORE_OF[item.principle],
      weight: item.weight,
      ...judged,
      principleContribution: 0,
      contribution: 0,
    };
  });
  const sheet = sheetOf(questions, { ...options.weights }, principleWeights);
  return options.scoringModel ? { ...sheet, model: options.scoringModel } : sheet;
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
  // Criteria weights are not part of a scoring model: its outcome carries over unchanged.
  const reweighed = sheetOf(questions, { ...weights.weights }, principleWeights);
  return sheet.model ? { ...reweighed, model: sheet.model } : reweighed;
}

function sheetOf(
  questions: QuestionScore[],
  weights: CriteriaWeights,
  principleWeights: Record<InstrumentalPrincipleId, number>,
): ScoreSheet {
  const { instrumental, countedWeight, core, overall } = aggregate(questions, weights, principleWeights);
  return {
    scoringVersion: SCORING_VERSION,
    weights,
    principleWeights,
    questions,
    instrumental,
    countedWeight,
    core,
    overall,
    awaitingPanel: questions.filter((q) => q.status === 'awaiting-panel').map((q) => q.questionName),
    awaitingEvidenceConfirmation: questions
      .filter((q) => q.evidence === 'awaiting-confirmation')
      .map((q) => q.questionName),
  };
}
