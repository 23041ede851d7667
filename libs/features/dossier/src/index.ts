// Input contract and pure parts (no NestJS, no I/O).
export * from './model/dossier-input';
export { dossierContentHash } from './model/content-hash';
export {
  DEFAULT_DOSSIER_LANGUAGE,
  DOSSIER_LANGUAGES,
  DossierLanguage,
  isDossierLanguage,
} from './model/dossier-language';
export {
  aiActCoverage,
  articlesCited,
  clauseChecklist,
  ClauseToInclude,
  CoverageStatus,
  OBLIGATIONS,
  ObligationStatus,
} from './model/ai-act';
export { friaAnnex, FriaSection } from './model/fria';
export { sanitiseSvg } from './model/svg-sanitizer';
export {
  buildDossierView,
  DossierMeta,
  dossierSections,
  DossierSection,
  DossierStatus,
  DossierView,
} from './model/dossier-view';
export { isSignedStatement, keyId, SignedStatement, signStatement, verifyStatement } from './model/signature';
export { dossierInputFromScoring, ScoredCaseSource, ScoredProviderSource } from './adapters/from-scoring';
export { OCDS_EXTENSIONS, OcdsExportOptions, OcdsReleasePackage, toOcdsReleasePackage } from './ocds/ocds-export';
export {
  createOcdsValidator,
  OCDS_SCHEMA_FILES,
  OcdsSchemaMissingError,
  OcdsValidation,
  validatorFor,
} from './ocds/ocds-validator';
// Rendering.
export { createDossierTemplate, DossierTemplate } from './render/dossier-template';
export { readEmbeddedSignature, withMetadata } from './render/pdf-metadata';
export {
  DEFAULT_PDF_PROOF_LIMITS,
  PdfProofLimits,
  PdfProofReader,
  PdfReaderBusyError,
  UnreadablePdfError,
} from './render/pdf-proof-reader';
export { sampleDossierInput, SampleOptions } from './fixtures/sample-dossier-input';
// NestJS feature module.
export { DossierModule } from './lib/dossier.module';
export { CaseDossierInputSource, DossierInputSource } from './lib/case-dossier-source';
export { DossierRenderer, RenderedDossier } from './lib/dossier-renderer';
export { DossierService, DossierVerification } from './lib/dossier.service';
export { DossierReviewService, ReviewerIdentity, ReviewState } from './lib/review.service';
export { RenderDossierJob, SignDossierJob } from './lib/dossier-jobs';
export { DossierWorkflowService, REVIEWER_ROLE_LABEL } from './lib/dossier-workflow.service';
export { DossierVersionSummary, ReviewQueueItem } from './lib/dossier-summaries';
export { ReviewQueue } from './lib/review-queue';
export { reviewPath, SignOffRequests } from './lib/sign-off-requests';
export { DossierVersion, DossierVersionStatus } from './lib/dossier-version.entity';
export { DossierReviewComment, DossierReviewDecision, DossierReviewer, SignedDossier } from './lib/review.entities';
export { CA_CERTIFICATE_PATH, DossierSeal, sealSharedSecret } from './signing/dossier-seal';
export { RecomputeReport, recomputeDossier } from './reproducible/recompute-dossier';
export { AWARD_ATTACHMENTS, embeddedFiles, readAwardRecord, withAwardAttachments } from './render/attachments';
export { AwardRecord, recomputeAward } from './reproducible/award-record';
export { checkAward, jsonDifferences } from './reproducible/check-award';
// Risk register (based on the Toolkit's risk assessment approach; not an award criterion).
export * from './model/risk-register';
export { impactOf, UseContext, Rating } from './model/risk-impact';
