export { CASE_STATUSES, CaseStatus, checkPanelChange, checkTransition, TransitionActor } from './lib/case-lifecycle';
export { responsesClosedAt } from './lib/response-period';
export {
  CASE_ENTITIES,
  Clarification,
  EvidenceFile,
  InviteLink,
  PanelMember,
  ProcurementCase,
  ProviderResponse,
  ResponseStatus,
} from './lib/case.entities';
export { CasesService, CreateCaseInput, isUuid } from './lib/cases.service';
export { AnswerValidationException, ResponsesService } from './lib/responses.service';
export { ResponseAwaitingSubmission } from './lib/response.repository';
export { InviteProviderInput, ProviderInvitesService } from './lib/provider-invites.service';
export { EvidenceService } from './lib/evidence.service';
export {
  CLARIFICATION_IDS,
  clarificationAnswerProblem,
  ClarificationsService,
  MAX_CLARIFICATION_ANSWER_LENGTH,
  MAX_CLARIFICATION_LENGTH,
} from './lib/clarifications.service';
export { Actor, SYSTEM_ACTOR } from './lib/actor';
export {
  ALLOWED_EVIDENCE_DESCRIPTION,
  checkEvidenceFile,
  MAX_EVIDENCE_BYTES,
  safeEvidenceFileName,
} from './lib/evidence-policy';
export { CasesModule } from './lib/cases.module';
export { QuestionnaireTemplate, TemplateStatus } from './lib/questionnaire-template.entity';
export {
  ChosenQuestionnaire,
  QuestionnaireTemplates,
  TemplateImportException,
} from './lib/questionnaire-templates.service';
export { parseQuestionnaireChoice, TEMPLATE_KEY_PATTERN } from './lib/questionnaire-choice';
export { MethodAmendment, MethodAmendmentChange } from './lib/method-amendment.entity';
export { MethodAmendmentsService, NewMethodAmendment } from './lib/method-amendments.service';
export {
  AmendmentRequest,
  amendmentProblems,
  changedWeights,
  WeightsChangeRecord,
  MAX_AMENDMENT_REASON_LENGTH,
  MethodChange,
  methodChange,
  methodHash,
  MethodParts,
} from './lib/method-freeze';
