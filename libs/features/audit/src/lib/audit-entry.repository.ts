import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnitOfWork } from '@probity/database';
import { DataSource, EntityManager, FindOptionsWhere, IsNull, MoreThan, Not } from 'typeorm';
import type { AuditEntryContent, ChainLink, ChainTip, PendingAuditEntry } from './audit-chain';
import { AuditEntry } from './audit-entry.entity';

/** Chains one batch: given where the chain ends and the oldest pending entries, the links to write. */
export type ChainBatch = (tip: ChainTip | null, pending: PendingAuditEntry[]) => ChainLink[];

/** The `audit_entries` table: per-agency hash chains (agency null: the system chain). */
@Injectable()
export class AuditEntryRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Writes the entry unchained inside the caller's transaction and returns its seq. Takes no lock. */
  async insertPending(transaction: EntityManager, content: AuditEntryContent): Promise<number> {
    const [{ seq }] = await transaction.query<{ seq: string }[]>(
      `INSERT INTO "audit_entries"
         ("agency_id", "actor_type", "actor_id", "actor_label", "action", "subject_type", "subject_id",
          "before", "after", "occurred_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)
       RETURNING "seq"`,
      [
        content.agencyId,
        content.actorType,
        content.actorId,
        content.actorLabel,
        content.action,
        content.subjectType,
        content.subjectId,
        content.before === null ? null : JSON.stringify(content.before),
        content.after === null ? null : JSON.stringify(content.after),
        content.occurredAt,
      ],
    );
    return Number(seq);
  }

  /**
   * Chains up to `take` of the agency's oldest committed pending entries in one READ COMMITTED
   * transaction holding the agency's chain lock (transaction-scoped: released by commit, rollback or
   * a dead connection, so a crashed appender leaves its batch pending and the lock free). Returns how
   * many entries it chained, or null when `wait` is false and another appender holds the lock.
   */
  appendBatch(agencyId: string | null, take: number, wait: boolean, chain: ChainBatch): Promise<number | null> {
    return this.dataSource.transaction('READ COMMITTED', async (transaction) => {
      const [{ locked }] = await transaction.query<{ locked: boolean }[]>(
        wait
          ? `SELECT pg_advisory_xact_lock(hashtext($1)) IS NOT NULL AS locked`
          : `SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`,
        [chainLockKey(agencyId)],
      );
      if (!locked) return null;
      // Read after the lock, each statement with a fresh snapshot: the previous appender's batch is visible.
      const [tip] = await transaction.query<{ hash: string; chain_seq: string }[]>(
        `SELECT "hash", "chain_seq" FROM "audit_entries"
         WHERE ${agencyCondition(agencyId, '$1')} AND "chain_seq" IS NOT NULL ORDER BY "chain_seq" DESC LIMIT 1`,
        agencyId === null ? [] : [agencyId],
      );
      const pendingWhere: FindOptionsWhere<AuditEntry> = { agencyId: agencyId ?? IsNull(), hash: IsNull() };
      const pending = await transaction.getRepository(AuditEntry).find({
        where: pendingWhere,
        order: { seq: 'ASC' },
        take,
      });
      if (pending.length === 0) return 0;
      const links = chain(
        tip ? { hash: tip.hash, chainSeq: Number(tip.chain_seq) } : null,
        pending.map((entry) => ({ ...entry, seq: Number(entry.seq) })),
      );
      await this.writeLinks(transaction, links);
      return links.length;
    });
  }

  /** One UPDATE for the whole batch; the trigger lets it through only onto pending rows. */
  async writeLinks(transaction: EntityManager, links: ChainLink[]): Promise<void> {
    const values = links.map(
      (_, row) => `($${row * 4 + 1}::bigint, $${row * 4 + 2}::bigint, $${row * 4 + 3}, $${row * 4 + 4})`,
    );
    await transaction.query(
      `UPDATE "audit_entries" AS entry
       SET "chain_seq" = link.chain_seq, "previous_hash" = link.previous_hash, "hash" = link.hash
       FROM (VALUES ${values.join(', ')}) AS link(seq, chain_seq, previous_hash, hash)
       WHERE entry."seq" = link.seq AND entry."hash" IS NULL`,
      links.flatMap((link) => [link.seq, link.chainSeq, link.previousHash, link.hash]),
    );
  }

  /** The chains that have pending entries (agency null: the system chain). */
  async agenciesWithPending(): Promise<Array<string | null>> {
    const rows = await this.dataSource.query<{ agency_id: string | null }[]>(
      `SELECT DISTINCT "agency_id" FROM "audit_entries" WHERE "hash" IS NULL`,
    );
    return rows.map((row) => row.agency_id);
  }

  /** How many of the agency's entries wait to be chained. */
  countPending(agencyId: string | null): Promise<number> {
    const where: FindOptionsWhere<AuditEntry> = { agencyId: agencyId ?? IsNull(), hash: IsNull() };
    return this.unitOfWork.manager.getRepository(AuditEntry).countBy(where);
  }

  /** Up to `take` chained entries of a chain after chain position `after`, in chain order. */
  chainPage(agencyId: string | null, after: number, take: number): Promise<AuditEntry[]> {
    const where: FindOptionsWhere<AuditEntry> = {
      agencyId: agencyId ?? IsNull(),
      chainSeq: MoreThan(String(after)),
      hash: Not(IsNull()),
    };
    return this.unitOfWork.manager.getRepository(AuditEntry).find({
      where,
      order: { chainSeq: 'ASC' },
      take,
    });
  }

  /** One page of a chain's entries, chained or pending, newest first, optionally about one subject. */
  listNewestFirst(
    agencyId: string | null,
    filter: { subjectType?: string; subjectId?: string },
    skip: number,
    take: number,
  ): Promise<[AuditEntry[], number]> {
    const where: FindOptionsWhere<AuditEntry> = { agencyId: agencyId ?? IsNull() };
    if (filter.subjectType !== undefined) where.subjectType = filter.subjectType;
    if (filter.subjectId !== undefined) where.subjectId = filter.subjectId;
    return this.unitOfWork.manager
      .getRepository(AuditEntry)
      .findAndCount({ where, order: { seq: 'DESC' }, skip, take });
  }
}

/** The advisory lock that makes one appender per chain. */
function chainLockKey(agencyId: string | null): string {
  return `audit:${agencyId ?? 'system'}`;
}

function agencyCondition(agencyId: string | null, parameter: string): string {
  // Separate forms so both use the (agency_id, …) indexes; IS NOT DISTINCT FROM would not.
  return agencyId === null ? `"agency_id" IS NULL` : `"agency_id" = ${parameter}`;
}
