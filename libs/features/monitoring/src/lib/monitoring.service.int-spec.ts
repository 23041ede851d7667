import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CasesService, ProcurementCase } from '@probity/cases';
import { demoCase } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { CoreModule } from '@probity/runtime';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { MonitoringModule } from './monitoring.module';
import { MonitoringService } from './monitoring.service';
import { SendMonitoringRemindersJob } from './send-monitoring-reminders.job';

/**
 * Post-award reminders with a controllable clock (the job's `now`), on the real PostgreSQL and Redis
 * of the services mode: each due check is reminded once, however often and however concurrently the
 * job runs, and each month has one summary.
 */
describe('post-award monitoring reminders (real PostgreSQL and Redis)', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let monitoring: MonitoringService;
  let job: SendMonitoringRemindersJob;
  let dataSource: DataSource;
  let procurementCase: ProcurementCase;
  let officer: { userId: string; name: string; role: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = servicesTestConfig(database.url, { PUBLIC_BASE_URL: 'https://probity.example' });
    moduleRef = await Test.createTestingModule({
      imports: [CoreModule.forRoot(config, { consumeJobs: false }), MonitoringModule],
    }).compile();
    await moduleRef.init();
    monitoring = moduleRef.get(MonitoringService);
    job = moduleRef.get(SendMonitoringRemindersJob);
    dataSource = moduleRef.get(DataSource);
    const identity = moduleRef.get(IdentityService);
    const agencyId = (await identity.createAgency('Monitoring agency')).id;
    const user = await identity.createStaffUser({
      agencyId,
      email: 'olga@monitoring.example',
      name: 'Olga Officer',
      role: 'procurement_officer',
      password: 'monitoring passphrase',
    });
    officer = { userId: user.id, name: user.name, role: user.role };
    const cases = moduleRef.get(CasesService);
    const created = await cases.createCase(agencyId, {
      ...demoCase(new Date()),
      reference: `M-${randomUUID().slice(0, 6)}`,
    });
    await dataSource.getRepository(ProcurementCase).update(created.id, { status: 'awarded' });
    procurementCase = await cases.getCase(created.id);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
  });

  const mails = async (template: string) =>
    (
      await dataSource.query<Array<{ payload: { template: string; to: string[]; context: Record<string, unknown> } }>>(
        `SELECT payload FROM job_outbox WHERE job_name = 'mail.send' ORDER BY created_at`,
      )
    )
      .map((row) => row.payload)
      .filter((payload) => payload.template === template);

  it('refuses to start before the award, then schedules the first year from the award day', async () => {
    await expect(monitoring.start({ ...procurementCase, status: 'signed_off' }, officer)).rejects.toMatchObject({
      status: 409,
    });
    const schedule = await monitoring.start(procurementCase, officer, new Date('2027-01-15T09:00:00Z'));
    expect(schedule.filter((c) => c.kind === 'incident-reporting')).toHaveLength(12);
    expect(schedule[0]).toMatchObject({ dueOn: '2027-02-15', ownerName: 'Olga Officer' });
    await expect(monitoring.start(procurementCase, officer)).rejects.toMatchObject({ status: 409 });
  });

  it('reminds the owner once per due check, however often and concurrently the job runs', async () => {
    expect(await job.handle({ now: '2027-02-14T23:00:00Z' })).toMatchObject({ reminders: 0 });
    expect(await mails('monitoring-reminder')).toEqual([]);

    // 15 February: the first incident-log review falls due. Three runs at once, then one more.
    const runs = await Promise.all([1, 2, 3].map(() => job.handle({ now: '2027-02-15T08:00:00Z' })));
    expect(runs.map((r) => r.reminders).reduce((a, b) => a + b)).toBe(1);
    expect((await job.handle({ now: '2027-02-15T09:00:00Z' })).reminders).toBe(0);
    const reminders = await mails('monitoring-reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({
      to: ['olga@monitoring.example'],
      context: { checkTitle: 'Incident log review and serious-incident reporting', dueOn: '2027-02-15' },
    });

    // A month later the next review is due and the first is overdue: one more reminder, and it shows.
    expect((await job.handle({ now: '2027-03-16T08:00:00Z' })).reminders).toBe(1);
    const overdue = await monitoring.overdueOf(procurementCase.id, new Date('2027-03-16T08:00:00Z'));
    expect(overdue.map((c) => c.dueOn)).toEqual(['2027-02-15', '2027-03-15']);
    await monitoring.markDone(procurementCase, overdue[0].id, officer, new Date('2027-03-16T09:00:00Z'));
    // Done twice, or a malformed id: 404, not a database error.
    await expect(monitoring.markDone(procurementCase, overdue[0].id, officer)).rejects.toMatchObject({ status: 404 });
    await expect(monitoring.markDone(procurementCase, 'not-a-uuid', officer)).rejects.toMatchObject({ status: 404 });
    expect((await monitoring.overdueOf(procurementCase.id, new Date('2027-03-16T10:00:00Z'))).length).toBe(1);
  });

  it('sends the officer one summary a month with the overdue checks', async () => {
    const summaries = (await mails('monitoring-summary')).map((mail) => mail.context.month);
    // The runs above covered February and March: one summary each.
    expect(summaries).toEqual(['2027-02', '2027-03']);
    await job.handle({ now: '2027-03-31T22:00:00Z' });
    expect((await mails('monitoring-summary')).length).toBe(2);
    await job.handle({ now: '2027-04-01T00:30:00Z' });
    const april = (await mails('monitoring-summary')).at(-1)!;
    expect(april.context).toMatchObject({ month: '2027-04', caseReference: procurementCase.reference });
    expect((april.context.overdue as Array<{ dueOn: string }>).map((o) => o.dueOn)).toEqual(['2027-03-15']);
  });

  it('hands an open check to another active member of staff, who is then reminded once; audited', async () => {
    const identity = moduleRef.get(IdentityService);
    const mia = await identity.createStaffUser({
      agencyId: procurementCase.agencyId,
      email: 'mia@monitoring.example',
      name: 'Mia Monitor',
      role: 'procurement_officer',
      password: 'monitoring passphrase',
    });
    const elsewhere = await identity.createStaffUser({
      agencyId: (await identity.createAgency('Another agency')).id,
      email: 'x@elsewhere.example',
      name: 'Xavier Elsewhere',
      role: 'procurement_officer',
      password: 'monitoring passphrase',
    });
    const checks = await monitoring.scheduleOf(procurementCase.id);
    const [open] = await monitoring.overdueOf(procurementCase.id, new Date('2027-04-01T08:00:00Z'));
    const done = checks.find((check) => check.doneAt)!;
    await expect(monitoring.reassign(procurementCase, open.id, elsewhere.id, officer)).rejects.toMatchObject({
      status: 422,
    });
    await expect(monitoring.reassign(procurementCase, open.id, 'nobody', officer)).rejects.toMatchObject({
      status: 422,
    });
    await expect(monitoring.reassign(procurementCase, done.id, mia.id, officer)).rejects.toMatchObject({ status: 404 });

    await monitoring.reassign(procurementCase, open.id, mia.id, officer);
    expect((await monitoring.scheduleOf(procurementCase.id)).find((c) => c.id === open.id)).toMatchObject({
      ownerName: 'Mia Monitor',
      remindedAt: null,
    });
    expect((await job.handle({ now: '2027-04-01T09:00:00Z' })).reminders).toBe(1);
    expect((await job.handle({ now: '2027-04-01T10:00:00Z' })).reminders).toBe(0);
    expect((await mails('monitoring-reminder')).at(-1)).toMatchObject({ to: ['mia@monitoring.example'] });
    const [audit] = await dataSource.query(
      `SELECT before, after FROM audit_entries WHERE action = 'monitoring.owner-changed'`,
    );
    expect(audit).toMatchObject({
      before: { owner: 'Olga Officer' },
      after: { owner: 'Mia Monitor', ownerId: mia.id },
    });
  });
});
