import { INestApplication, INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { answersAtQuality, DEMO_PROVIDERS, demoCase, demoEvidencePdf } from '@probity/demo';
import { AuditTrail } from '@probity/audit';
import { caseScopeOf, questionsOf, scopeQuestionnaire } from '@probity/questionnaires';
import { SmtpSink, waitFor } from '@probity/testing';
import { agencyWithStaff, E2eApp, startE2eApp, startTestWorker } from './support/e2e-app';
import {
  Agent,
  answerThroughPortal,
  builtInDefinition,
  csrfOf,
  linkIn,
  raiseDemoCase,
  revisionOf,
  signIn,
  urlencoded,
} from './support/tender-http';

const PASSWORD = 'correct horse battery staple';

describe('a tender over HTTP: officer, two providers, e-mail over SMTP, real Postgres and Redis', () => {
  let started: E2eApp;
  let smtp: SmtpSink;
  let app: INestApplication;
  let worker: INestApplicationContext;
  let officer: { agent: Agent; csrf: string };
  let caseId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    started = await startE2eApp({ env: { PUBLIC_BASE_URL: 'http://probity.example' } });
    ({ app, smtp } = started);
    worker = await startTestWorker(started.config);
    await agencyWithStaff(
      app,
      'Bundeskriminalamt (test)',
      [{ email: 'officer@bka.example', name: 'Olga Officer', role: 'procurement_officer' }],
      PASSWORD,
    );
  });

  afterAll(async () => {
    await worker?.close();
    await started?.close();
  });

  it('the officer signs in, raises and publishes a case', async () => {
    officer = await signIn(app, 'officer@bka.example', PASSWORD);
    const { input, created } = await raiseDemoCase(officer);
    caseId = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', reference: input.reference });
    expect(created.body.questionnaireDefinition).toBeUndefined();

    await officer.agent
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set('x-csrf-token', officer.csrf)
      .send({ to: 'awarded' })
      .expect(409);
    const opened = await officer.agent
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set('x-csrf-token', officer.csrf)
      .send({ to: 'open' })
      .expect(200);
    expect(opened.body.status).toBe('open');
  });

  it('invites two providers; each invite e-mail arrives over SMTP with a working link', async () => {
    for (const provider of DEMO_PROVIDERS.slice(0, 2)) {
      await officer.agent
        .post(`/api/v1/cases/${caseId}/invites`)
        .set('x-csrf-token', officer.csrf)
        .send(provider.invite)
        .expect(201);
    }
    expect(smtp.messages).toHaveLength(2);
    for (const [index, provider] of DEMO_PROVIDERS.slice(0, 2).entries()) {
      const mail = smtp.messages[index];
      expect(mail.recipients).toEqual(provider.invite.contactEmails);
      expect(mail.parsed.subject).toContain(demoCase(new Date()).reference);
      expect(mail.parsed.text).toContain('http://probity.example/portal/');
      expect(mail.parsed.html).toContain(linkIn(mail.parsed.text));
      tokens[provider.invite.organisationName] = linkIn(mail.parsed.text);
    }
    const progress = await officer.agent.get(`/api/v1/cases/${caseId}/responses`).expect(200);
    expect(progress.body.counts).toEqual({ invited: 2, opened: 0, in_progress: 0, submitted: 0, withdrawn: 0 });
  });

  it('each provider opens the link, autosaves, uploads evidence, asks a question and submits', async () => {
    // The case's own copy: the agency's scope decides which questions apply.
    const scope = caseScopeOf(demoCase(new Date()).aiActClassification);
    if (!scope) throw new Error('the demo case has no scope');
    const definition = scopeQuestionnaire(builtInDefinition('responsible-ai-high-risk'), scope);
    const fileQuestions = questionsOf(definition)
      .filter(({ question }) => question.type === 'file')
      .map(({ question }) => question.name);
    for (const provider of DEMO_PROVIDERS.slice(0, 2)) {
      const token = tokens[provider.invite.organisationName];
      const browser = request.agent(app.getHttpServer());
      const overview = await browser.get(`/portal/${token}`).expect(200);
      expect(overview.text).toContain(provider.invite.organisationName);
      expect(overview.text).toContain('Lawfulness');
      const answers = answersAtQuality(definition, provider.quality, provider.overrides);
      await answerThroughPortal(browser, token, definition, answers);

      const csrf = csrfOf(overview.text);
      for (const questionName of fileQuestions) {
        const uploaded = await browser
          .post(`/portal/${token}/evidence?_csrf=${encodeURIComponent(csrf)}`)
          .set('Accept', 'application/json')
          .field('questionName', questionName)
          .attach('file', await demoEvidencePdf('Evidence', `${provider.invite.organisationName}: ${questionName}`), {
            filename: `${questionName}.pdf`,
            contentType: 'application/pdf',
          })
          .expect(201);
        expect(uploaded.body.sha256).toMatch(/^[0-9a-f]{64}$/);
      }

      await browser
        .post(`/portal/${token}/clarifications`)
        .set('Accept', 'application/json')
        .type('form')
        .send(
          urlencoded([
            ['_csrf', csrf],
            ['question', `Does ${provider.invite.country} hosting count as on-premises?`],
          ]),
        )
        .expect(201);

      const submitted = await browser
        .post(`/portal/${token}/submit`)
        .set('Accept', 'application/json')
        .type('form')
        .send(urlencoded([['_csrf', csrf]]));
      expect(submitted.status).toBe(200);
      expect(submitted.body.submissionHash).toMatch(/^[0-9a-f]{64}$/);

      const again = await browser
        .post(`/portal/${token}/submit`)
        .set('Accept', 'application/json')
        .type('form')
        .send(urlencoded([['_csrf', csrf]]));
      expect(again.status).toBe(409);
      const receipt = await browser.get(`/portal/${token}/receipt`).expect(200);
      expect(receipt.text).toContain(submitted.body.submissionHash);
    }
  });

  it('the officer sees every provider as submitted, and each provider gets a receipt e-mail', async () => {
    const progress = await officer.agent.get(`/api/v1/cases/${caseId}/responses`).expect(200);
    expect(progress.body.counts).toEqual({ invited: 0, opened: 0, in_progress: 0, submitted: 2, withdrawn: 0 });
    const receipts = await waitFor(async () => {
      const found = smtp.messages.filter((mail) => (mail.parsed.subject ?? '').startsWith('Submission received'));
      return found.length === 2 ? found : null;
    });
    const hashes = progress.body.rows.map((row: { submissionHash: string }) => row.submissionHash);
    for (const mail of receipts) expect(hashes.some((hash: string) => mail.parsed.text?.includes(hash))).toBe(true);
  });

  it('the officer answers a clarification; it is e-mailed to every invited provider without the asker', async () => {
    const listed = await officer.agent.get(`/api/v1/cases/${caseId}/clarifications`).expect(200);
    expect(listed.body).toHaveLength(2);
    const [first] = listed.body;
    expect(first.askedBy).toBe(DEMO_PROVIDERS[0].invite.organisationName);
    await officer.agent
      .post(`/api/v1/clarifications/${first.id}/answer`)
      .set('x-csrf-token', officer.csrf)
      .send({
        question: 'Does hosting in the provider’s own country count as on-premises?',
        answer: 'No. On-premises means inside the agency’s own data centres.',
      })
      .expect(200);
    const announcements = await waitFor(async () => {
      const found = smtp.messages.filter((mail) => mail.parsed.text?.includes('agency’s own data centres'));
      return found.length === 2 ? found : null;
    });
    const recipients = announcements.flatMap((mail) => mail.recipients).sort();
    expect(recipients).toEqual(
      DEMO_PROVIDERS.slice(0, 2)
        .flatMap((provider) => provider.invite.contactEmails)
        .sort(),
    );
    for (const mail of announcements) expect(mail.parsed.text).not.toContain(DEMO_PROVIDERS[0].invite.organisationName);
  });

  it('after submission the answers are frozen: a save is refused with 409', async () => {
    const token = tokens[DEMO_PROVIDERS[0].invite.organisationName];
    const browser = request.agent(app.getHttpServer());
    const page = await browser.get(`/portal/${token}/sections/0`).expect(200);
    expect(page.text).toContain('can no longer be changed');
    const saved = await browser
      .post(`/portal/${token}/sections/0`)
      .set('Accept', 'application/json')
      .type('form')
      .send(
        urlencoded([
          ['_csrf', csrfOf(page.text)],
          ['_revision', String(revisionOf(page.text))],
        ]),
      );
    expect(saved.status).toBe(409);
  });

  it('every state change and each read of a submission is in a verifiable audit trail', async () => {
    const responses = await officer.agent.get(`/api/v1/cases/${caseId}/responses`).expect(200);
    const responseId = responses.body.rows[0].responseId;
    await officer.agent.get(`/api/v1/responses/${responseId}`).expect(200);
    const agencyId = (await officer.agent.get('/api/v1/session').expect(200)).body.user.agencyId;
    const audit = app.get(AuditTrail);
    await expect(audit.verify(agencyId)).resolves.toMatchObject({ valid: true });
    const entries = await audit.list(agencyId, { page: 1, pageSize: 100 });
    const actions = entries.items.map((entry) => entry.action);
    for (const action of [
      'case.created',
      'case.transition',
      'invite.created',
      'response.answers-saved',
      'evidence.added',
      'clarification.asked',
      'response.submitted',
      'clarification.published',
      'response.viewed',
    ])
      expect(actions).toContain(action);
    const viewed = entries.items.find((entry) => entry.action === 'response.viewed');
    expect(viewed).toMatchObject({
      actorType: 'staff',
      actorLabel: 'Olga Officer (procurement officer)',
      subjectId: responseId,
    });
  });
});
