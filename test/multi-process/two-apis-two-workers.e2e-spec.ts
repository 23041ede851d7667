import { Queue } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, UnitOfWork } from '@probity/database';
import { answersAtQuality, DEMO_PROVIDERS, demoCase, demoEvidencePdf } from '@probity/demo';
import { IDENTITY_ENTITIES, IdentityRepository, IdentityService } from '@probity/identity';
import { buildPortalForm } from '@probity/portal';
import { QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import {
  createTestDatabase,
  SmtpSink,
  startSmtpSink,
  TestDatabase,
  testRedisUrl,
  uniqueQueuePrefix,
} from '@probity/testing';
import { childEnvironment, freePort, RunningProcess, signInOverHttp, startBuilt, waitFor } from '../support/processes';
import { RoundRobinProxy, startRoundRobinProxy } from '../support/round-robin-proxy';
import { Agent, answerThroughPortal, csrfOf, linkIn, revisionOf, urlencoded } from '../support/tender-http';

const PASSWORD = 'correct horse battery staple';
const DAY_MS = 86_400_000;

/**
 * Issue 19: two built api processes behind a round-robin proxy and two built workers, on one
 * PostgreSQL and one Redis, run a tender through the proxy. Limits are global, progress streams reach
 * either api, jobs that several processes could run (reminders, sign-off requests, sealing) run once,
 * and SIGKILL of an api and a worker under load loses no acknowledged save and no job.
 */
describe('two api and two worker processes behind a round-robin proxy (real Postgres, Redis, Chromium)', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let proxy: RoundRobinProxy;
  let systemQueue: Queue;
  let notificationsQueue: Queue;
  const apiUrls: string[] = [];
  const apis: RunningProcess[] = [];
  const workers: RunningProcess[] = [];
  const people: Record<string, { id: string; email: string }> = {};
  let officer: { agent: Agent; csrf: string };
  let caseId: string;
  let reference: string;
  const tokens: string[] = [];

  const mailsTo = (address: string, subjectStart: string) =>
    smtp.messages.filter(
      (mail) => mail.recipients.includes(address) && (mail.parsed.subject ?? '').startsWith(subjectStart),
    );

  async function signInThroughProxy(who: string): Promise<{ agent: Agent; csrf: string }> {
    const agent = request.agent(proxy.url);
    const anonymous = await agent.get('/api/v1/session').expect(200);
    const signedIn = await agent
      .post('/api/v1/session')
      .set('x-csrf-token', anonymous.body.csrfToken)
      .send({ email: people[who].email, password: PASSWORD })
      .expect(200);
    return { agent, csrf: signedIn.body.csrfToken as string };
  }

  async function startApi(port: number): Promise<void> {
    const api = startBuilt('apps/api/src/main.js', { ...env, PORT: String(port) });
    apis.push(api);
    await waitFor(
      async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.ok,
      240_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; the api said:\n${api.output()}`);
    });
  }

  function startWorker(): RunningProcess {
    const worker = startBuilt('apps/worker/src/main.js', { ...env, LOG_LEVEL: 'info' });
    workers.push(worker);
    return worker;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpSink();
    dataDir = await mkdtemp(join(tmpdir(), 'probity-replicas-'));
    const prefix = uniqueQueuePrefix();
    const ports = [await freePort(), await freePort()];
    apiUrls.push(...ports.map((port) => `http://127.0.0.1:${port}`));
    proxy = await startRoundRobinProxy(apiUrls);
    // What must be identical on every replica: the stores, the prefix, the secret, the seal (one DATA_DIR here).
    env = childEnvironment({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: prefix,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL: proxy.url,
      TRUST_PROXY: 'loopback',
      PORTAL_RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_PER_MINUTE: '100000',
      // A short lock: a killed worker's jobs go to the other worker within seconds.
      JOB_LOCK_DURATION_MS: '2000',
      LOG_LEVEL: 'warn',
    });
    systemQueue = new Queue('system', { connection: { url: testRedisUrl() }, prefix });
    notificationsQueue = new Queue('notifications', { connection: { url: testRedisUrl() }, prefix });

    // The accounts are made the way create-admin makes them, before the processes start.
    const accounts = new DataSource({
      ...buildDataSourceOptions({ mode: 'services', databaseUrl: database.url, dataDir: '' }),
      entities: IDENTITY_ENTITIES,
    });
    await accounts.initialize();
    const unitOfWork = new UnitOfWork(accounts);
    const identity = new IdentityService(new IdentityRepository(unitOfWork), unitOfWork);
    const agency = await identity.findOrCreateAgency('Polizia di Stato (replicas test)');
    const staff = [
      ['officer', 'procurement_officer'],
      ['evaluator', 'evaluator'],
      ['lena', 'legal_reviewer'],
      ['lars', 'legal_reviewer'],
    ] as const;
    for (const [who, role] of staff) {
      const email = `${who}@replicas.example`;
      const user = await identity.createStaffUser({ agencyId: agency.id, email, name: who, role, password: PASSWORD });
      people[who] = { id: user.id, email };
    }
    await accounts.destroy();

    startWorker();
    startWorker();
    await Promise.all(ports.map(startApi));
    await Promise.all(workers.map((worker) => worker.waitForOutput(/consuming queue dossiers/, 240_000)));
    // Four Node processes and Chromium start on a shared 2-core machine.
  }, 600_000);

  afterAll(async () => {
    for (const running of [...apis, ...workers]) if (running.child.exitCode === null) running.child.kill('SIGKILL');
    await Promise.all([...apis, ...workers].map((running) => running.exited));
    await proxy?.close();
    await systemQueue?.obliterate({ force: true });
    await Promise.all([systemQueue?.close(), notificationsQueue?.close()]);
    await smtp?.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('counts the sign-in limit across both apis: the 11th attempt from one address is refused', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const agent = request.agent(proxy.url);
      // Each attempt is two requests: one extra request every other attempt alternates the sign-ins' api.
      if (attempt % 2) await agent.get('/health/live').expect(200);
      const csrf = (await agent.get('/api/v1/session').set('X-Forwarded-For', '203.0.113.77')).body.csrfToken;
      const signIn = await agent
        .post('/api/v1/session')
        .set('X-Forwarded-For', '203.0.113.77')
        .set('x-csrf-token', csrf)
        .send({ email: `guess${attempt}@replicas.example`, password: 'guess' });
      statuses.push(signIn.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    const signIns = proxy.log.filter((entry) => entry.method === 'POST' && entry.path === '/api/v1/session');
    expect(new Set(signIns.map((entry) => entry.backend))).toEqual(new Set([0, 1]));
  });

  it('runs a tender through the proxy; invitations and deadline reminders are e-mailed once', async () => {
    officer = await signInThroughProxy('officer');
    const now = Date.now();
    const input = demoCase(new Date());
    reference = `REPLICAS-${randomUUID().slice(0, 8)}`;
    const created = await officer.agent
      .post('/api/v1/cases')
      .set('x-csrf-token', officer.csrf)
      .send({
        ...input,
        reference,
        questionsDue: new Date(now + DAY_MS).toISOString(),
        responsesDue: new Date(now + 2 * DAY_MS).toISOString(),
      })
      .expect(201);
    caseId = created.body.id;
    await officer.agent
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set('x-csrf-token', officer.csrf)
      .send({ to: 'open' })
      .expect(200);
    for (const provider of DEMO_PROVIDERS.slice(0, 2))
      await officer.agent
        .post(`/api/v1/cases/${caseId}/invites`)
        .set('x-csrf-token', officer.csrf)
        .send(provider.invite)
        .expect(201);
    for (const provider of DEMO_PROVIDERS.slice(0, 2)) {
      const [address] = provider.invite.contactEmails;
      const [invite] = await waitFor(async () => {
        const found = mailsTo(address, 'Invitation to respond');
        return found.length ? found : null;
      });
      tokens.push(linkIn(invite.parsed.text).replace(/^.*\/portal\//, ''));
    }

    // The hourly reminder run started twice at once (as two schedulers or a retry could): one reminder each.
    await notificationsQueue.addBulk(
      ['a', 'b'].map((run) => ({ name: 'invites.send-reminders', data: {}, opts: { jobId: `reminders-${run}` } })),
    );
    for (const provider of DEMO_PROVIDERS.slice(0, 2))
      await waitFor(async () => mailsTo(provider.invite.contactEmails[0], 'Reminder').length > 0 || null);
    await waitFor(async () => (await notificationsQueue.getJob('reminders-b'))?.isCompleted());
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const provider of DEMO_PROVIDERS.slice(0, 2)) {
      expect(mailsTo(provider.invite.contactEmails[0], 'Invitation to respond')).toHaveLength(1);
      expect(mailsTo(provider.invite.contactEmails[0], 'Reminder')).toHaveLength(1);
    }
  });

  it('both providers answer and submit through the proxy', async () => {
    const own = await definitionOf(caseId);
    for (const [index, provider] of DEMO_PROVIDERS.slice(0, 2).entries()) {
      const browser = request.agent(proxy.url);
      const overview = await browser.get(`/portal/${tokens[index]}`).expect(200);
      await answerThroughPortal(
        browser,
        tokens[index],
        own,
        answersAtQuality(own, provider.quality, provider.overrides),
      );
      const csrf = csrfOf(overview.text);
      for (const { question } of questionsOf(own).filter((entry) => entry.question.type === 'file'))
        await browser
          .post(`/portal/${tokens[index]}/evidence?_csrf=${encodeURIComponent(csrf)}`)
          .set('Accept', 'application/json')
          .field('questionName', question.name)
          .attach('file', await demoEvidencePdf('Evidence', question.name), {
            filename: `${question.name}.pdf`,
            contentType: 'application/pdf',
          })
          .expect(201);
      await browser
        .post(`/portal/${tokens[index]}/submit`)
        .set('Accept', 'application/json')
        .type('form')
        .send(urlencoded([['_csrf', csrf]]))
        .expect(200);
    }
  });

  it('scoring progress streams to a client of either api until everything is scored', async () => {
    for (const step of [
      () => officer.agent.post(`/api/v1/cases/${caseId}/transitions`).send({ to: 'closed' }),
      () =>
        officer.agent.put(`/api/v1/cases/${caseId}/panel`).send({
          members: [
            { userId: people.evaluator.id, role: 'evaluator' },
            { userId: people.lena.id, role: 'legal_reviewer' },
            { userId: people.lars.id, role: 'legal_reviewer' },
          ],
        }),
      () => officer.agent.post(`/api/v1/cases/${caseId}/transitions`).send({ to: 'evaluation' }),
    ])
      expect((await step().set('x-csrf-token', officer.csrf)).status).toBe(200);
    // One signed-in officer (the session is in PostgreSQL) listens on each api directly.
    const { headers } = await signInOverHttp(proxy.url, people.officer.email, PASSWORD);
    const streams = await Promise.all(
      apiUrls.map((base) =>
        lastProgressEvent(`${base}/api/v1/cases/${caseId}/scoring-progress/stream`, headers.cookie),
      ),
    );
    for (const progress of streams) expect(progress).toMatchObject({ done: true });
  });

  it('asks each legal reviewer once for sign-off and seals one signed version', async () => {
    await officer.agent
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set('x-csrf-token', officer.csrf)
      .send({ to: 'dossier_review' })
      .expect(200);
    await officer.agent.post(`/api/v1/cases/${caseId}/dossiers`).set('x-csrf-token', officer.csrf).expect(202);
    const versions = async () => (await officer.agent.get(`/api/v1/cases/${caseId}/dossiers`).expect(200)).body;
    const rendered = await waitFor(
      async () => (await versions()).find((v: { status: string }) => v.status === 'rendered') ?? null,
      180_000,
      500,
    );
    for (const who of ['lena', 'lars']) {
      await waitFor(async () => mailsTo(people[who].email, 'Sign-off requested').length > 0 || null);
      const reviewer = await signInThroughProxy(who);
      await reviewer.agent
        .post(`/api/v1/dossiers/${rendered.id}/decisions`)
        .set('x-csrf-token', reviewer.csrf)
        .send({ decision: 'approve', pdfSha256: rendered.pdfSha256 })
        .expect(201);
    }
    await waitFor(
      async () => (await officer.agent.get(`/api/v1/cases/${caseId}`)).body.status === 'signed_off' || null,
      120_000,
      500,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const who of ['lena', 'lars']) expect(mailsTo(people[who].email, 'Sign-off requested')).toHaveLength(1);
    const [row] = await database.dataSource.query(
      `SELECT count(*)::int AS signed FROM signed_dossiers WHERE case_id = $1`,
      [caseId],
    );
    expect((await versions()).filter((v: { status: string }) => v.status === 'signed')).toHaveLength(1);
    expect(row.signed).toBe(1);
  }, 400_000);

  it('SIGKILL of one api and one worker under load loses no acknowledged save and no job', async () => {
    // A third provider keeps saving while one api and one worker are killed.
    const open = await officer.agent
      .post('/api/v1/cases')
      .set('x-csrf-token', officer.csrf)
      .send({
        ...demoCase(new Date()),
        reference: `${reference}-2`,
        responsesDue: new Date(Date.now() + 20 * DAY_MS).toISOString(),
      })
      .expect(201);
    const secondCase = open.body.id as string;
    await officer.agent
      .post(`/api/v1/cases/${secondCase}/transitions`)
      .set('x-csrf-token', officer.csrf)
      .send({ to: 'open' })
      .expect(200);
    const provider = DEMO_PROVIDERS[2];
    await officer.agent
      .post(`/api/v1/cases/${secondCase}/invites`)
      .set('x-csrf-token', officer.csrf)
      .send(provider.invite)
      .expect(201);
    const invite = await waitFor(async () => mailsTo(provider.invite.contactEmails[0], 'Invitation')[0] ?? null);
    const token = linkIn(invite.parsed.text).replace(/^.*\/portal\//, '');

    // More jobs than both workers run at once, each long enough to be in flight when a worker dies.
    const heartbeatIds = Array.from({ length: 12 }, () => randomUUID());
    await systemQueue.addBulk(
      heartbeatIds.map((heartbeatId) => ({
        name: 'system.heartbeat',
        data: { heartbeatId, message: 'replicas under load', workMs: 3000 },
        opts: { jobId: `load-${heartbeatId}` },
      })),
    );
    await waitFor(async () => (await systemQueue.getActiveCount()) >= 6 || null);

    const browser = request.agent(proxy.url);
    const page = await browser.get(`/portal/${token}/sections/0`).expect(200);
    const csrf = csrfOf(page.text);
    const definition = await definitionOf(secondCase);
    const section = buildPortalForm(definition, {})[0];
    const textQuestion = section.questions.find((question) => question.kind === 'comment' || question.kind === 'text');
    if (!textQuestion) throw new Error('the first section has no text question');
    let revision = revisionOf(page.text);
    let lastAcknowledged = '';
    for (let save = 0; save < 40; save++) {
      if (save === 5) {
        apis[0].child.kill('SIGKILL');
        workers[0].child.kill('SIGKILL');
      }
      const value = `answer number ${save}`;
      const saved = await browser
        .post(`/portal/${token}/sections/${section.index}`)
        .set('Accept', 'application/json')
        .type('form')
        .send(
          urlencoded([
            ['_csrf', csrf],
            ['_revision', String(revision)],
            [textQuestion.name, value],
          ]),
        );
      if (saved.status === 200) {
        revision = saved.body.revision;
        lastAcknowledged = value;
      } else {
        // Not acknowledged (the api died mid-request): reload the section for its current revision, as the page does.
        revision = revisionOf((await browser.get(`/portal/${token}/sections/0`).expect(200)).text);
      }
    }
    expect((await apis[0].exited).signal).toBe('SIGKILL');
    expect(lastAcknowledged).toBe('answer number 39');
    const [stored] = await database.dataSource.query(
      `SELECT answers->>$2 AS value FROM provider_responses WHERE case_id = $1`,
      [secondCase, textQuestion.name],
    );
    expect(stored.value).toBe(lastAcknowledged);

    for (const heartbeatId of heartbeatIds)
      await waitFor(async () => (await systemQueue.getJob(`load-${heartbeatId}`))?.isCompleted(), 60_000);
    const [beats] = await database.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct_ids FROM heartbeats WHERE id = ANY($1)`,
      [heartbeatIds],
    );
    expect(beats).toEqual({ n: 12, distinct_ids: 12 });
  });

  /** A case's own questionnaire (scoped to its AI Act classification), as the portal serves it. */
  async function definitionOf(id: string): Promise<QuestionnaireDefinition> {
    const [row] = await database.dataSource.query(
      `SELECT questionnaire_definition AS definition FROM procurement_cases WHERE id = $1`,
      [id],
    );
    return row.definition as QuestionnaireDefinition;
  }
});

/** Reads a scoring-progress stream (Server-Sent Events) to its end and returns the last progress event. */
async function lastProgressEvent(url: string, cookie: string): Promise<unknown> {
  const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' } });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const text = await response.text();
  const events = text
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => JSON.parse(line.slice('data:'.length)));
  return events.at(-1);
}
