import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CasesModule, CasesService } from '@probity/cases';
import { demoCase } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { OutboxEntry } from '@probity/queue';
import { CoreModule } from '@probity/runtime';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { EvaluationModule } from './evaluation.module';
import { InviteEvaluatorsJob } from './invite-evaluators.job';
import { StartEvaluationJob } from './start-evaluation.job';

/** Evaluator e-mails as the outbox records them (real PostgreSQL and Redis; nothing is sent). */
describe('evaluator invitations', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let cases: CasesService;
  let agencyId: string;
  const evaluators: Array<{ id: string; email: string }> = [];

  const outbox = (jobName: string, caseId: string) =>
    dataSource
      .getRepository(OutboxEntry)
      .createQueryBuilder('e')
      .where('e.job_name = :jobName', { jobName })
      .andWhere(`e.payload::text LIKE :caseId`, { caseId: `%${caseId}%` })
      .getMany();
  const invitedTo = async (caseId: string) =>
    (await outbox('mail.send', caseId))
      .filter((entry) => (entry.payload as { template: string }).template === 'evaluation-invite')
      .map((entry) => (entry.payload as { to: string[] }).to[0])
      .sort();

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = servicesTestConfig(database.url, { PUBLIC_BASE_URL: 'https://probity.example' });
    moduleRef = await Test.createTestingModule({
      imports: [CoreModule.forRoot(config, { consumeJobs: false }), CasesModule, EvaluationModule],
    }).compile();
    await moduleRef.init();
    dataSource = moduleRef.get(DataSource);
    cases = moduleRef.get(CasesService);
    const identity = moduleRef.get(IdentityService);
    agencyId = (await identity.createAgency('Evaluator invitation agency')).id;
    for (const name of ['Ann Evaluator', 'Ben Evaluator']) {
      const email = `${name.split(' ')[0].toLowerCase()}@evaluators.example`;
      const user = await identity.createStaffUser({
        agencyId,
        email,
        name,
        role: 'evaluator',
        password: 'evaluator invitations passphrase',
      });
      evaluators.push({ id: user.id, email });
    }
  });

  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
  });

  it('mails each panel evaluator once when evaluation starts, and an evaluator added during it once', async () => {
    const demo = demoCase(new Date());
    const { id: caseId } = await cases.createCase(agencyId, { ...demo, reference: `EVAL-${randomUUID().slice(0, 8)}` });
    await cases.transition(caseId, 'open');
    await cases.transition(caseId, 'closed');
    await cases.setPanel(agencyId, caseId, [{ userId: evaluators[0].id, role: 'evaluator' }]);
    await cases.transition(caseId, 'evaluation');
    const start = moduleRef.get(StartEvaluationJob);
    await start.handle({ caseId });
    await start.handle({ caseId });
    expect(await invitedTo(caseId)).toEqual(['ann@evaluators.example']);
    const [mail] = await outbox('mail.send', caseId);
    expect((mail.payload as { context: { evaluationUrl: string } }).context.evaluationUrl).toBe(
      `https://probity.example/cases/${caseId}/evaluation`,
    );

    await cases.setPanel(
      agencyId,
      caseId,
      evaluators.map((evaluator) => ({ userId: evaluator.id, role: 'evaluator' as const })),
    );
    const [queued] = await outbox('evaluation.invite-evaluators', caseId);
    expect(queued.payload).toEqual({ caseId });
    await moduleRef.get(InviteEvaluatorsJob).handle({ caseId });
    expect(await invitedTo(caseId)).toEqual(['ann@evaluators.example', 'ben@evaluators.example']);
  });
});
