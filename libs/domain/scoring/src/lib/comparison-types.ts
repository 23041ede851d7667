import type { CorePrincipleId, InstrumentalPrincipleId } from '@probity/rubric';
import type { ModelRanking } from './model-ranking';
import type { QuestionScore, ScoreSheet } from './score-response';
import type { CriteriaWeights, PrincipleWeights } from './weights';

/** A knock-out or red-flag rule that fired, as the questionnaire's rule engine reports it. */
export interface ProviderFinding {
  ruleId: string;
  kind: 'knockout' | 'red-flag';
  severity: string;
  title: string;
  firedBy: Array<{ questionName: string; answer: unknown }>;
}

/** One provider's stored results: the comparison never reads answers. */
export interface ProviderResult {
  providerId: string;
  name: string;
  /** A stored ScoreSheet fits; `questions` is only read to list answers still awaiting the panel. */
  sheet: Pick<ScoreSheet, 'core' | 'instrumental' | 'overall' | 'countedWeight' | 'model'> & {
    questions?: Array<Pick<QuestionScore, 'questionName' | 'status'>>;
  };
  findings: ProviderFinding[];
  /** Names of questions whose required evidence is missing. */
  missingEvidence: string[];
}

export interface ComparisonOptions {
  /** Points each criterion weight moves in the sensitivity check (default 10). */
  shift?: number;
  /** Ranked providers at most this many points apart are reported as close (default 2). */
  margin?: number;
  /**
   * Instrumental principle weights to apply instead of the ones the sheets were scored with: core
   * scores are then recomputed from the stored instrumental scores.
   */
  principleWeights?: PrincipleWeights;
}

export interface RankedProvider {
  providerId: string;
  name: string;
  /** Competition ranking: equal scores share a rank and the next rank is skipped (1, 1, 3). */
  rank: number;
  overall: number;
  core: Record<CorePrincipleId, number | null>;
  instrumental: Record<InstrumentalPrincipleId, number | null>;
  redFlags: ProviderFinding[];
  missingEvidence: string[];
  /** Up to two best instrumental principles, best first; only those above the provider's lowest. */
  strongest: InstrumentalPrincipleId[];
  /** Up to two worst instrumental principles, worst first; only those below the provider's highest. */
  weakest: InstrumentalPrincipleId[];
  /** Criteria with nothing scorable, left out of this provider's overall (their weight renormalised). */
  unscoredCriteria: CorePrincipleId[];
  /** Answers still waiting for a moderated panel score: the score is provisional while any remain. */
  awaitingPanel: string[];
}

/** An eligible provider with nothing scorable: not ranked, because no score is not a zero score. */
export interface UnscoredProvider {
  providerId: string;
  name: string;
  redFlags: ProviderFinding[];
  missingEvidence: string[];
  awaitingPanel: string[];
}

export interface DisqualifiedProvider {
  providerId: string;
  name: string;
  knockouts: ProviderFinding[];
  redFlags: ProviderFinding[];
  missingEvidence: string[];
  /** Shown for information only: a knocked-out provider is never ranked. */
  overall: number | null;
}

export interface SensitivityCase {
  principle: CorePrincipleId;
  /** The move asked for (±shift). */
  delta: number;
  /** The move made: less when the weight would leave 0–100. */
  appliedDelta: number;
  weights: CriteriaWeights;
  /** Provider ids in the order this weighting gives. */
  ranking: string[];
  /** True when any provider's rank differs from the published weighting's. */
  changed: boolean;
  /** Pairs [was ahead, is now ahead] whose strict order flips under this weighting. */
  swaps: Array<[string, string]>;
  /** Provider ids ranked first under this weighting. */
  leader: string[];
  leaderChanged: boolean;
}

export interface Comparison {
  scoringVersion: string;
  weights: CriteriaWeights;
  /** Present when the comparison re-weighed instrumental principles (see ComparisonOptions). */
  principleWeights?: Record<InstrumentalPrincipleId, number>;
  ranked: RankedProvider[];
  unscored: UnscoredProvider[];
  disqualified: DisqualifiedProvider[];
  /**
   * The ranking by the questionnaire's own scoring model (its rule and direction), when it has one.
   * A questionnaire without principle mapping ranks here only; `ranked` is then empty.
   */
  model?: ModelRanking;
  sensitivity: {
    shift: number;
    margin: number;
    cases: SensitivityCase[];
    rankingStable: boolean;
    /** Pairs of ranked providers at most `margin` points apart, higher first. */
    closePairs: Array<{ a: string; b: string; difference: number }>;
  };
}
