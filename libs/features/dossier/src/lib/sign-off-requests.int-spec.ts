import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@probity/audit';
import { CasesModule, CasesService } from '@probity/cases';
import { demoCase } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { OutboxEntry } from '@probity/queue';
import { CoreModule } from '@probity/runtime';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { DossierModule } from './dossier.module';
import { DossierVersion } from './dossier-version.entity';
import { DossierReviewService } from './review.service';
import { SignOffRequests } from './sign-off-requests';

/** Sign-off request mails as the outbox records them (real PostgreSQL; nothing is sent). */
describe('SignOffRequests', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let requests: SignOffRequests;
  let agencyId: string;
  const reviewers: Array<{ id: string; name: string; role: string; email: string }> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = servicesTestConfig(database.url, { PUBLIC_BASE_URL: 'https://probity.example' });
    moduleRef = await Test.createTestingModule({
      imports: [CoreModule.forRoot(config, { consumeJobs: false }), CasesModule, DossierModule],
    }).compile();
    await moduleRef.init();
    dataSource = moduleRef.get(DataSource);
    requests = moduleRef.get(SignOffRequests);
    const identity = moduleRef.get(IdentityService);
    agencyId = (await identity.createAgency('Sign-off request agency')).id;
    for (const name of ['Rita Reviewer', 'Rolf Reviewer']) {
      const email = `${name.split(' ')[0].toLowerCase()}@requests.example`;
      const user = await identity.createStaffUser({
        agencyId,
        email,
        name,
        role: 'legal_reviewer',
        password: 'sign-off requests passphrase',
      });
      reviewers.push({ id: user.id, name, role: 'Legal reviewer', email });
    }
  });

  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
  });

  async function renderedVersionOf(caseId: string): Promise<DossierVersion> {
    const version = dataSource.getRepository(DossierVersion).create({
      id: randomUUID(),
      caseId,
      version: 1,
      status: 'rendered',
      snapshot: {},
      snapshotHash: randomUUID().replace(/-/g, '').padEnd(64, '0'),
      pdf: null,
      pdfSha256: 'a'.repeat(64),
      printStatus: 'under review',
      renderProgress: 100,
      renderedAt: new Date(),
      supersededAt: null,
    });
    return dataSource.getRepository(DossierVersion).save(version);
  }

  const mailsFor = (dossierId: string) =>
    dataSource
      .getRepository(OutboxEntry)
      .createQueryBuilder('e')
      .where(`e.job_name = 'mail.send'`)
      .andWhere(`e.payload->>'idempotencyKey' LIKE :key`, { key: `sign-off-request:${dossierId}:%` })
      .getMany();

  it('asks nobody while the case is not in legal review, then each reviewer exactly once', async () => {
    const cases = moduleRef.get(CasesService);
    const created = await cases.createCase(agencyId, {
      ...demoCase(new Date('2026-11-01T00:00:00Z')),
      reference: `REQ-${randomUUID().slice(0, 8)}`,
    });
    await moduleRef.get(DossierReviewService).assignReviewers(created.id, reviewers);
    const version = await renderedVersionOf(created.id);

    const early = await requests.queue(version);
    expect(early).toBe(0);
    expect(await mailsFor(version.id)).toHaveLength(0);

    for (const to of ['open', 'closed', 'evaluation', 'dossier_review'] as const)
      await cases.transition(created.id, to);
    const asked = await requests.queue(version);
    expect(asked).toBe(2);
    const mails = await mailsFor(version.id);
    expect(mails.map((m) => (m.payload as { to: string[] }).to).sort()).toEqual([
      ['rita@requests.example'],
      ['rolf@requests.example'],
    ]);
    expect((mails[0].payload as { template: string; context: Record<string, string> }).template).toBe(
      'sign-off-request',
    );
    expect((mails[0].payload as { context: Record<string, string> }).context).toMatchObject({
      caseReference: created.reference,
      agencyName: 'Sign-off request agency',
      reviewUrl: `https://probity.example/reviews/dossiers/${version.id}`,
    });

    const again = await requests.queue(version);
    expect(again).toBe(0);
    expect(await mailsFor(version.id)).toHaveLength(2);
    const audit = await moduleRef.get(AuditTrail).list(agencyId, { subjectId: version.id, page: 1, pageSize: 10 });
    expect(audit.items.map((entry) => entry.action)).toEqual(['dossier.sign-off-requested']);
  });
});
