import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { answersAtQuality, DEMO_PROVIDERS, demoCase, demoEvidencePdf } from '@probity/demo';
import { buildPortalForm } from '@probity/portal';
import { QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import { signInOverHttp, waitFor } from '../support/processes';
import { lastServerSentEvent, Replicas, startReplicas } from '../support/replicas';
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
  let replicas: Replicas;
  let proxy: Replicas['proxy'];
  let people: Replicas['people'];
  let systemQueue: Queue;
  let notificationsQueue: Queue;
  let officer: { agent: Agent; csrf: string };
  let caseId: string;
  let reference: string;
  const tokens: string[] = [];

  const mailsTo = (address: string, subjectStart: string) =>
    replicas.smtp.messages.filter(
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

  beforeAll(async () => {
    replicas = await startReplicas({
      apis: 2,
      workers: 2,
      staff: [
        ['officer', 'procurement_officer'],
        ['evaluator', 'evaluator'],
        ['lena', 'legal_reviewer'],
        ['lars', 'legal_reviewer'],
      ],
      password: PASSWORD,
    });
    ({ proxy, people } = replicas);
    systemQueue = replicas.queue('system');
    notificationsQueue = replicas.queue('notifications');
    // Four Node processes and Chromium start on a shared 2-core machine.
  }, 600_000);

  afterAll(async () => {
    await replicas?.close();
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
      replicas.apiUrls.map((base) =>
        lastServerSentEvent(`${base}/api/v1/cases/${caseId}/scoring-progress/stream`, headers.cookie),
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
    const [row] = await replicas.database.dataSource.query(
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
        data: { heartbeatId, message: 'replicas under load', workMs: 6000 },
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
    // Reloading the section (for its current revision) is what the page does after a failed save.
    const currentRevision = async () => {
      for (;;) {
        const reloaded = await browser.get(`/portal/${token}/sections/0`);
        if (reloaded.status === 200) return revisionOf(reloaded.text);
      }
    };
    let acknowledged = 0;
    let unacknowledged = 0;
    for (let attempt = 0; acknowledged < 40 && attempt < 100; attempt++) {
      if (attempt === 5) {
        replicas.apis[0].child.kill('SIGKILL');
        replicas.workers[0].child.kill('SIGKILL');
      }
      const value = `answer number ${attempt}`;
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
        acknowledged++;
      } else {
        unacknowledged++;
        revision = await currentRevision();
      }
    }
    expect(acknowledged).toBe(40);
    // The killed api did answer some requests with a failure: the load really went through the kill.
    expect(unacknowledged).toBeGreaterThan(0);
    expect((await replicas.apis[0].exited).signal).toBe('SIGKILL');
    const [stored] = await replicas.database.dataSource.query(
      `SELECT answers->>$2 AS value FROM provider_responses WHERE case_id = $1`,
      [secondCase, textQuestion.name],
    );
    expect(stored.value).toBe(lastAcknowledged);

    for (const heartbeatId of heartbeatIds)
      await waitFor(async () => (await systemQueue.getJob(`load-${heartbeatId}`))?.isCompleted(), 60_000);
    const [beats] = await replicas.database.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct_ids FROM heartbeats WHERE id = ANY($1)`,
      [heartbeatIds],
    );
    expect(beats).toEqual({ n: 12, distinct_ids: 12 });
  });

  /** A case's own questionnaire (scoped to its AI Act classification), as the portal serves it. */
  async function definitionOf(id: string): Promise<QuestionnaireDefinition> {
    const [row] = await replicas.database.dataSource.query(
      `SELECT questionnaire_definition AS definition FROM procurement_cases WHERE id = $1`,
      [id],
    );
    return row.definition as QuestionnaireDefinition;
  }
});
