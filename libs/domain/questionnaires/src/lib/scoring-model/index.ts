export { evaluateScoringModel, rankingRuleOf } from './evaluate-scoring-model';
export { groupMaximumPoints, PointScale, pointScaleOf } from './question-points';
export {
  DerivedValueDefinition,
  LevelBandDefinition,
  LevelsDefinition,
  maximumName,
  ScoringGroupDefinition,
  ScoringModelDefinition,
} from './scoring-model';
export { ScoringModelProblem, scoringModelProblems } from './validate-scoring-model';
