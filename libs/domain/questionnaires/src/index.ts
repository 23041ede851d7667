export {
  ANNEX_III_LABELS,
  ANNEX_III_POINTS,
  AnnexIIIPoint,
  CaseScope,
  caseScopeOf,
  caseScopeVariables,
  checkCaseScope,
  describeCaseScope,
  isHighRisk,
  REMOTE_BIOMETRIC_MODES,
  RemoteBiometricMode,
  scopeOfQuestionnaire,
  scopeQuestionnaire,
} from './lib/case-scope';
export { canonicalJson, contentHash } from './lib/content-hash';
export {
  Answers,
  ChoiceDefinition,
  ElementDefinition,
  LocalisedText,
  PageDefinition,
  QuestionnaireDefinition,
  RuleDefinition,
  RuleSeverity,
  ScoreBand,
} from './lib/definition';
export {
  exportQuestionnaire,
  importQuestionnaire,
  ImportProblem,
  ImportResult,
  questionNames,
} from './lib/import-questionnaire';
export { hasTranslation, isRightToLeft, localised } from './lib/localise';
export { orderChoices } from './lib/choice-order';
export { questionnaireLanguages } from './lib/questionnaire-languages';
export { CatalogueDraft, catalogueEntries, withEnglishFallback } from './lib/message-catalogue';
export { htmlOf, leadInsOf, panelHeadingOf, sanitiseProviderHtml } from './lib/provider-html';
export { OFFLINE_WORKBOOK_LABELS, offlineWorkbook, OfflineWorkbookLabels } from './lib/offline-workbook';
export { toRubricItems } from './lib/rubric-items';
export { evaluateRules, knockoutsByQuestion, RuleFinding } from './lib/rules';
export {
  evaluateLogic,
  offeredChoices,
  QuestionState,
  registerProbityProperties,
  visibleDisplayElements,
} from './lib/survey-engine';
export { isAnswered } from '@probity/rubric';
export { AnswerProblem, validateAnswers, ValidationOptions } from './lib/validate-answers';
export {
  assertEditable,
  draftVersion,
  publishVersion,
  PublishedVersionImmutableError,
  QuestionnaireVersion,
  reviseDefinition,
} from './lib/versioning';
export { choiceScore, choiceValue, LocatedQuestion, questionsOf } from './lib/walk';
export { BUILT_IN_QUESTIONNAIRES, BuiltInQuestionnaire, describeBank } from './bank';
export { MARKED_LEVELS, MARKING_GUIDES, MarkingGuide, MarkingGuideLevel, markingGuideFor } from './bank/marking-guides';
export { generatedQuestionnaire } from './fixtures/generated-questionnaire';
export { THIRD_PARTY_ASSESSMENT_JSON } from './fixtures/third-party-assessment';
export { PublishedMethodOptions, publishedView } from './lib/published-view';
export {
  DerivedValueDefinition,
  evaluateScoringModel,
  groupMaximumPoints,
  LevelBandDefinition,
  LevelsDefinition,
  maximumName,
  pointScaleOf,
  rankingRuleOf,
  ScoringGroupDefinition,
  ScoringModelDefinition,
  ScoringModelProblem,
  scoringModelProblems,
} from './lib/scoring-model';
export { IMPACT_ASSESSMENT } from './fixtures/impact-assessment';
export { IMPACT_ASSESSMENT_RESPONDENTS } from './fixtures/impact-assessment-respondents';
