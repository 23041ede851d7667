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
  ProviderPrice,
  ResponseScore,
} from './lib/evaluation.entities';
export { EvaluationModule } from './lib/evaluation.module';
export { PanelScoreInput, PanelService, QuestionPanelView } from './lib/panel.service';
export { JudgementQuestion, judgementQuestions, moderationRows } from './lib/judgement-questions';
export { ConflictDeclarationsService, PanelAccess } from './lib/conflict-declarations.service';
export { ResponseToEvaluate, ScoringWorkspaceService } from './lib/scoring-workspace.service';
export { ModerationQuestion, ModerationService, ModerationView } from './lib/moderation.service';
export { OtherScore, Workspace, WorkspaceQuestion } from './lib/workspace';
export { ConflictDeclarationDto, ConsensusScoreDto, PanelScoreDto } from './lib/panel.controller';
export { EvaluationResultsService, ScoringProgress } from './lib/evaluation-results.service';
export { AutomatedScoringService, StoredFindings } from './lib/automated-scoring.service';
export { BatchScoringResult, BatchScoringService, ResponseRevision } from './lib/batch-scoring.service';
export { ComparisonService, ComparisonState, PriceRow, WeightsChange, WeightsLock } from './lib/comparison.service';
export { NO_PRICING, PricingInputs, pricingInputs, StoredComparison, withoutPrices } from './lib/pricing';
export { ComparisonAnswer, CriteriaWeightsDto, PriceDto } from './lib/comparison.controller';
export { ComparisonStatus, scoringProgress, ScoringProgressView } from './lib/scoring-progress';
export { AccessIds, CaseAccess, Granted } from './lib/case-access';
export { caseScopeAnswers, MethodQuestionRow, PublishedMethodView, publishedMethodView } from './lib/published-method';
export { accuracyFigures } from './lib/accuracy-figures';
