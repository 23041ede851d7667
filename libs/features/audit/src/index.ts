export {
  ACTOR_TYPES,
  ActorType,
  AuditEntryContent,
  canonicalEntry,
  chainBatch,
  chainHash,
  ChainBreak,
  ChainLink,
  ChainTip,
  ChainedAuditEntry,
  ChainVerification,
  JsonValue,
  PendingAuditEntry,
  verifyChain,
} from './lib/audit-chain';
export { APPEND_BATCH_SIZE, APPEND_INTERVAL_MS, AuditChainAppender } from './lib/audit-chain-appender';
export { AuditEntry } from './lib/audit-entry.entity';
export {
  AuditActor,
  AuditChange,
  AuditListQuery,
  AuditPage,
  AuditRecord,
  AuditRecordInput,
  AuditTrail,
  ListedAuditRecord,
  RecordedAuditEntry,
  staffAuditActor,
  caseChange,
  staffChange,
} from './lib/audit-trail.service';
export { AuditModule } from './lib/audit.module';
