import {
  CORE_PRINCIPLES,
  CorePrincipleId,
  corePrincipleOf,
  INSTRUMENTAL_PRINCIPLES,
  InstrumentalPrincipleId,
  NOT_APPLICABLE,
  RubricItem,
} from '@probity/rubric';
import type { CriteriaWeights } from './weights';

/** Bump when the scoring rules change; stored sheets record the version they were computed with. */
export const SCORING_VERSION = '2026.11-1';

export type QuestionStatus =
  | 'scored'
  | 'unanswered-required'
  | 'unanswered-optional'
  | 'not-applicable'
  | 'hidden'
  | 'informative'
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
  /** This question's share of the overall score; the contributions add up to the overall. */
  contribution: number;
  source: 'automatic' | 'panel' | null;
}

export interface ScoreSheet {
  scoringVersion: string;
  weights: CriteriaWeights;
  questions: QuestionScore[];
  instrumental: Record<InstrumentalPrincipleId, number | null>;
  core: Record<CorePrincipleId, number | null>;
  /** Null when nothing was scorable: "no evidence" is not the same as zero. */
  overall: number | null;
}

export interface ScoreOptions {
  weights: CriteriaWeights;
  /** Moderated panel scores (0–4) for questions that need judgement, by question name. */
  panelScores?: Record<string, number>;
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function automaticPoints(item: RubricItem, answer: unknown): number | null {
  const scoring = item.scoring;
  switch (scoring.kind) {
    case 'single-choice':
      return scoring.points[String(answer)] ?? 0;
    case 'multiple-choice':
      return Math.min(
        100,
        (Array.isArray(answer) ? answer : [answer]).reduce<number>(
          (sum, value) => sum + (scoring.points[String(value)] ?? 0),
          0,
        ),
      );
    case 'numeric-bands': {
      const value = typeof answer === 'number' ? answer : Number(answer);
      if (!Number.isFinite(value)) return 0;
      const band = scoring.bands.find(
        (b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max),
      );
      return band?.points ?? 0;
    }
    case 'matrix': {
      const cells = Object.values(answer as Record<string, unknown>);
      return cells.length
        ? cells.reduce<number>((sum, cell) => sum + (scoring.points[String(cell)] ?? 0), 0) / cells.length
        : null;
    }
    case 'manual':
      return null;
  }
}

/**
 * Scores one response. Per question: points from the answer (or the moderated panel score for
 * questions that need judgement); N/A leaves both numerator and denominator; an unanswered
 * required question counts as the worst answer; hidden, informative and unanswered optional
 * questions do not count. Then weighted means per instrumental principle, per core principle
 * (instrumental principles equally) and overall (core principles by the published weights).
 */
export function scoreResponse(
  items: RubricItem[],
  answers: Record<string, unknown>,
  options: ScoreOptions,
): ScoreSheet {
  const questions: QuestionScore[] = items.map((item) => {
    const base = {
      questionName: item.questionName,
      title: item.title,
      principle: item.principle,
      core: corePrincipleOf(item.principle),
      weight: item.weight,
      contribution: 0,
    };
    const answer = answers[item.questionName];
    if (!item.visible) return { ...base, status: 'hidden', points: null, source: null };
    if (item.weight <= 0) return { ...base, status: 'informative', points: null, source: null };
    if (answer === NOT_APPLICABLE && item.naAllowed)
      return { ...base, status: 'not-applicable', points: null, source: null };
    if (item.scoring.kind === 'manual') {
      const panel = options.panelScores?.[item.questionName];
      if (panel !== undefined) return { ...base, status: 'scored', points: panel * 25, source: 'panel' };
      if (!isAnswered(answer) && item.required)
        return { ...base, status: 'unanswered-required', points: 0, source: 'automatic' };
      return {
        ...base,
        status: isAnswered(answer) ? 'awaiting-panel' : 'unanswered-optional',
        points: null,
        source: null,
      };
    }
    if (!isAnswered(answer) || answer === NOT_APPLICABLE) {
      return item.required
        ? { ...base, status: 'unanswered-required', points: 0, source: 'automatic' }
        : { ...base, status: 'unanswered-optional', points: null, source: null };
    }
    const points = automaticPoints(item, answer);
    return points === null
      ? { ...base, status: 'unanswered-optional', points: null, source: null }
      : { ...base, status: 'scored', points, source: 'automatic' };
  });

  const counted = questions.filter((q) => q.points !== null);
  const instrumental = {} as Record<InstrumentalPrincipleId, number | null>;
  const instrumentalWeightTotal = {} as Record<string, number>;
  for (const principle of INSTRUMENTAL_PRINCIPLES) {
    const own = counted.filter((q) => q.principle === principle.id);
    const total = own.reduce((sum, q) => sum + q.weight, 0);
    instrumentalWeightTotal[principle.id] = total;
    instrumental[principle.id] =
      total > 0 ? own.reduce((sum, q) => sum + q.weight * (q.points as number), 0) / total : null;
  }
  const core = {} as Record<CorePrincipleId, number | null>;
  const scoredInstrumentalCount = {} as Record<string, number>;
  for (const principle of CORE_PRINCIPLES) {
    const values = INSTRUMENTAL_PRINCIPLES.filter((p) => p.core === principle.id)
      .map((p) => instrumental[p.id])
      .filter((value): value is number => value !== null);
    scoredInstrumentalCount[principle.id] = values.length;
    core[principle.id] = values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
  }
  const countedCoreWeight = CORE_PRINCIPLES.filter((p) => core[p.id] !== null).reduce(
    (sum, p) => sum + options.weights[p.id],
    0,
  );
  const overall =
    countedCoreWeight > 0
      ? CORE_PRINCIPLES.reduce(
          (sum, p) => sum + (core[p.id] === null ? 0 : options.weights[p.id] * (core[p.id] as number)),
          0,
        ) / countedCoreWeight
      : null;

  for (const question of questions) {
    if (question.points === null || overall === null) continue;
    question.contribution =
      (options.weights[question.core] / countedCoreWeight) *
      (1 / scoredInstrumentalCount[question.core]) *
      (question.weight / instrumentalWeightTotal[question.principle]) *
      question.points;
  }
  return { scoringVersion: SCORING_VERSION, weights: { ...options.weights }, questions, instrumental, core, overall };
}

/** Recomputes the overall score of a stored sheet under other criteria weights, without rescoring answers. */
export function overallUnder(sheet: Pick<ScoreSheet, 'core'>, weights: CriteriaWeights): number | null {
  const counted = CORE_PRINCIPLES.filter((p) => sheet.core[p.id] !== null);
  const total = counted.reduce((sum, p) => sum + weights[p.id], 0);
  return total > 0 ? counted.reduce((sum, p) => sum + weights[p.id] * (sheet.core[p.id] as number), 0) / total : null;
}

export interface EvidenceFinding {
  questionName: string;
  title: string;
}

/** Visible, answered questions that ask for evidence but have none attached. */
export function missingEvidence(
  items: RubricItem[],
  answers: Record<string, unknown>,
  evidenceCount: Record<string, number>,
): EvidenceFinding[] {
  return items
    .filter(
      (item) =>
        item.visible &&
        item.evidenceRequired &&
        isAnswered(answers[item.questionName]) &&
        answers[item.questionName] !== NOT_APPLICABLE,
    )
    .filter((item) => (evidenceCount[item.questionName] ?? 0) === 0)
    .map((item) => ({ questionName: item.questionName, title: item.title }));
}
