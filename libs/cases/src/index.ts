export { CASE_STATUSES, CaseStatus, checkTransition } from './lib/case-lifecycle';
export { CASE_ENTITIES, EvidenceFile, ProcurementCase, ProviderResponse, ResponseStatus } from './lib/case.entities';
export { AnswerValidationException, CasesService, CreateCaseInput, InviteProviderInput } from './lib/cases.service';
export { CasesModule } from './lib/cases.module';
