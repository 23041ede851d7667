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
export { AuditListQuery, AuditPage, AuditRecord, AuditRecordInput, AuditTrail } from './lib/audit-trail.service';
export { AuditModule } from './lib/audit.module';
