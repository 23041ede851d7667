export {
  CORE_PRINCIPLES,
  CorePrincipleId,
  corePrincipleOf,
  INSTRUMENTAL_PRINCIPLES,
  InstrumentalPrincipleId,
  isInstrumentalPrincipleId,
} from './lib/principles';
export { isAnswered, isSubstantiveAnswer } from './lib/answered';
export { NOT_APPLICABLE, RubricItem, RubricScoring, ScoreBandPoints } from './lib/rubric-item';
export {
  ConfusionMatrixAnswer,
  ConfusionMatrixFields,
  ConfusionMetric,
  ConfusionRates,
  confusionRates,
  gatherConfusionMatrix,
  readConfusionMatrix,
} from './lib/confusion-matrix';
export { PUBLISHED_RULES, RED_FLAG_LABEL } from './lib/published-rules';
export {
  ModelGroupOutcome,
  ModelLevelOutcome,
  ModelQuestionPoints,
  ModelValueOutcome,
  RankingRule,
  ScoringDirection,
  ScoringModelOutcome,
} from './lib/scoring-model-outcome';
