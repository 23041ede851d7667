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
