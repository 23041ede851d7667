export {
  BASE_RATE_TOLERANCE,
  ComparabilityIssue,
  compareAccuracy,
  ProviderAccuracy,
} from './lib/accuracy-comparability';
export {
  ChartSeries,
  escapeXml,
  formatScore,
  heatMap,
  PrincipleLevel,
  principleBarChart,
  principleRadarChart,
} from './lib/charts';
export {
  ComparisonMatrix,
  comparisonMatrix,
  comparisonSeries,
  MatrixCell,
  MatrixRow,
  SCORE_BANDS,
  ScoreBand,
  scoreBand,
  SensitivityStatement,
  sensitivityStatement,
} from './lib/comparison-view';
export {
  Comparison,
  ComparisonOptions,
  compareProviders,
  DisqualifiedProvider,
  ProviderFinding,
  ProviderResult,
  RankedProvider,
  recompareWithWeights,
  SensitivityCase,
  UnscoredProvider,
} from './lib/compare-providers';
export {
  EFFECTIVE_WEIGHT_RULE,
  EffectiveWeight,
  EffectiveWeightTable,
  effectiveWeights,
  OUTLIER_ABOVE_MEAN,
  OUTLIER_BELOW_MEAN,
} from './lib/effective-weights';
export { ScoringInputError } from './lib/errors';
export {
  EVIDENCE_RULE,
  EvidenceConfirmations,
  EvidenceStatus,
  EvidenceVerdict,
  evidenceStatusOf,
} from './lib/evidence-confirmation';
export {
  PriceRanking,
  PriceSensitivityCase,
  PricedProvider,
  priceScores,
  priceSensitivityStatement,
  ProviderPrice,
  rankWithPrice,
  validatePriceWeight,
  validatePrices,
} from './lib/price';
export {
  checkEvidence,
  EvidenceCheck,
  EvidenceFile,
  EvidenceFinding,
  ListedEvidence,
  missingEvidence,
} from './lib/evidence';
export {
  coreScores,
  overallUnder,
  PANEL_SCALE_MAX,
  PanelScoreInput,
  QuestionScore,
  QuestionStatus,
  reweighScoreSheet,
  ScoreOptions,
  scoreResponse,
  ScoreSheet,
  SCORING_VERSION,
} from './lib/score-response';
export {
  assertCriteriaWeights,
  CriteriaWeights,
  EQUAL_WEIGHTS,
  PrincipleWeights,
  resolvePrincipleWeights,
  shiftWeight,
  validateCriteriaWeights,
  validatePrincipleWeights,
} from './lib/weights';
export { ModelRankedProvider, ModelRanking, ModelRankingEntry, rankByScoringModel } from './lib/model-ranking';
