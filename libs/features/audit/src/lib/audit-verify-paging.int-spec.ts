import { randomUUID } from 'node:crypto';
import { AuditEntryContent, chainHash } from './audit-chain';
import { auditHarnessForSuite, tamperWithAuditEntries } from '../testing/audit-harness';
import { VERIFY_PAGE_SIZE } from './audit-trail.service';

/** Verification reads a chain page by page (kept apart from audit-trail.int-spec.ts for its size). */
describe('AuditTrail.verify over many pages (real PostgreSQL)', () => {
  const harness = auditHarnessForSuite();
  const tamper = (sql: string, parameters: unknown[]) => tamperWithAuditEntries(harness.dataSource, sql, parameters);

  it('verifies a chain longer than one page and finds a break on a later page', async () => {
    const agency = randomUUID();
    const total = VERIFY_PAGE_SIZE * 2 + 10;
    // Built directly (as record() would) so the test stays fast; verify() reads it back page by page.
    let previousHash: string | null = null;
    const rows: unknown[][] = [];
    for (let index = 0; index < total; index += 1) {
      const content: AuditEntryContent = {
        agencyId: agency,
        actorType: 'provider',
        actorId: `p-${index % 7}`,
        actorLabel: 'Provider',
        action: 'response.saved',
        subjectType: 'response',
        subjectId: `r-${index}`,
        before: null,
        after: { index },
        occurredAt: new Date(Date.UTC(2026, 10, 23, 0, 0, index)),
      };
      const hash = chainHash(previousHash, content);
      rows.push([
        agency,
        content.actorId,
        content.subjectId,
        JSON.stringify(content.after),
        content.occurredAt,
        previousHash,
        hash,
        index + 1,
      ]);
      previousHash = hash;
    }
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      const values = batch.map(
        (_, row) => `(${[1, 2, 3, 4, 5, 6, 7, 8].map((column) => `$${row * 8 + column}`).join(', ')})`,
      );
      await harness.dataSource.query(
        `INSERT INTO "audit_entries" ("agency_id", "actor_type", "actor_id", "actor_label", "action", "subject_type",
           "subject_id", "before", "after", "occurred_at", "previous_hash", "hash", "chain_seq")
         SELECT v.a::uuid, 'provider', v.b, 'Provider', 'response.saved', 'response', v.c, NULL, v.d::jsonb, v.e::timestamptz, v.f, v.g, v.h::bigint
         FROM (VALUES ${values.join(', ')}) AS v(a, b, c, d, e, f, g, h)`,
        batch.flat(),
      );
    }
    expect(await harness.trail.verify(agency)).toEqual({ valid: true, checked: total });

    const [{ seq }] = await harness.dataSource.query(
      `SELECT "seq" FROM "audit_entries" WHERE "agency_id" = $1 ORDER BY "seq" OFFSET $2 LIMIT 1`,
      [agency, VERIFY_PAGE_SIZE * 2 + 3],
    );
    await tamper(`UPDATE "audit_entries" SET "occurred_at" = "occurred_at" + interval '1 second' WHERE "seq" = $1`, [
      seq,
    ]);
    expect(await harness.trail.verify(agency)).toEqual({
      valid: false,
      checked: VERIFY_PAGE_SIZE * 2 + 4,
      brokenAt: Number(seq),
      reason: 'hash-mismatch',
    });
  });
});
