export {
  ACTOR_TYPES,
  ActorType,
  AuditEntryContent,
  canonicalEntry,
  chainHash,
  ChainBreak,
  ChainedAuditEntry,
  ChainVerification,
  JsonValue,
  verifyChain,
} from './lib/audit-chain';
export { AuditEntry } from './lib/audit-entry.entity';
export {
  AuditActor,
  AuditChange,
  AuditListQuery,
  AuditPage,
  AuditRecord,
  AuditRecordInput,
  AuditTrail,
  staffAuditActor,
} from './lib/audit-trail.service';
export { AuditModule } from './lib/audit.module';
