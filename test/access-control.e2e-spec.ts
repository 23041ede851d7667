import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ProcurementCase, ProviderInvitesService } from '@probity/cases';
import { DEMO_PROVIDERS, demoCase, demoEvidencePdf } from '@probity/demo';
import { SmtpSink } from '@probity/testing';
import { agencyWithStaff, E2eApp, startE2eApp } from './support/e2e-app';
import { Agent, csrfOf, linkIn, revisionOf, signIn, urlencoded } from './support/tender-http';

const PASSWORD = 'a long enough passphrase';

/** Who may see what, link tokens, CSRF, uploads and rate limits, against real Postgres and Redis. */
describe('access control and abuse resistance (real services)', () => {
  let started: E2eApp;
  let smtp: SmtpSink;
  let app: INestApplication;
  let home: { agent: Agent; csrf: string };
  let other: { agent: Agent; csrf: string };
  let caseId: string;
  let responseId: string;
  let clarificationId: string;
  let token: string;

  beforeAll(async () => {
    started = await startE2eApp({ env: { PUBLIC_BASE_URL: 'http://probity.example' } });
    ({ app, smtp } = started);
    for (const [agencyName, email] of [
      ['Policia Judiciária (test)', 'officer@pj.example'],
      ['Politie Nederland (test)', 'officer@politie.example'],
    ])
      await agencyWithStaff(app, agencyName, [{ email, name: email, role: 'procurement_officer' }], PASSWORD);
    home = await signIn(app, 'officer@pj.example', PASSWORD);
    other = await signIn(app, 'officer@politie.example', PASSWORD);

    const input = demoCase(new Date());
    const created = await home.agent
      .post('/api/v1/cases')
      .set('x-csrf-token', home.csrf)
      .send({ ...input, questionsDue: undefined, responsesDue: input.responsesDue.toISOString() })
      .expect(201);
    caseId = created.body.id;
    await home.agent
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set('x-csrf-token', home.csrf)
      .send({ to: 'open' })
      .expect(200);
    const invited = await home.agent
      .post(`/api/v1/cases/${caseId}/invites`)
      .set('x-csrf-token', home.csrf)
      .send(DEMO_PROVIDERS[0].invite)
      .expect(201);
    responseId = invited.body.id;
    token = linkIn(smtp.messages.at(-1)?.parsed.text);
    const portal = request.agent(app.getHttpServer());
    const page = await portal.get(`/portal/${token}`).expect(200);
    await portal
      .post(`/portal/${token}/clarifications`)
      .set('Accept', 'application/json')
      .type('form')
      .send(
        urlencoded([
          ['_csrf', csrfOf(page.text)],
          ['question', 'Is a pilot phase planned?'],
        ]),
      )
      .expect(201);
    clarificationId = (await home.agent.get(`/api/v1/cases/${caseId}/clarifications`).expect(200)).body[0].id;
  });

  afterAll(async () => {
    await started?.close();
  });

  describe('another agency’s ids answer 404 on every resource', () => {
    const reads: Array<[string, () => string]> = [
      ['case', () => `/api/v1/cases/${caseId}`],
      ['case responses', () => `/api/v1/cases/${caseId}/responses`],
      ['case clarifications', () => `/api/v1/cases/${caseId}/clarifications`],
      ['response', () => `/api/v1/responses/${responseId}`],
      ['case page', () => `/cases/${caseId}`],
    ];
    it.each(reads)('GET %s', async (_name, path) => {
      await other.agent.get(path()).expect(404);
      await home.agent.get(path()).expect(200);
    });

    const writes: Array<[string, () => string, object]> = [
      ['transition', () => `/api/v1/cases/${caseId}/transitions`, { to: 'closed' }],
      ['invite', () => `/api/v1/cases/${caseId}/invites`, DEMO_PROVIDERS[1].invite],
      ['re-issue', () => `/api/v1/responses/${responseId}/invite/reissue`, {}],
      ['revoke', () => `/api/v1/responses/${responseId}/invite/revoke`, {}],
      ['reopen', () => `/api/v1/responses/${responseId}/reopen`, { reason: 'probe' }],
      ['clarification answer', () => `/api/v1/clarifications/${clarificationId}/answer`, { answer: 'probe' }],
      // The access policy decides before the body is checked: an empty answer is no way to probe ids (not 422).
      ['clarification answer left empty', () => `/api/v1/clarifications/${clarificationId}/answer`, { answer: '' }],
      ['clarification answer of spaces', () => `/api/v1/clarifications/${clarificationId}/answer`, { answer: '  ' }],
    ];
    it.each(writes)('POST %s', async (_name, path, body) => {
      await other.agent.post(path()).set('x-csrf-token', other.csrf).send(body).expect(404);
    });

    it('PUT panel', async () => {
      await other.agent
        .put(`/api/v1/cases/${caseId}/panel`)
        .set('x-csrf-token', other.csrf)
        .send({ members: [] })
        .expect(404);
    });

    it('lists only the caller’s cases', async () => {
      expect((await other.agent.get('/api/v1/cases').expect(200)).body.total).toBe(0);
      const own = (await home.agent.get('/api/v1/cases').expect(200)).body;
      expect(own.items.map((item: { id: string }) => item.id)).toContain(caseId);
    });

    it('malformed ids are 404 too, never a 500', async () => {
      await home.agent.get('/api/v1/cases/not-a-uuid').expect(404);
      await home.agent.get('/api/v1/responses/12345').expect(404);
    });
  });

  it('without a session the API answers 401 and pages redirect to sign-in', async () => {
    await request(app.getHttpServer()).get(`/api/v1/cases/${caseId}`).expect(401);
    const page = await request(app.getHttpServer()).get('/cases').set('Accept', 'text/html');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/login');
  });

  it('a state-changing request without a CSRF token is refused with 403', async () => {
    const refused = await home.agent.post(`/api/v1/cases/${caseId}/transitions`).send({ to: 'closed' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/form has expired/);
    const forged = await home.agent
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set('x-csrf-token', other.csrf)
      .send({ to: 'closed' });
    expect(forged.status).toBe(403);
    expect((await home.agent.get(`/api/v1/cases/${caseId}`)).body.status).toBe('open');
  });

  it('concurrent autosaves: the stale one gets 409 with the current answers', async () => {
    const tab = request.agent(app.getHttpServer());
    const page = await tab.get(`/portal/${token}/sections/0`).expect(200);
    const base = [
      ['_csrf', csrfOf(page.text)],
      ['_revision', String(revisionOf(page.text))],
    ] as Array<[string, string]>;
    const first = await tab
      .post(`/portal/${token}/sections/0`)
      .set('Accept', 'application/json')
      .type('form')
      .send(urlencoded([...base, ['law_misuse', 'Tab one']]));
    expect(first.status).toBe(200);
    const second = await tab
      .post(`/portal/${token}/sections/0`)
      .set('Accept', 'application/json')
      .type('form')
      .send(urlencoded([...base, ['law_misuse', 'Tab two']]));
    expect(second.status).toBe(409);
    expect(second.body.current.answers.law_misuse).toBe('Tab one');
    const html = await tab
      .post(`/portal/${token}/sections/0`)
      .type('form')
      .send(urlencoded([...base, ['law_misuse', 'Tab two']]));
    expect(html.status).toBe(409);
    expect(html.text).toContain('Your changes were not saved');
    expect(html.text).toContain('Tab one');
  });

  it('a form post with a refused answer shows the section again with the problem, saving nothing (422)', async () => {
    const tab = request.agent(app.getHttpServer());
    const page = await tab.get(`/portal/${token}/sections/0`).expect(200);
    const revision = revisionOf(page.text);
    const refused = await tab
      .post(`/portal/${token}/sections/0`)
      .type('form')
      .send(
        urlencoded([
          ['_csrf', csrfOf(page.text)],
          ['_revision', String(revision)],
          ['law_prohibited_uses', 'maybe'],
          ['law_misuse', 'Typed next to a refused choice'],
        ]),
      );
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('is not one of the offered choices');
    // Nothing was saved: the form still carries the revision it was loaded with.
    expect(revisionOf(refused.text)).toBe(revision);
  });

  it('an executable disguised as a PDF is refused (415); a real PDF is accepted', async () => {
    const browser = request.agent(app.getHttpServer());
    const csrf = csrfOf((await browser.get(`/portal/${token}`).expect(200)).text);
    const executable = Buffer.alloc(1024);
    executable.write('MZ', 0, 'latin1');
    executable.writeUInt32LE(0x80, 0x3c);
    executable.write('PE\0\0', 0x80, 'latin1');
    const refused = await browser
      .post(`/portal/${token}/evidence?_csrf=${encodeURIComponent(csrf)}`)
      .set('Accept', 'application/json')
      .field('questionName', 'harm_risk_management')
      .attach('file', executable, { filename: 'risk-assessment.pdf', contentType: 'application/pdf' });
    expect(refused.status).toBe(415);
    expect(refused.body.message).toMatch(/EXE/);
    await browser
      .post(`/portal/${token}/evidence?_csrf=${encodeURIComponent(csrf)}`)
      .set('Accept', 'application/json')
      .field('questionName', 'harm_risk_management')
      .attach('file', await demoEvidencePdf('Risk', 'assessment'), {
        filename: 'risk.pdf',
        contentType: 'application/pdf',
      })
      .expect(201);
    const withoutCsrf = await browser
      .post(`/portal/${token}/evidence`)
      .set('Accept', 'application/json')
      .field('questionName', 'harm_risk_management')
      .attach('file', await demoEvidencePdf('Risk', 'assessment'), {
        filename: 'risk.pdf',
        contentType: 'application/pdf',
      });
    expect(withoutCsrf.status).toBe(403);
  });

  it('unknown tokens are 404; a re-issued link revokes the old one (410); the new one works', async () => {
    await request(app.getHttpServer())
      .get(`/portal/${'x'.repeat(43)}`)
      .expect(404);
    await request(app.getHttpServer()).get('/portal/short').expect(404);
    await home.agent
      .post(`/api/v1/responses/${responseId}/invite/reissue`)
      .set('x-csrf-token', home.csrf)
      .send({})
      .expect(200);
    const fresh = linkIn(smtp.messages.at(-1)?.parsed.text);
    expect(fresh).not.toBe(token);
    const old = await request(app.getHttpServer()).get(`/portal/${token}`).set('Accept', 'text/html');
    expect(old.status).toBe(410);
    expect(old.text).toContain('replaced or withdrawn');
    await request(app.getHttpServer()).get(`/portal/${fresh}`).expect(200);
    token = fresh;
  });

  it('after the deadline every link shows a closed page (410), never a stack trace', async () => {
    await app
      .get(DataSource)
      .getRepository(ProcurementCase)
      .update({ id: caseId }, { responsesDue: new Date(Date.now() - 60_000) });
    const closed = await request(app.getHttpServer()).get(`/portal/${token}`).set('Accept', 'text/html');
    expect(closed.status).toBe(410);
    expect(closed.text).toContain('closed on');
    expect(closed.text).not.toMatch(/at .*\.ts:\d+/);
    await app
      .get(DataSource)
      .getRepository(ProcurementCase)
      .update({ id: caseId }, { responsesDue: new Date(Date.now() + 86_400_000) });
  });

  it('a revoked link is 410 at once', async () => {
    await home.agent
      .post(`/api/v1/responses/${responseId}/invite/revoke`)
      .set('x-csrf-token', home.csrf)
      .send({})
      .expect(204);
    await request(app.getHttpServer()).get(`/portal/${token}`).expect(410);
    expect(await app.get(ProviderInvitesService).activeLinkOf(responseId)).toBeNull();
  });

  it('sign-in attempts from one address are rate limited (429 after 10 a minute)', async () => {
    const agent = request.agent(app.getHttpServer());
    const csrf = (await agent.get('/api/v1/session').expect(200)).body.csrfToken;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await agent
        .post('/api/v1/session')
        .set('x-csrf-token', csrf)
        // A different account each time: one account locks itself sooner (test/security/rate-limits).
        .send({ email: `guess${attempt}@pj.example`, password: `wrong ${attempt}` });
      statuses.push(response.status);
    }
    // The two sign-ins of beforeAll count against the same per-address limit of ten.
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal).toBe(8);
    expect(statuses.slice(0, firstRefusal).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(firstRefusal).every((status) => status === 429)).toBe(true);
  });

  it('provider links are rate limited too (429)', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 65; attempt++)
      statuses.push((await request(app.getHttpServer()).get(`/portal/${'y'.repeat(43)}`)).status);
    expect(statuses.filter((status) => status === 404).length).toBeLessThanOrEqual(60);
    expect(statuses.at(-1)).toBe(429);
  });
});
