/**
 * What a questionnaire's own scoring model (its `scoringModel`) gives for one response: the
 * contract between the questionnaire engine, which computes it, and the comparison, dossier and
 * recompute command, which rank, print and check it. Plain data, stored with the score sheet.
 */

/** Whether a larger number is a better answer, or more risk (impact assessments). */
export type ScoringDirection = 'higher-is-better' | 'higher-is-riskier';

/** How a model ranks respondents: by a value (in its direction), by level, or not at all (pass/fail per level). */
export type RankingRule = { by: 'value'; value: string } | { by: 'level' } | { by: 'none' };

export interface ModelQuestionPoints {
  questionName: string;
  /** Points counted in the group's total (already × weight); null when the question does not count. */
  points: number | null;
  /** This question's share of the group's maximum (× weight); 0 when it does not count there. */
  maximum: number;
  /** Why it counts as it does: answered, blank (counts as its worst answer), hidden, or not applicable. */
  status: 'answered' | 'blank' | 'hidden' | 'not-applicable';
}

export interface ModelGroupOutcome {
  name: string;
  total: number;
  maximum: number;
  questions: ModelQuestionPoints[];
}

export interface ModelValueOutcome {
  name: string;
  /** Null when the expression gives no finite number (e.g. a division by zero). */
  value: number | null;
  maximum: number | null;
}

export interface ModelLevelOutcome {
  /** The group or derived value the levels read. */
  of: string;
  /** The number compared with the bands: raw points, or per cent of the value's maximum. */
  measured: number | null;
  basis: 'points' | 'percent-of-maximum';
  /** The band's name, its position in the published list (0 = lowest values), and whether it passes. */
  level: string | null;
  index: number | null;
  pass: boolean | null;
}

export interface ScoringModelOutcome {
  direction: ScoringDirection;
  groups: ModelGroupOutcome[];
  /** Every group total (and maximum) and derived value, by name: what the expressions saw. */
  values: ModelValueOutcome[];
  level: ModelLevelOutcome | null;
  ranking: RankingRule;
}
