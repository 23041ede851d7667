import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import {
  ActorType,
  ACTOR_TYPES,
  AuditEntryContent,
  canonicalJson,
  chainHash,
  ChainedAuditEntry,
  ChainVerification,
  ChainVerifier,
  JsonValue,
} from './audit-chain';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryRepository } from './audit-entry.repository';

/** An open transaction's handle, as UnitOfWork names it (no TypeORM type in this file). */
type Transaction = UnitOfWork['transaction'];

/** What a caller records; the trail adds seq, previous_hash and hash. */
export interface AuditRecordInput {
  /** null records a system-wide event on the system chain. */
  agencyId: string | null;
  actorType: ActorType;
  actorId?: string | null;
  /** Who acted, as a person would recognise them ("Ada Officer (admin)", "Scoring job"). */
  actorLabel: string;
  /** Dotted verb, e.g. 'case.transition', 'response.viewed'. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** Any JSON-serialisable value; stored as its canonical JSON (dates become ISO strings). */
  before?: unknown;
  after?: unknown;
  occurredAt?: Date;
}

/** Who did something, as the audit trail records it. */
export interface AuditActor {
  type: ActorType;
  id: string | null;
  label: string;
}

/** What changed, as services describe it to `AuditTrail.recordChange`. */
export interface AuditChange {
  agencyId: string | null;
  /** Dotted verb, e.g. 'case.transition'. */
  action: string;
  subject: { type: string; id: string };
  before?: unknown;
  after?: unknown;
}

/** A signed-in staff member as an audit actor, labelled with the role so a reader knows in what capacity. */
export function staffAuditActor(staff: { userId: string; name: string; role: string }): AuditActor {
  return { type: 'staff', id: staff.userId, label: `${staff.name} (${staff.role.replace('_', ' ')})` };
}

export interface AuditListQuery {
  subjectType?: string;
  subjectId?: string;
  page: number;
  pageSize: number;
}

/** A stored entry as AuditTrail hands it out. */
export type AuditRecord = ChainedAuditEntry & { occurredAt: Date };

export interface AuditPage {
  items: AuditRecord[];
  page: number;
  pageSize: number;
  total: number;
}

/** Entries read per query while verifying, so a chain of millions of rows never sits in memory. */
export const VERIFY_PAGE_SIZE = 1000;

const LIMITS: Partial<Record<keyof AuditRecordInput, number>> = {
  actorId: 100,
  actorLabel: 300,
  action: 100,
  subjectType: 50,
  subjectId: 100,
};

/** Appends to, reads and verifies the per-agency hash chains in `audit_entries`. */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly entries: AuditEntryRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * The one way services record a change: inside the transaction given, else the open UnitOfWork's
   * (throws outside one, so an entry never commits apart from the change it describes).
   */
  async recordChange(actor: AuditActor, change: AuditChange, manager?: Transaction): Promise<void> {
    await this.record(manager ?? this.unitOfWork.transaction, {
      agencyId: change.agencyId,
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: change.action,
      subjectType: change.subject.type,
      subjectId: change.subject.id,
      before: change.before ?? null,
      after: change.after ?? null,
    });
  }

  /**
   * Appends an entry inside the caller's transaction, so the entry exists exactly when the change it
   * describes commits. The agency's chain stays locked until that transaction ends: record late.
   * Services call `recordChange` inside a UnitOfWork instead; this form is what it and the chain's tests use.
   */
  async record(manager: Transaction, input: AuditRecordInput): Promise<AuditRecord> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditTrail.record needs the EntityManager of an open transaction');
    }
    const content = toContent(input);

    const isolation = await this.entries.lockChain(manager, content.agencyId);
    // Under REPEATABLE READ or SERIALIZABLE the snapshot may predate the lock and miss the newest
    // entry, which would fork the chain.
    if (isolation !== 'read committed') {
      throw new Error(`AuditTrail.record needs a READ COMMITTED transaction, not ${isolation.toUpperCase()}`);
    }

    const previousHash = await this.entries.lastHash(manager, content.agencyId);
    const hash = chainHash(previousHash, content);
    const seq = await this.entries.append(manager, content, previousHash, hash);
    return { ...content, occurredAt: content.occurredAt as Date, seq, previousHash, hash };
  }

  /** Recomputes the agency's whole chain (agency null: the system chain), VERIFY_PAGE_SIZE rows at a time. */
  async verify(agencyId: string | null): Promise<ChainVerification> {
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const page = await this.entries.chainPage(agencyId, after, VERIFY_PAGE_SIZE);
      for (const entry of page) if (!verifier.push(toRecord(entry))) return verifier.result();
      if (page.length < VERIFY_PAGE_SIZE) return verifier.result();
      after = Number(page[page.length - 1].seq);
    }
  }

  /** One agency's entries, newest first, optionally about one subject type or subject. */
  async list(agencyId: string | null, query: AuditListQuery): Promise<AuditPage> {
    const [items, total] = await this.entries.listNewestFirst(
      agencyId,
      { subjectType: query.subjectType, subjectId: query.subjectId },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return { items: items.map(toRecord), page: query.page, pageSize: query.pageSize, total };
  }
}

function toRecord(entry: AuditEntry): AuditRecord {
  return {
    seq: Number(entry.seq),
    agencyId: entry.agencyId,
    actorType: entry.actorType,
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    before: entry.before,
    after: entry.after,
    occurredAt: entry.occurredAt,
    previousHash: entry.previousHash,
    hash: entry.hash,
  };
}

/** Validates and normalises the input to exactly what is stored, so what is hashed is what is read back. */
function toContent(input: AuditRecordInput): AuditEntryContent {
  if (!ACTOR_TYPES.includes(input.actorType)) throw new Error(`Unknown audit actor type: ${String(input.actorType)}`);
  for (const [field, max] of Object.entries(LIMITS) as [keyof AuditRecordInput, number][]) {
    const value = input[field];
    if (typeof value === 'string' && value.length > max) {
      throw new Error(`Audit ${field} is longer than ${max} characters`);
    }
  }
  for (const field of ['actorLabel', 'action', 'subjectType', 'subjectId'] as const) {
    if (typeof input[field] !== 'string' || input[field].length === 0) throw new Error(`Audit ${field} is required`);
  }
  const occurredAt = input.occurredAt ?? new Date();
  if (Number.isNaN(occurredAt.getTime())) throw new Error('Audit occurredAt is not a valid date');
  return {
    agencyId: input.agencyId,
    actorType: input.actorType,
    actorId: input.actorId ?? null,
    actorLabel: input.actorLabel,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    before: toJson(input.before),
    after: toJson(input.after),
    occurredAt,
  };
}

function toJson(value: unknown): JsonValue | null {
  if (value === undefined || value === null) return null;
  const text = canonicalJson(value);
  // JSON.stringify gives undefined for functions and symbols: nothing storable.
  if (text === undefined) return null;
  return JSON.parse(text) as JsonValue;
}
