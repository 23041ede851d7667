import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ActorType, JsonValue } from './audit-chain';

/**
 * One entry of an agency's audit chain. Written unchained (hash, previous_hash and chain_seq null) in
 * the transaction of the change it describes; the appender then fills those three once. A trigger
 * refuses every other update and every delete.
 */
@Entity('audit_entries')
@Index('audit_entries_by_agency', ['agencyId', 'seq'])
@Index('audit_entries_chain_position', ['agencyId', 'chainSeq'], { unique: true })
@Index('audit_entries_pending', ['agencyId', 'seq'], { where: '"hash" IS NULL' })
@Index('audit_entries_by_subject', ['subjectType', 'subjectId'])
@Unique('audit_entries_hash_key', ['hash'])
@Check('audit_entries_actor_type_check', `"actor_type" IN ('staff', 'provider', 'system')`)
@Check(
  'audit_entries_chained_whole',
  `("hash" IS NULL AND "previous_hash" IS NULL AND "chain_seq" IS NULL) OR ("hash" IS NOT NULL AND "chain_seq" IS NOT NULL)`,
)
export class AuditEntry {
  /** bigint arrives from pg as a string; AuditTrail hands it out as a number (seq stays far below 2^53). */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  seq: string;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ name: 'actor_type', type: 'varchar', length: 20 })
  actorType: ActorType;

  @Column({ name: 'actor_id', type: 'varchar', length: 100, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_label', type: 'varchar', length: 300 })
  actorLabel: string;

  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 50 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 100 })
  subjectId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: JsonValue | null;

  @Column({ type: 'jsonb', nullable: true })
  after: JsonValue | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'previous_hash', type: 'varchar', length: 64, nullable: true })
  previousHash: string | null;

  /** null while pending. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  hash: string | null;

  /** Position in the agency's chain (1, 2, …), given by the appender; null while pending. */
  @Column({ name: 'chain_seq', type: 'bigint', nullable: true })
  chainSeq: string | null;
}
