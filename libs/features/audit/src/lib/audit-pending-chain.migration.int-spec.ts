import { randomUUID } from 'node:crypto';
import { MigrationInterface } from 'typeorm';
import { MIGRATIONS } from '@probity/database';
import { createTestDatabase, TestDatabase } from '@probity/testing';
import { AuditEntryContent, chainHash, ChainedAuditEntry, verifyChain } from './audit-chain';

/** The migration that made audit entries chainable after the fact, run over chains written before it. */
describe('migration AuditPendingChain (real PostgreSQL)', () => {
  let database: TestDatabase;
  const migration = () => {
    const found = MIGRATIONS.find((candidate) => candidate.name === 'AuditPendingChain1796322143403');
    if (!found) throw new Error('migration AuditPendingChain1796322143403 is not registered');
    return new found() as MigrationInterface;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database.drop());

  it('numbers existing chains 1, 2, … per agency in seq order, keeps them verifiable, and guards them as before', async () => {
    const runner = database.dataSource.createQueryRunner();
    try {
      await migration().down(runner);
      // Chains as the old code wrote them: interleaved agencies, each row linked to its agency's previous one.
      const agencies = [randomUUID(), randomUUID(), null];
      const last = new Map<string | null, string | null>();
      for (let index = 0; index < 9; index++) {
        const agencyId = agencies[index % 3];
        const content: AuditEntryContent = {
          agencyId,
          actorType: 'system',
          actorId: null,
          actorLabel: 'Scheduler',
          action: 'system.tick',
          subjectType: 'tick',
          subjectId: String(index),
          before: null,
          after: { index },
          occurredAt: new Date(Date.UTC(2026, 10, 1, 0, 0, index)),
        };
        const previousHash = last.get(agencyId) ?? null;
        const hash = chainHash(previousHash, content);
        await runner.query(
          `INSERT INTO "audit_entries" ("agency_id", "actor_type", "actor_id", "actor_label", "action", "subject_type",
             "subject_id", "before", "after", "occurred_at", "previous_hash", "hash")
           VALUES ($1, 'system', NULL, 'Scheduler', 'system.tick', 'tick', $2, NULL, $3::jsonb, $4, $5, $6)`,
          [agencyId, content.subjectId, JSON.stringify(content.after), content.occurredAt, previousHash, hash],
        );
        last.set(agencyId, hash);
      }
      await migration().up(runner);

      for (const agencyId of agencies) {
        const rows = await runner.query(
          `SELECT "seq", "chain_seq", "agency_id", "actor_type", "actor_id", "actor_label", "action", "subject_type",
                  "subject_id", "before", "after", "occurred_at", "previous_hash", "hash"
           FROM "audit_entries" WHERE "agency_id" IS NOT DISTINCT FROM $1 ORDER BY "chain_seq"`,
          [agencyId],
        );
        expect(rows.map((row: { chain_seq: string }) => Number(row.chain_seq))).toEqual([1, 2, 3]);
        const seqs = rows.map((row: { seq: string }) => Number(row.seq));
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        const chain: ChainedAuditEntry[] = rows.map((row: Record<string, never>) => ({
          seq: Number(row.seq),
          chainSeq: Number(row.chain_seq),
          agencyId: row.agency_id,
          actorType: row.actor_type,
          actorId: row.actor_id,
          actorLabel: row.actor_label,
          action: row.action,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          before: row.before,
          after: row.after,
          occurredAt: row.occurred_at,
          previousHash: row.previous_hash,
          hash: row.hash,
        }));
        expect(verifyChain(chain)).toEqual({ valid: true, checked: 3 });
      }
      await expect(runner.query(`UPDATE "audit_entries" SET "actor_label" = 'Mallory'`)).rejects.toThrow(
        /audit_entries is append-only/,
      );
      await expect(runner.query(`DELETE FROM "audit_entries"`)).rejects.toThrow(/audit_entries is append-only/);
    } finally {
      await runner.release();
    }
  });
});
