import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { EntityManager, FindOptionsWhere, IsNull, MoreThan } from 'typeorm';
import type { AuditEntryContent } from './audit-chain';
import { AuditEntry } from './audit-entry.entity';

/** The `audit_entries` table: per-agency hash chains (agency null: the system chain), appended to only. */
@Injectable()
export class AuditEntryRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Serialises appends to one chain until `transaction` ends, and says its isolation level. The lock is
   * transaction-scoped, so the next appender reads this entry's hash only once it has committed.
   */
  async lockChain(transaction: EntityManager, agencyId: string | null): Promise<string> {
    const [{ isolation }] = await transaction.query<{ isolation: string }[]>(
      `SELECT pg_advisory_xact_lock(hashtext($1)), current_setting('transaction_isolation') AS isolation`,
      [`audit:${agencyId ?? 'system'}`],
    );
    return isolation;
  }

  async lastHash(transaction: EntityManager, agencyId: string | null): Promise<string | null> {
    const [last] = await transaction.query<{ hash: string }[]>(
      `SELECT "hash" FROM "audit_entries" WHERE ${agencyCondition(agencyId, '$1')} ORDER BY "seq" DESC LIMIT 1`,
      agencyId === null ? [] : [agencyId],
    );
    return last?.hash ?? null;
  }

  /** Appends the entry and returns its sequence number. */
  async append(
    transaction: EntityManager,
    content: AuditEntryContent,
    previousHash: string | null,
    hash: string,
  ): Promise<number> {
    const [{ seq }] = await transaction.query<{ seq: string }[]>(
      `INSERT INTO "audit_entries"
         ("agency_id", "actor_type", "actor_id", "actor_label", "action", "subject_type", "subject_id",
          "before", "after", "occurred_at", "previous_hash", "hash")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12)
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
        previousHash,
        hash,
      ],
    );
    return Number(seq);
  }

  /** Up to `take` entries of a chain after sequence number `after`, in chain order. */
  chainPage(agencyId: string | null, after: number, take: number): Promise<AuditEntry[]> {
    return this.unitOfWork.manager.getRepository(AuditEntry).find({
      where: { agencyId: agencyId ?? IsNull(), seq: MoreThan(String(after)) },
      order: { seq: 'ASC' },
      take,
    });
  }

  /** One page of a chain's entries, newest first, optionally about one subject type or subject. */
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

function agencyCondition(agencyId: string | null, parameter: string): string {
  // Separate forms so both use the (agency_id, seq) index; IS NOT DISTINCT FROM would not.
  return agencyId === null ? `"agency_id" IS NULL` : `"agency_id" = ${parameter}`;
}
