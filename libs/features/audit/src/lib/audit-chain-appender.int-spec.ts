import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '@probity/database';
import { createTestDatabase, TestDatabase, typeOrmTestModule } from '@probity/testing';
import type { ChainLink } from './audit-chain';
import { APPEND_BATCH_SIZE, AuditChainAppender } from './audit-chain-appender';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditRecordInput, AuditTrail } from './audit-trail.service';

/** Appenders on separate connections (and in separate modules, as in separate processes) against real PostgreSQL. */
describe('AuditChainAppender (real PostgreSQL)', () => {
  let database: TestDatabase;
  const modules: TestingModule[] = [];

  async function startProcess(): Promise<{
    trail: AuditTrail;
    appender: AuditChainAppender;
    entries: AuditEntryRepository;
    dataSource: DataSource;
  }> {
    const moduleRef = await Test.createTestingModule({
      imports: [typeOrmTestModule(database.url), TypeOrmModule.forFeature([AuditEntry])],
      providers: [AuditTrail, AuditChainAppender, AuditEntryRepository, UnitOfWork],
    }).compile();
    modules.push(moduleRef);
    return {
      trail: moduleRef.get(AuditTrail),
      appender: moduleRef.get(AuditChainAppender),
      entries: moduleRef.get(AuditEntryRepository),
      dataSource: moduleRef.get(DataSource),
    };
  }

  let first: Awaited<ReturnType<typeof startProcess>>;
  let second: Awaited<ReturnType<typeof startProcess>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await startProcess();
    second = await startProcess();
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    for (const moduleRef of modules) await moduleRef.close();
    await database.drop();
  });

  const input = (agencyId: string | null, index: number): AuditRecordInput => ({
    agencyId,
    actorType: 'provider',
    actorId: `provider-${index % 5}`,
    actorLabel: 'Provider',
    action: 'response.answers-saved',
    subjectType: 'response',
    subjectId: `response-${index}`,
    after: { revision: index },
  });

  const record = (side: typeof first, agencyId: string | null, index: number) =>
    side.dataSource.transaction((manager) => side.trail.record(manager, input(agencyId, index)));

  async function chainState(agencyId: string) {
    return first.dataSource.query<{ total: number; pending: number; positions: string[] }[]>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE "hash" IS NULL)::int AS pending,
              array_agg("chain_seq" ORDER BY "chain_seq") FILTER (WHERE "chain_seq" IS NOT NULL) AS positions
       FROM "audit_entries" WHERE "agency_id" = $1`,
      [agencyId],
    );
  }

  it('ends concurrent writes from several connections, chained by appenders in two processes, in one whole chain', async () => {
    const agency = randomUUID();
    const writers = Array.from({ length: 60 }, (_, index) => record(index % 2 ? first : second, agency, index));
    const appenders = Array.from({ length: 6 }, (_, index) =>
      (index % 2 ? first : second).appender.chainPending(agency, { wait: index % 3 === 0 }),
    );
    const sweeps = [first.appender.sweep(), second.appender.sweep()];
    await Promise.all([...writers, ...appenders, ...sweeps]);
    // Whatever committed after the racing appenders looked is chained by the next sweep.
    await second.appender.sweep();

    const [state] = await chainState(agency);
    expect(state.total).toBe(60);
    expect(state.pending).toBe(0);
    expect(state.positions.map(Number)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    expect(await first.trail.verify(agency)).toEqual({ valid: true, checked: 60 });
  });

  it('chains more pending entries than one batch, in insertion order, and the system chain apart', async () => {
    const agency = randomUUID();
    const count = APPEND_BATCH_SIZE + 7;
    await first.dataSource.transaction(async (manager) => {
      for (let index = 0; index < count; index++) await first.trail.record(manager, input(agency, index));
    });
    await record(first, null, 0);
    expect(await first.trail.pendingCount(agency)).toBe(count);
    expect(await first.appender.sweep()).toBeGreaterThanOrEqual(count + 1);
    expect(await first.trail.pendingCount(agency)).toBe(0);
    expect(await first.trail.pendingCount(null)).toBe(0);
    const order = await first.dataSource.query<{ ordered: boolean }[]>(
      `SELECT bool_and(ordered) AS ordered FROM (
         SELECT "chain_seq" > lag("chain_seq", 1, 0::bigint) OVER (ORDER BY "seq") AS ordered
         FROM "audit_entries" WHERE "agency_id" = $1) AS links`,
      [agency],
    );
    expect(order[0].ordered).toBe(true);
    expect(await first.trail.verify(agency)).toEqual({ valid: true, checked: count });
    expect(await first.trail.verify(null)).toMatchObject({ valid: true });
  });

  it('leaves a batch whose appender died mid-way pending and unlocked; the next appender chains it whole', async () => {
    const agency = randomUUID();
    for (let index = 0; index < 5; index++) await record(first, agency, index);
    await first.trail.chainPending(agency);
    for (let index = 5; index < 40; index++) await record(second, agency, index);

    // The appender writes half its batch, then its connection dies before the commit, as when its
    // process is SIGKILLed: PostgreSQL rolls the transaction back and drops its advisory lock.
    const writeLinks = first.entries.writeLinks.bind(first.entries);
    jest
      .spyOn(first.entries, 'writeLinks')
      .mockImplementationOnce(async (transaction: EntityManager, links: ChainLink[]) => {
        await writeLinks(transaction, links.slice(0, links.length / 2));
        await transaction.query('SELECT pg_terminate_backend(pg_backend_pid())');
      });
    await expect(first.appender.chainPending(agency, { wait: false })).rejects.toThrow();
    const [afterCrash] = await chainState(agency);
    expect(afterCrash).toMatchObject({ total: 40, pending: 35 });

    // A restarted process's appender finds the batch pending again and chains it whole.
    const restartedProcess = await startProcess();
    expect(await restartedProcess.appender.sweep()).toBe(35);
    const [restarted] = await chainState(agency);
    expect(restarted).toMatchObject({ total: 40, pending: 0 });
    expect(restarted.positions.map(Number)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    expect(await second.trail.verify(agency)).toEqual({ valid: true, checked: 40 });
  });

  it('survives a sweep that fails (the entries stay pending) and chains them on the next one', async () => {
    const agency = randomUUID();
    await record(first, agency, 0);
    jest.spyOn(first.entries, 'agenciesWithPending').mockRejectedValueOnce(new Error('the database went away'));
    expect(await first.appender.sweep()).toBe(0);
    expect(await first.trail.pendingCount(agency)).toBe(1);
    expect(await first.appender.sweep()).toBeGreaterThanOrEqual(1);
    expect(await first.trail.pendingCount(agency)).toBe(0);
  });

  it('skips a chain another appender holds, and a waiting reader chains after it', async () => {
    const agency = randomUUID();
    for (let index = 0; index < 4; index++) await record(first, agency, index);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const started = new Promise<void>((resolve) => (holding = resolve));
    const writeLinks = first.entries.writeLinks.bind(first.entries);
    jest
      .spyOn(first.entries, 'writeLinks')
      .mockImplementationOnce(async (transaction: EntityManager, links: ChainLink[]) => {
        holding();
        await held;
        await writeLinks(transaction, links);
      });
    const slow = first.appender.chainPending(agency, { wait: false });
    await started;
    await record(second, agency, 4);
    expect(await second.appender.chainPending(agency, { wait: false })).toBe(0);
    const reader = second.trail.verify(agency);
    release();
    expect(await slow).toBe(4);
    expect(await reader).toEqual({ valid: true, checked: 5 });
  });
});
