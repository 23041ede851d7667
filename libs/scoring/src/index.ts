export { ChartSeries, escapeXml, heatMap, principleBarChart, principleRadarChart } from './lib/charts';
export {
  Comparison,
  compareProviders,
  DisqualifiedProvider,
  ProviderFinding,
  ProviderResult,
  RankedProvider,
  SensitivityCase,
} from './lib/compare-providers';
export {
  EvidenceFinding,
  missingEvidence,
  overallUnder,
  QuestionScore,
  QuestionStatus,
  ScoreOptions,
  scoreResponse,
  ScoreSheet,
  SCORING_VERSION,
} from './lib/score-response';
export { CriteriaWeights, EQUAL_WEIGHTS, shiftWeight, validateCriteriaWeights } from './lib/weights';
