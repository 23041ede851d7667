import { createHash } from 'node:crypto';

/**
 * The hash chain behind the audit trail. Pure (no NestJS, no database) so the construction can be
 * re-implemented and checked by anyone holding an export of the table.
 */

export const ACTOR_TYPES = ['staff', 'provider', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What an entry says happened: everything that is hashed. */
export interface AuditEntryContent {
  /** null: a system-wide entry, on a chain of its own. */
  agencyId: string | null;
  actorType: ActorType;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: JsonValue | null;
  after: JsonValue | null;
  occurredAt: Date | string;
}

/** An entry as stored: its content plus its place in the chain. */
export interface ChainedAuditEntry extends AuditEntryContent {
  /** The row's number, given when the entry was written (before it was chained): how reports name it. */
  seq: number;
  /** Its position in its agency's chain, given when the appender chained it: the chain's order. */
  chainSeq: number;
  previousHash: string | null;
  hash: string;
}

/** An entry written by a request and not yet chained: the appender chains these in seq order. */
export type PendingAuditEntry = AuditEntryContent & { seq: number };

/** Where an agency's chain ends: the entry the next one links to (null: the chain is empty). */
export interface ChainTip {
  chainSeq: number;
  hash: string;
}

/** The chain fields the appender writes onto one pending entry. */
export interface ChainLink {
  seq: number;
  chainSeq: number;
  previousHash: string | null;
  hash: string;
}

export type ChainBreak =
  /** chainSeq does not increase: the entries are not in the order they were chained. */
  | 'seq-not-increasing'
  /** previous_hash is not the hash of the entry before it: an entry was removed, inserted or moved. */
  | 'previous-hash-mismatch'
  /** The entry's content no longer produces its stored hash: a field was edited. */
  | 'hash-mismatch';

export type ChainVerification =
  { valid: true; checked: number } | { valid: false; checked: number; brokenAt: number; reason: ChainBreak };

/**
 * Stable JSON: object keys sorted at every depth, dates as ISO strings, `undefined` members left out
 * (as JSON.stringify does). The same content always gives the same string, whatever order the keys
 * were built in and whether it went through PostgreSQL's jsonb (which reorders keys) or not.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

/** The canonical text of an entry's content. seq, previous_hash and hash are not part of it. */
export function canonicalEntry(entry: AuditEntryContent): string {
  return canonicalJson({ ...entryContentOf(entry), occurredAt: toIsoString(entry.occurredAt) });
}

/** An entry's content alone, whatever else the object carries (a row's seq, its place in the chain). */
export function entryContentOf<T extends AuditEntryContent>(entry: T): AuditEntryContent & Pick<T, 'occurredAt'> {
  const { agencyId, actorType, actorId, actorLabel, action, subjectType, subjectId, before, after, occurredAt } = entry;
  return { agencyId, actorType, actorId, actorLabel, action, subjectType, subjectId, before, after, occurredAt };
}

/**
 * SHA-256 (hex) of the previous entry's hash, a newline, and the canonical entry. The first entry of a
 * chain has no previous hash and hashes an empty string in its place.
 */
export function chainHash(previousHash: string | null, entry: AuditEntryContent): string {
  return createHash('sha256')
    .update(previousHash ?? '')
    .update('\n')
    .update(canonicalEntry(entry))
    .digest('hex');
}

/**
 * Chains pending entries, in the order given, after `tip`: each links to the one before it and takes
 * the next chain position. What the appender writes in one batch.
 */
export function chainBatch(tip: ChainTip | null, pending: readonly PendingAuditEntry[]): ChainLink[] {
  let previousHash = tip?.hash ?? null;
  let chainSeq = tip?.chainSeq ?? 0;
  return pending.map((entry) => {
    chainSeq += 1;
    const hash = chainHash(previousHash, entry);
    const link = { seq: entry.seq, chainSeq, previousHash, hash };
    previousHash = hash;
    return link;
  });
}

/**
 * Checks a chain one entry at a time, so a long chain can be read from the database page by page
 * without holding it in memory. Stops at the first break.
 */
export class ChainVerifier {
  private checked = 0;
  private lastChainSeq: number | null = null;
  private lastHash: string | null = null;
  private broken: Extract<ChainVerification, { valid: false }> | null = null;

  /** Feeds the next entry (in chainSeq order); returns false once the chain is broken. */
  push(entry: ChainedAuditEntry): boolean {
    if (this.broken) return false;
    this.checked += 1;
    const reason = this.check(entry);
    if (reason) {
      this.broken = { valid: false, checked: this.checked, brokenAt: entry.seq, reason };
      return false;
    }
    this.lastChainSeq = entry.chainSeq;
    this.lastHash = entry.hash;
    return true;
  }

  result(): ChainVerification {
    return this.broken ?? { valid: true, checked: this.checked };
  }

  private check(entry: ChainedAuditEntry): ChainBreak | null {
    if (this.lastChainSeq !== null && !(entry.chainSeq > this.lastChainSeq)) return 'seq-not-increasing';
    if (entry.previousHash !== this.lastHash) return 'previous-hash-mismatch';
    if (chainHash(entry.previousHash, entry) !== entry.hash) return 'hash-mismatch';
    return null;
  }
}

/**
 * Verifies a whole chain given in chainSeq order. Gaps in chainSeq are tolerated: a removed entry is
 * detected by the broken previous_hash link of the entry after it, which says more than a gap would.
 */
export function verifyChain(entries: Iterable<ChainedAuditEntry>): ChainVerification {
  const verifier = new ChainVerifier();
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.result();
}

function toIsoString(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`Not a valid date: ${String(value)}`);
  return date.toISOString();
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return toIsoString(value);
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : normalise(item)));
  if (value !== null && typeof value === 'object') {
    // No prototype, so a "__proto__" key (legal in JSON) stays an ordinary member.
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = normalise(member);
    }
    return sorted;
  }
  return value;
}
