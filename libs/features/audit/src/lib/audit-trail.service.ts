import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import {
  ActorType,
  ACTOR_TYPES,
  AuditEntryContent,
  canonicalJson,
  entryContentOf,
  ChainedAuditEntry,
  ChainVerification,
  ChainVerifier,
  JsonValue,
} from './audit-chain';
import { AuditChainAppender } from './audit-chain-appender';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryRepository } from './audit-entry.repository';

/** An open transaction's handle, as UnitOfWork names it (no TypeORM type in this file). */
type Transaction = UnitOfWork['transaction'];

/** What a caller records; the trail adds seq, and the appender later chain_seq, previous_hash and hash. */
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

/** A change recorded against a case, on its agency's chain: the shape of every case-scoped record. */
export function caseChange(
  procurementCase: { id: string; agencyId: string },
  action: string,
  change: Pick<AuditChange, 'before' | 'after'>,
): AuditChange {
  return { agencyId: procurementCase.agencyId, action, subject: { type: 'case', id: procurementCase.id }, ...change };
}

/** A change a staff member made to any subject (a response, a dossier), on their own agency's chain. */
export function staffChange(
  staff: { agencyId: string },
  action: string,
  subjectType: string,
  subjectId: string,
  change: Pick<AuditChange, 'before' | 'after'>,
): AuditChange {
  return { agencyId: staff.agencyId, action, subject: { type: subjectType, id: subjectId }, ...change };
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

/** A chained entry as AuditTrail hands it out. */
export type AuditRecord = ChainedAuditEntry & { occurredAt: Date };

/**
 * An entry as listed: chained, or pending (written with its change, not yet chained: chainSeq,
 * previousHash and hash are null until the appender reaches it, usually within a fraction of a second).
 */
export type ListedAuditRecord =
  | (AuditRecord & { pending: false })
  | (Omit<AuditRecord, 'chainSeq' | 'hash'> & { chainSeq: null; hash: null; pending: true });

/** An entry just recorded: it commits with the change and is chained after that. */
export type RecordedAuditEntry = AuditEntryContent & { seq: number; occurredAt: Date };

export interface AuditPage {
  items: ListedAuditRecord[];
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

/** Records into, reads and verifies the per-agency hash chains in `audit_entries`. */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly entries: AuditEntryRepository,
    private readonly appender: AuditChainAppender,
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
   * Writes the entry, unchained, inside the caller's transaction, so it exists exactly when the change
   * it describes commits. No chain lock is taken: the appender (AuditChainAppender) links it into the
   * agency's chain after the commit. Services call `recordChange` inside a UnitOfWork instead; this
   * form is what it and the chain's tests use.
   */
  async record(manager: Transaction, input: AuditRecordInput): Promise<RecordedAuditEntry> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditTrail.record needs the EntityManager of an open transaction');
    }
    const content = toContent(input);
    const seq = await this.entries.insertPending(manager, content);
    return { ...content, occurredAt: content.occurredAt as Date, seq };
  }

  /** Chains every committed pending entry of the agency now, waiting for a running appender. */
  chainPending(agencyId: string | null): Promise<number> {
    return this.appender.chainPending(agencyId, { wait: true });
  }

  /**
   * Recomputes the agency's whole chain (agency null: the system chain), VERIFY_PAGE_SIZE rows at a
   * time. Chains what is pending first, so every entry committed before the call is verified.
   */
  async verify(agencyId: string | null): Promise<ChainVerification> {
    await this.chainPending(agencyId);
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const page = await this.entries.chainPage(agencyId, after, VERIFY_PAGE_SIZE);
      for (const entry of page) if (!verifier.push(toChained(entry))) return verifier.result();
      if (page.length < VERIFY_PAGE_SIZE) return verifier.result();
      after = Number(page[page.length - 1].chainSeq);
    }
  }

  /** How many of the agency's entries wait for the appender. */
  pendingCount(agencyId: string | null): Promise<number> {
    return this.entries.countPending(agencyId);
  }

  /** One agency's entries, chained and pending, newest first, optionally about one subject type or subject. */
  async list(agencyId: string | null, query: AuditListQuery): Promise<AuditPage> {
    const [items, total] = await this.entries.listNewestFirst(
      agencyId,
      { subjectType: query.subjectType, subjectId: query.subjectId },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return { items: items.map(toListed), page: query.page, pageSize: query.pageSize, total };
  }
}

function toListed(entry: AuditEntry): ListedAuditRecord {
  if (entry.hash === null || entry.chainSeq === null) {
    return {
      ...entryContentOf(entry),
      seq: Number(entry.seq),
      chainSeq: null,
      previousHash: null,
      hash: null,
      pending: true,
    };
  }
  return { ...toChained(entry), pending: false };
}

function toChained(entry: AuditEntry): AuditRecord {
  if (entry.hash === null || entry.chainSeq === null) throw new Error(`Audit entry ${entry.seq} is not chained`);
  return {
    ...entryContentOf(entry),
    seq: Number(entry.seq),
    chainSeq: Number(entry.chainSeq),
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
