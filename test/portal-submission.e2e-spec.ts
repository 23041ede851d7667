import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { renderMail } from '@probity/notifications';
import { ProviderInvitesService } from '@probity/cases';
import { completeDemoResponse, DEMO_PROVIDERS, demoCase } from '@probity/demo';
import { SmtpSink } from '@probity/testing';
import { E2eApp, startE2eApp } from './support/e2e-app';
import { builtInDefinition, csrfOf, openDemoCaseWithInvite, revisionOf } from './support/tender-http';

/** No question or answer is shown as the questionnaire's internal name or value (snake_case, true/false). */
function expectNoInternalNames(worded: Array<{ question: string; answer: string }>): void {
  const internal = /^([a-z0-9]+_[a-z0-9_]+|true|false)$/;
  expect(worded.filter(({ question, answer }) => internal.test(question) || internal.test(answer))).toEqual([]);
}

/** "2026-12-03 10:15 UTC", as the portal words a moment. */
function minuteOf(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A provider submits (irreversible, so confirmed first); then the officer closes the case early. */
describe('provider portal submission and early closing', () => {
  let started: E2eApp;
  let smtp: SmtpSink;
  let app: INestApplication;
  let waitingToken: string;
  let submittedToken: string;
  let closedBetween: [Date, Date];
  let closeEarly: () => Promise<void>;

  beforeAll(async () => {
    started = await startE2eApp();
    ({ app, smtp } = started);
    const opened = await openDemoCaseWithInvite(app, smtp, {
      agencyName: 'Early Close Police (test)',
      email: 'officer@early-close.example',
      password: 'early close test passphrase',
    });
    waitingToken = opened.token;
    const invited = await app.get(ProviderInvitesService).inviteProvider(opened.caseId, DEMO_PROVIDERS[1].invite);
    submittedToken = invited.token;
    await completeDemoResponse(
      app,
      invited.response.id,
      DEMO_PROVIDERS[1],
      builtInDefinition('responsible-ai-high-risk'),
    );
    closeEarly = async () => {
      const before = new Date();
      await opened.officer.agent
        .post(`/api/v1/cases/${opened.caseId}/transitions`)
        .set('x-csrf-token', opened.officer.csrf)
        .send({ to: 'closed' })
        .expect(200);
      closedBetween = [before, new Date()];
    };
  });

  afterAll(async () => {
    await started?.close();
  });

  it('shows each exclusion (knock-out) rule beside the question it applies to', async () => {
    const provider = request.agent(app.getHttpServer());
    const overview = await provider.get(`/portal/${submittedToken}`).expect(200);
    const sections = [...new Set([...overview.text.matchAll(/\/sections\/(\d+)"/g)].map((match) => match[1]))];
    const pages = await Promise.all(
      sections.map((index) => provider.get(`/portal/${submittedToken}/sections/${index}`)),
    );
    const audit = pages.map((page) => page.text).find((html) => html.includes('id="q-aud_independent_audit"'));
    // The rule is inside the question's own block, before its answer choices.
    const block = audit?.split('id="q-aud_independent_audit"')[1].split('class="field question')[0] ?? '';
    expect(block).toContain('Exclusion rule: a response that meets it is not ranked.');
    expect(block.indexOf('Refuses independent audit access')).toBeGreaterThan(-1);
    expect(block.indexOf('Refuses independent audit access')).toBeLessThan(block.indexOf('type="radio"'));
  });

  it('asks for confirmation before submitting, without JavaScript too, and then says what happened', async () => {
    const provider = request.agent(app.getHttpServer());
    const overview = await provider.get(`/portal/${submittedToken}`).expect(200);
    const csrf = csrfOf(overview.text);
    // The overview's Submit button leads to a confirmation step; nothing is submitted yet.
    const confirm = await provider
      .post(`/portal/${submittedToken}/submit`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(200);
    expect(confirm.text).toContain('can no longer be changed');
    expect(confirm.text).toMatch(/name="confirmed" value="yes"/);
    expect(confirm.text).toContain(`href="/portal/${submittedToken}"`);
    await provider.get(`/portal/${submittedToken}/receipt`).expect(303);

    const submitted = await provider
      .post(`/portal/${submittedToken}/submit`)
      .type('form')
      .send({ _csrf: csrfOf(confirm.text), confirmed: 'yes' })
      .expect(303);
    expect(submitted.headers.location).toBe(`/portal/${submittedToken}/receipt?notice=submitted`);
    const receipt = await provider.get(submitted.headers.location).expect(200);
    expect(receipt.text).toContain('Your response was submitted');
    expect(receipt.text).toMatch(/[0-9a-f]{64}/);
  });

  it('words the receipt (page and e-mail) with question and answer texts, never internal names', async () => {
    const receipt = await request(app.getHttpServer()).get(`/portal/${submittedToken}/receipt`).expect(200);
    const evidenceQuestion = /<td>pentest-2026\.pdf<\/td><td>([^<]+)<\/td>/.exec(receipt.text)?.[1];
    expect(evidenceQuestion).toBe('When was the system last penetration-tested, and by whom?');
    const worded = [...receipt.text.matchAll(/<dt>([^<]*)<\/dt>\s*<dd>([^<]*)<\/dd>/g)].map(([, question, answer]) => ({
      question,
      answer,
    }));
    expect(worded.length).toBeGreaterThan(20);
    expectNoInternalNames(worded);

    const [queued] = await app
      .get(DataSource)
      .query(
        `SELECT payload FROM job_outbox WHERE job_name = 'mail.send' AND payload->>'template' = 'submission-receipt'`,
      );
    const mail = renderMail('submission-receipt', queued.payload.context);
    expect(mail.text).toContain('pentest-2026.pdf (When was the system last penetration-tested, and by whom?)');
    expect(mail.text).not.toContain('harm_security_testing');
    expect(mail.html).toContain('Your answers');
    expectNoInternalNames(queued.payload.context.answers.flatMap((section: { answers: unknown[] }) => section.answers));
  });

  describe('after the officer closed the case before its deadline', () => {
    beforeAll(() => closeEarly());

    it('tells a provider who did not submit when the case actually closed, not its original deadline', async () => {
      const page = await request(app.getHttpServer())
        .get(`/portal/${waitingToken}`)
        .set('Accept', 'text/html')
        .expect(410);
      const deadline = minuteOf(demoCase(new Date()).responsesDue);
      expect(page.text).not.toContain(deadline);
      expect([minuteOf(closedBetween[0]), minuteOf(closedBetween[1])]).toContain(
        /closed on (\d{4}-\d\d-\d\d \d\d:\d\d UTC)/.exec(page.text)?.[1],
      );
    });

    it('lets a provider who submitted open its receipt and its read-only overview, which says when it closed', async () => {
      const receipt = await request(app.getHttpServer()).get(`/portal/${submittedToken}/receipt`).expect(200);
      expect(receipt.text).toMatch(/[0-9a-f]{64}/);
      const overview = await request(app.getHttpServer()).get(`/portal/${submittedToken}`).expect(200);
      expect(overview.text).toContain(`/portal/${submittedToken}/receipt`);
      expect(overview.text).toMatch(/response period closed on/i);
      // Nothing can change any more: saving answers is refused as gone, with the moment it closed.
      const section = await request(app.getHttpServer()).get(`/portal/${submittedToken}/sections/0`).expect(200);
      const saved = await request(app.getHttpServer())
        .post(`/portal/${submittedToken}/sections/0`)
        .set('Accept', 'application/json')
        .type('form')
        .send({ _csrf: csrfOf(section.text), _revision: String(revisionOf(section.text)) })
        .expect(410);
      expect(saved.body.message).toMatch(/closed on/);
    });
  });
});
