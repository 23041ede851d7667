import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Response } from 'express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { StaffRequest, StaffRole } from '@probity/identity';
import { createTestDatabase, startWebTestApp, TestDatabase, typeOrmTestModule } from '@probity/testing';
import { anAuditInput, tamperWithAuditEntries } from '../testing/audit-harness';
import { AuditTrail } from './audit-trail.service';
import { AuditModule } from './audit.module';

describe('GET /api/v1/audit (real PostgreSQL)', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let trail: AuditTrail;
  let dataSource: DataSource;
  const [agencyA, agencyB] = [randomUUID(), randomUUID()];
  let tamperedSeq: number;

  /** Stands in for the session middleware: the test names the signed-in agency and role in headers. */
  function signIn(req: StaffRequest, _res: Response, next: NextFunction): void {
    const agencyId = req.header('x-test-agency');
    if (agencyId) {
      req.staff = {
        userId: randomUUID(),
        agencyId,
        role: (req.header('x-test-role') ?? 'admin') as StaffRole,
        email: 'staff@example.org',
        name: 'Test Staff',
        sessionId: 'test-session',
      };
    }
    next();
  }

  const entry = (agencyId: string, subjectId: string) => anAuditInput(agencyId, { subjectId });

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startWebTestApp(
      { imports: [typeOrmTestModule(database.url), AuditModule] },
      { beforeWebSetUp: (nest) => nest.use(signIn) },
    );
    trail = app.get(AuditTrail);
    dataSource = app.get(DataSource);

    for (const subjectId of ['case-1', 'case-2', 'case-1']) {
      await dataSource.transaction((manager) => trail.record(manager, entry(agencyA, subjectId)));
    }
    const tampered = await dataSource.transaction((manager) => trail.record(manager, entry(agencyB, 'case-9')));
    await dataSource.transaction((manager) => trail.record(manager, entry(agencyB, 'case-9')));
    tamperedSeq = tampered.seq;
    // Tampered once chained: a pending entry's content is guarded by the trigger, not yet by the hash.
    await trail.chainPending(agencyB);
    await tamperWithAuditEntries(
      dataSource,
      `UPDATE "audit_entries" SET "after" = '{"status":"awarded"}' WHERE "seq" = $1`,
      [tamperedSeq],
    );
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const server = () => app.getHttpServer();

  it("verifies only the caller agency's chain", async () => {
    const a = await request(server()).get('/api/v1/audit/verify').set('x-test-agency', agencyA).expect(200);
    expect(a.body).toEqual({ valid: true, checked: 3 });

    const b = await request(server())
      .get('/api/v1/audit/verify')
      .set('x-test-agency', agencyB)
      .set('x-test-role', 'legal_reviewer')
      .expect(200);
    expect(b.body).toEqual({ valid: false, checked: 1, brokenAt: tamperedSeq, reason: 'hash-mismatch' });

    const empty = await request(server()).get('/api/v1/audit/verify').set('x-test-agency', randomUUID()).expect(200);
    expect(empty.body).toEqual({ valid: true, checked: 0 });
  });

  it("lists only the caller agency's entries, newest first, filtered and paginated", async () => {
    const all = await request(server()).get('/api/v1/audit').set('x-test-agency', agencyA).expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(all.body.items.map((item: { agencyId: string }) => item.agencyId)).toEqual([agencyA, agencyA, agencyA]);
    const seqs = all.body.items.map((item: { seq: number }) => item.seq);
    expect(seqs).toEqual([...seqs].sort((x: number, y: number) => y - x));

    const filtered = await request(server())
      .get('/api/v1/audit')
      .query({ subjectType: 'case', subjectId: 'case-1', page: 2, pageSize: 1 })
      .set('x-test-agency', agencyA)
      .expect(200);
    expect(filtered.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(filtered.body.items).toHaveLength(1);
    expect(filtered.body.items[0]).toMatchObject({ subjectId: 'case-1', seq: seqs[2] });

    const foreign = await request(server())
      .get('/api/v1/audit')
      .query({ subjectId: 'case-9' })
      .set('x-test-agency', agencyA)
      .expect(200);
    expect(foreign.body).toMatchObject({ total: 0, items: [] });
  });

  it.each([
    ['page=0', /page must not be less than 1/],
    ['page=abc', /page must be an integer number/],
    ['page=1.5', /page must be an integer number/],
    ['pageSize=101', /pageSize must not be greater than 100/],
    ['subjectType=' + 'x'.repeat(51), /subjectType must be shorter than or equal to 50 characters/],
    ['unknown=1', /property unknown should not exist/],
  ])('answers 400 for %s', async (query, message) => {
    const response = await request(server()).get(`/api/v1/audit?${query}`).set('x-test-agency', agencyA).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.message.join(' ')).toMatch(message);
  });

  it('refuses anonymous callers and roles other than admin and legal reviewer', async () => {
    await request(server()).get('/api/v1/audit/verify').expect(401);
    await request(server()).get('/api/v1/audit').expect(401);
    const forbidden = await request(server())
      .get('/api/v1/audit/verify')
      .set('x-test-agency', agencyA)
      .set('x-test-role', 'evaluator')
      .expect(403);
    expect(forbidden.body.message).toMatch(/Your role \(evaluator\) does not allow you to read the audit trail/);
    await request(server())
      .get('/api/v1/audit')
      .set('x-test-agency', agencyA)
      .set('x-test-role', 'procurement_officer')
      .expect(403);
  });
});
