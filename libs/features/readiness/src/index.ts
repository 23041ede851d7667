export {
  CONSULTED_GROUP_LABELS,
  CONSULTED_GROUPS,
  ConsultedGroup,
  FRIA_HEADING_DEFINITIONS,
  FRIA_HEADING_KEYS,
  FriaHeadingDefinition,
  FriaHeadingKey,
  isFriaHeadingKey,
  MAX_FRIA_TEXT_LENGTH,
} from './model/fria-headings';
export { ConsultationInput, consultationProblems, friaTextProblems } from './model/fria-input';
export { FriaHeadingText, StakeholderConsultation } from './lib/fria.entities';
export { CaseFria, FriaAuthor, FriaService } from './lib/fria.service';
export { READINESS_ENTITIES, ReadinessModule } from './lib/readiness.module';
export { ReadinessHttpModule } from './lib/readiness-http.module';
export {
  isMandatory,
  openMandatoryItems,
  READINESS_ITEMS,
  READINESS_STATUS_LABELS,
  READINESS_STATUSES,
  readinessChecklist,
  ReadinessRecord,
  ReadinessRow,
  ReadinessStatus,
  readinessUpdateProblems,
} from './model/readiness-checklist';
export { ReadinessItemRecord } from './lib/readiness-item.entity';
export { isHighRisk, OpenReadinessItemsException, ReadinessService } from './lib/readiness.service';
