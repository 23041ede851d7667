export {
  EVALUATION_SCALE,
  evaluationAccess,
  isPanelScore,
  LARGE_DISAGREEMENT,
  mayViewOtherScores,
  PanelScore,
  panelScoreToPoints,
  scoreSpread,
  ScoreSpread,
} from './lib/panel-rules';
export {
  CaseComparison,
  ConflictDeclaration,
  EVALUATION_ENTITIES,
  ModeratedScore,
  PanelScoreEntry,
  PanelSubmission,
  ResponseScore,
} from './lib/evaluation.entities';
export { EvaluationModule } from './lib/evaluation.module';
export { PanelScoreInput, PanelService, QuestionPanelView } from './lib/panel.service';
export { EvaluationResultsService, ScoringProgress } from './lib/evaluation-results.service';
export { StoredFindings } from './lib/scoring-jobs';
export { ComparisonService, ComparisonState, WeightsChange, WeightsLock } from './lib/comparison.service';
export { ComparisonAnswer, CriteriaWeightsDto } from './lib/comparison.controller';
export { ComparisonStatus, scoringProgress, ScoringProgressView } from './lib/scoring-progress';
