import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@probity/database';
import { chainHash } from './audit-chain';
import { AuditChainAppender } from './audit-chain-appender';
import { anAuditInput, AuditHarness, startAuditHarness, tamperWithAuditEntries } from '../testing/audit-harness';
import { AuditRecord, AuditRecordInput, AuditTrail, staffAuditActor } from './audit-trail.service';

describe('AuditTrail (real PostgreSQL)', () => {
  let harness: AuditHarness;
  let trail: AuditTrail;
  let dataSource: DataSource;

  beforeAll(async () => {
    harness = await startAuditHarness();
    ({ trail, dataSource } = harness);
  });

  afterAll(() => harness.close());

  const input = anAuditInput;

  const record = (entry: AuditRecordInput) => dataSource.transaction((manager) => trail.record(manager, entry));

  /** Chains what is pending and returns the chain, keyed by the seq record() returned. */
  async function chained(agencyId: string | null): Promise<Map<number, AuditRecord>> {
    await trail.chainPending(agencyId);
    const { items } = await trail.list(agencyId, { page: 1, pageSize: 1000 });
    const entries = new Map<number, AuditRecord>();
    for (const item of items) {
      if (item.pending) throw new Error(`entry ${item.seq} is still pending after chainPending`);
      entries.set(item.seq, item);
    }
    return entries;
  }

  const tamper = (sql: string, parameters: unknown[]) => tamperWithAuditEntries(dataSource, sql, parameters);

  describe('recordChange', () => {
    const actor = staffAuditActor({ userId: 'user-1', name: 'Ada Officer', role: 'legal_reviewer' });
    const change = (agencyId: string) => ({
      agencyId,
      action: 'case.transition',
      subject: { type: 'case', id: 'case-1' },
      after: { status: 'published' },
    });
    const entriesOf = (agencyId: string) =>
      dataSource.query<{ actor_label: string; before: unknown }[]>(
        `SELECT "actor_label", "before" FROM "audit_entries" WHERE "agency_id" = $1`,
        [agencyId],
      );

    it("joins the open unit of work's transaction: committed with it, rolled back with it", async () => {
      const unitOfWork = harness.moduleRef.get(UnitOfWork);
      const committed = randomUUID();
      await unitOfWork.run(() => trail.recordChange(actor, change(committed)));
      expect(await entriesOf(committed)).toEqual([{ actor_label: 'Ada Officer (legal reviewer)', before: null }]);

      const rolledBack = randomUUID();
      await expect(
        unitOfWork.run(async () => {
          await trail.recordChange(actor, change(rolledBack));
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await entriesOf(rolledBack)).toEqual([]);
    });

    it('uses an explicitly given transaction, and refuses to record outside any transaction', async () => {
      const agency = randomUUID();
      await dataSource.transaction((manager) => trail.recordChange(actor, change(agency), manager));
      expect(await entriesOf(agency)).toHaveLength(1);
      await expect(trail.recordChange(actor, change(agency))).rejects.toThrow('UnitOfWork.run');
    });
  });

  it('chains entries and verifies them after a round trip through jsonb', async () => {
    const agency = randomUUID();
    const first = await record(
      input(agency, {
        // Keys out of order, a nested date and non-ASCII text: jsonb reorders keys and the read-back must still hash the same.
        after: { z: 1, a: { when: new Date('2026-11-23T09:30:00.123Z'), note: 'Überprüfung ✓' }, list: [3, 1.5, null] },
        occurredAt: new Date('2026-11-23T10:00:00.000Z'),
      }),
    );
    const second = await record(input(agency, { action: 'response.viewed', before: undefined, after: null }));
    const third = await record(input(agency, { actorType: 'system', actorId: null, actorLabel: 'Scoring job' }));
    const chain = await chained(agency);
    const [firstLink, secondLink, thirdLink] = [first, second, third].map((entry) => chain.get(entry.seq)!);

    expect(firstLink.previousHash).toBeNull();
    expect(secondLink.previousHash).toBe(firstLink.hash);
    expect(thirdLink.previousHash).toBe(secondLink.hash);
    expect(second.seq).toBeGreaterThan(first.seq);
    expect([firstLink, secondLink, thirdLink].map((entry) => entry.chainSeq)).toEqual([1, 2, 3]);
    expect(firstLink.hash).toBe(chainHash(null, first));

    expect(await trail.verify(agency)).toEqual({ valid: true, checked: 3 });

    const [stored] = await dataSource.query(`SELECT "after", "before" FROM "audit_entries" WHERE "seq" = $1`, [
      first.seq,
    ]);
    expect(stored.after).toEqual({
      a: { note: 'Überprüfung ✓', when: '2026-11-23T09:30:00.123Z' },
      list: [3, 1.5, null],
      z: 1,
    });
    expect(stored.before).toEqual({ status: 'draft' });
  });

  it('verifies an agency with no entries as an empty, valid chain', async () => {
    expect(await trail.verify(randomUUID())).toEqual({ valid: true, checked: 0 });
  });

  it('refuses UPDATE and DELETE on audit_entries', async () => {
    const agency = randomUUID();
    const entry = await record(input(agency));
    // Pending: only the appender's filling of the chain fields is let through, never a content change.
    await expect(
      dataSource.query(
        `UPDATE "audit_entries" SET "actor_label" = 'Someone else', "hash" = repeat('a', 64), "chain_seq" = 1 WHERE "seq" = $1`,
        [entry.seq],
      ),
    ).rejects.toThrow(/audit_entries is append-only/);
    await chained(agency);
    await expect(
      dataSource.query(`UPDATE "audit_entries" SET "actor_label" = 'Someone else' WHERE "seq" = $1`, [entry.seq]),
    ).rejects.toThrow(/audit_entries is append-only/);
    // Chained once: the chain fields cannot be written again.
    await expect(
      dataSource.query(`UPDATE "audit_entries" SET "hash" = repeat('b', 64) WHERE "seq" = $1`, [entry.seq]),
    ).rejects.toThrow(/audit_entries is append-only/);
    await expect(dataSource.query(`DELETE FROM "audit_entries" WHERE "seq" = $1`, [entry.seq])).rejects.toThrow(
      /audit_entries is append-only/,
    );
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "audit_entries" WHERE "seq" = $1`, [
      entry.seq,
    ]);
    expect(count).toBe(1);
    expect(await trail.verify(agency)).toEqual({ valid: true, checked: 1 });
  });

  it('reports the seq of a row edited behind the trigger', async () => {
    const agency = randomUUID();
    const entries = [];
    for (let index = 0; index < 4; index += 1)
      entries.push(await record(input(agency, { subjectId: `case-${index}` })));
    await chained(agency);
    await tamper(`UPDATE "audit_entries" SET "after" = $2::jsonb WHERE "seq" = $1`, [
      entries[2].seq,
      JSON.stringify({ status: 'awarded' }),
    ]);
    expect(await trail.verify(agency)).toEqual({
      valid: false,
      checked: 3,
      brokenAt: entries[2].seq,
      reason: 'hash-mismatch',
    });
  });

  it('reports a row deleted behind the trigger at the entry that followed it', async () => {
    const agency = randomUUID();
    const entries = [];
    for (let index = 0; index < 3; index += 1)
      entries.push(await record(input(agency, { subjectId: `case-${index}` })));
    await chained(agency);
    await tamper(`DELETE FROM "audit_entries" WHERE "seq" = $1`, [entries[1].seq]);
    expect(await trail.verify(agency)).toEqual({
      valid: false,
      checked: 2,
      brokenAt: entries[2].seq,
      reason: 'previous-hash-mismatch',
    });
  });

  it('keeps 25 concurrent appends in separate transactions on one linear chain', async () => {
    const agency = randomUUID();
    const appender = harness.moduleRef.get(AuditChainAppender);
    const written = await Promise.all([
      ...Array.from({ length: 25 }, (_, index) => record(input(agency, { subjectId: `case-${index}` }))),
      // Appenders racing the writers: each chains what has committed so far, or leaves it to the one holding the lock.
      ...Array.from({ length: 3 }, () => appender.chainPending(agency, { wait: false })),
    ]);
    expect(await trail.verify(agency)).toEqual({ valid: true, checked: 25 });
    const chain = await chained(agency);
    const recorded = written.slice(0, 25).map((entry) => chain.get((entry as { seq: number }).seq)!);

    // Linear: exactly one genesis entry and no hash is the predecessor of two entries.
    const previous = recorded.map((entry) => entry.previousHash);
    expect(previous.filter((hash) => hash === null)).toHaveLength(1);
    expect(new Set(previous).size).toBe(25);
    const hashes = new Set(recorded.map((entry) => entry.hash));
    expect(previous.filter((hash) => hash !== null && !hashes.has(hash))).toEqual([]);
  });

  it('keeps each agency, and the system, on an independent chain', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const systemBefore = await trail.verify(null);
    const aEntries = [];
    const bEntries = [];
    for (let index = 0; index < 3; index += 1) {
      aEntries.push(await record(input(a, { subjectId: `a-${index}` })));
      bEntries.push(await record(input(b, { subjectId: `b-${index}` })));
      await record(input(null, { actorType: 'system', actorId: null, actorLabel: 'Scheduler', action: 'system.tick' }));
    }
    const [aChain, bChain] = [await chained(a), await chained(b)];
    expect(aChain.get(aEntries[0].seq)!.previousHash).toBeNull();
    expect(bChain.get(bEntries[0].seq)!.previousHash).toBeNull();
    expect(bChain.get(bEntries[1].seq)!.previousHash).toBe(bChain.get(bEntries[0].seq)!.hash);
    expect(await trail.verify(null)).toEqual({ valid: true, checked: systemBefore.checked + 3 });

    await tamper(`UPDATE "audit_entries" SET "actor_label" = 'Mallory' WHERE "seq" = $1`, [bEntries[0].seq]);
    expect(await trail.verify(b)).toMatchObject({ valid: false, brokenAt: bEntries[0].seq });
    expect(await trail.verify(a)).toEqual({ valid: true, checked: 3 });
    expect(await trail.verify(null)).toMatchObject({ valid: true });
  });

  it('drops the entry with a rolled-back transaction and keeps the chain intact', async () => {
    const agency = randomUUID();
    const first = await record(input(agency));
    await expect(
      dataSource.transaction(async (manager) => {
        await trail.record(manager, input(agency, { action: 'case.deleted' }));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const next = await record(input(agency, { action: 'case.archived' }));
    const chain = await chained(agency);
    expect(chain.size).toBe(2);
    expect(chain.get(next.seq)!.previousHash).toBe(chain.get(first.seq)!.hash);
    expect(await trail.verify(agency)).toEqual({ valid: true, checked: 2 });
  });

  it('refuses to record outside a transaction; under any isolation level the appender chains it correctly', async () => {
    await expect(trail.record(dataSource.manager, input(randomUUID()))).rejects.toThrow(/open transaction/);
    // The request no longer reads the chain, so a snapshot older than the newest entry cannot fork it.
    const agency = randomUUID();
    await record(input(agency));
    await dataSource.transaction('REPEATABLE READ', (manager) => trail.record(manager, input(agency)));
    expect(await trail.verify(agency)).toEqual({ valid: true, checked: 2 });
    await expect(record(input(randomUUID(), { action: 'x'.repeat(101) }))).rejects.toThrow(/action is longer/);
  });

  it('lists one agency newest first, filtered by subject and paginated', async () => {
    const [agency, other] = [randomUUID(), randomUUID()];
    for (let index = 0; index < 5; index += 1) {
      await record(input(agency, { subjectType: 'case', subjectId: index % 2 === 0 ? 'case-even' : 'case-odd' }));
    }
    await record(input(agency, { subjectType: 'response', subjectId: 'case-even' }));
    await record(input(other, { subjectType: 'case', subjectId: 'case-even' }));

    const waiting = await trail.list(agency, { page: 1, pageSize: 10 });
    // Listed while pending, marked as such; chained (with a position and a hash) once the appender ran.
    expect(waiting.items.map((entry) => [entry.pending, entry.hash])).toEqual(Array(6).fill([true, null]));
    await trail.chainPending(agency);
    const all = await trail.list(agency, { page: 1, pageSize: 10 });
    expect(all.total).toBe(6);
    expect(all.items.map((entry) => entry.chainSeq)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(all.items.every((entry) => entry.agencyId === agency)).toBe(true);
    const seqs = all.items.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));

    const even = await trail.list(agency, { subjectType: 'case', subjectId: 'case-even', page: 1, pageSize: 2 });
    expect(even.total).toBe(3);
    expect(even.items).toHaveLength(2);
    const secondPage = await trail.list(agency, { subjectType: 'case', subjectId: 'case-even', page: 2, pageSize: 2 });
    expect(secondPage.items).toHaveLength(1);
    expect(secondPage.items[0].seq).toBeLessThan(even.items[1].seq);
    expect([...even.items, ...secondPage.items].every((entry) => entry.subjectId === 'case-even')).toBe(true);

    const responses = await trail.list(agency, { subjectType: 'response', page: 1, pageSize: 10 });
    expect(responses.items.map((entry) => entry.subjectType)).toEqual(['response']);
  });
});
