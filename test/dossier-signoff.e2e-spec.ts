import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import { PanelService } from '@probity/evaluation';
import { questionsOf } from '@probity/questionnaires';
import { waitFor } from '@probity/testing';
import { signOffTests } from './dossier-signoff/sign-off';
import { CLARIFICATION } from './support/dossier-case';
import { getPdf, pdfText } from './support/pdf';
import { signoffSteps, SignoffWorld, startSignoffWorld, stopSignoffWorld } from './support/signoff-world';
import { builtInDefinition } from './support/tender-http';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The questionnaire's internal question keys (e.g. rbi_emotion_categorisation): people read titles, never these. */
const QUESTION_KEYS = questionsOf(builtInDefinition('responsible-ai-high-risk'))
  .map(({ question }) => question.name)
  .filter((name) => name.includes('_'));

describe('dossier review and sign-off over HTTP (api + worker, real PostgreSQL, Redis, Chromium and SMTP)', () => {
  const world = {} as SignoffWorld;
  const { as, server, renderedVersion, signOffMails, decide, approve } = signoffSteps(world);

  beforeAll(() => startSignoffWorld(world));

  afterAll(() => stopSignoffWorld(world));

  it('needs a sign-in (401), refuses evaluators (403) and hides other agencies’ cases (404)', async () => {
    await request(server()).get(`/api/v1/cases/${world.caseId}/dossiers`).expect(401);
    await request(server()).post(`/api/v1/cases/${world.caseId}/dossiers`).set(as('evaluator')).expect(403);
    await request(server()).get(`/api/v1/cases/${world.caseId}/dossiers`).set(as('evaluator')).expect(403);
    await request(server()).get(`/api/v1/cases/${world.caseId}/ocds`).set(as('evaluator')).expect(403);
    // A legal reviewer reads dossiers but does not request them.
    await request(server()).post(`/api/v1/cases/${world.caseId}/dossiers`).set(as('lena')).expect(403);

    const foreign = await request(server())
      .post(`/api/v1/cases/${world.caseId}/dossiers`)
      .set(as('stranger'))
      .expect(404);
    expect(foreign.body.message).toBe('No such case.');
    await request(server()).get(`/api/v1/cases/${world.caseId}/dossiers`).set(as('stranger')).expect(404);
    await request(server()).get(`/api/v1/cases/${world.caseId}/ocds`).set(as('stranger')).expect(404);
    await request(server()).get(`/api/v1/cases/${randomUUID()}/dossiers`).set(as('officer')).expect(404);
  });

  it('never lets staff record the sign-off by hand: 409 from the API and no such button on the case page', async () => {
    const refused = await request(server())
      .post(`/api/v1/cases/${world.caseId}/transitions`)
      .set(as('officer'))
      .send({ to: 'signed_off' })
      .expect(409);
    expect(refused.body.message).toContain('only when every required legal reviewer has approved');
    const page = await request(server()).get(`/cases/${world.caseId}`).set(as('officer')).expect(200);
    expect(page.text).not.toContain('Record sign-off');
    expect(page.text).not.toContain('value="signed_off"');
    expect((await request(server()).get(`/api/v1/cases/${world.caseId}`).set(as('officer'))).body.status).toBe(
      'dossier_review',
    );
  });

  it('e-mailed each evaluator on the panel once when the evaluation started, linking to their evaluation page', async () => {
    const invited = () => world.smtp.messages.filter((mail) => mail.recipients.includes(world.people.evaluator.email));
    const [mail] = await waitFor(async () => (invited().length ? invited() : null), 30_000, 200);
    expect(mail.parsed.subject).toContain(world.reference);
    expect(mail.parsed.text).toContain('Dear Eve Evaluator');
    expect(mail.parsed.text).toContain(`http://probity.example/cases/${world.caseId}/evaluation`);
    expect(mail.parsed.html).toContain(`http://probity.example/cases/${world.caseId}/evaluation`);
    // Nobody else is invited to evaluate: legal reviewers hear of the case when the dossier is ready.
    expect(
      world.smtp.messages.filter((m) => m.parsed.text?.includes(`/cases/${world.caseId}/evaluation`)),
    ).toHaveLength(1);
  });

  it('renders the dossier with the panel’s legal reviewers and shows the render progress', async () => {
    const requested = await request(server())
      .post(`/api/v1/cases/${world.caseId}/dossiers`)
      .set(as('officer'))
      .expect(202);
    expect(requested.body).toMatchObject({ version: 1 });
    expect(requested.body.reviewers.map((r: { name: string }) => r.name)).toEqual(['Lars Lawyer', 'Lena Legal']);
    world.firstVersion = await renderedVersion(1);
    expect(world.firstVersion).toMatchObject({ current: true, renderProgress: 100, signedPdfSha256: null });

    const again = await request(server()).post(`/api/v1/cases/${world.caseId}/dossiers`).set(as('officer')).expect(202);
    expect(again.body.id).toBe(world.firstVersion.id);

    const pdf = await getPdf(server(), `/api/v1/dossiers/${world.firstVersion.id}/pdf`, as('lena'));
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(sha256(pdf.body)).toBe(world.firstVersion.pdfSha256);

    const ocds = await request(server()).get(`/api/v1/cases/${world.caseId}/ocds`).set(as('officer')).expect(200);
    expect(ocds.headers['content-disposition']).toContain('attachment');
    const release = JSON.parse(ocds.text);
    expect(release.releases[0].tender.title).toBeDefined();
    expect(JSON.stringify(release)).toContain(world.firstVersion.id);

    const state = await request(server()).get(`/api/v1/dossiers/${world.firstVersion.id}`).set(as('lars')).expect(200);
    expect(state.body.reviewers.map((r: { name: string; decision: null }) => [r.name, r.decision])).toEqual([
      ['Lars Lawyer', null],
      ['Lena Legal', null],
    ]);
  });

  it('prints the published clarification and question titles, never internal keys, in the PDF and on the review page', async () => {
    const pdf = await getPdf(server(), `/api/v1/dossiers/${world.firstVersion.id}/pdf`, as('lena'));
    const text = (await pdfText(pdf.body)).replace(/\s+/g, ' ');
    expect(text).toContain(CLARIFICATION.question);
    expect(text).toContain(CLARIFICATION.answer);
    expect(text).not.toContain('No clarifications were published');
    expect(QUESTION_KEYS.filter((key) => text.includes(key))).toEqual([]);

    const page = await request(server()).get(`/reviews/dossiers/${world.firstVersion.id}`).set(as('lena')).expect(200);
    expect(page.text).toContain('1 clarification published');
    expect(QUESTION_KEYS.filter((key) => page.text.includes(key))).toEqual([]);
  });

  it('hides another agency’s dossier (404) and refuses evaluators (403) on every dossier route', async () => {
    for (const path of ['', '/pdf', '/signed.pdf']) {
      await request(server()).get(`/api/v1/dossiers/${world.firstVersion.id}${path}`).set(as('stranger')).expect(404);
      await request(server()).get(`/api/v1/dossiers/${world.firstVersion.id}${path}`).set(as('evaluator')).expect(403);
    }
    await request(server())
      .post(`/api/v1/dossiers/${world.firstVersion.id}/comments`)
      .set(as('strangerLegal'))
      .send({ section: 'summary', body: 'Not my agency.' })
      .expect(404);
    await approve('strangerLegal', world.firstVersion).expect(404);
    await approve('evaluator', world.firstVersion).expect(403);
  });

  it('e-mails each legal reviewer a sign-off request once per version', async () => {
    const mails = await waitFor(async () => (signOffMails().length >= 2 ? signOffMails() : null), 30_000, 200);
    expect(mails.map((mail) => mail.recipients).sort()).toEqual([[world.people.lars.email], [world.people.lena.email]]);
    for (const mail of mails) {
      expect(mail.parsed.subject).toContain('Sign-off requested');
      expect(mail.parsed.text).toContain(`http://probity.example/reviews/dossiers/${world.firstVersion.id}`);
      expect(mail.parsed.html).toContain(`http://probity.example/reviews/dossiers/${world.firstVersion.id}`);
    }
    expect(mails.find((mail) => mail.recipients[0] === world.people.lena.email)?.parsed.text).toContain(
      'Dear Lena Legal',
    );
    // Asking for the same data again neither makes a version nor mails anyone again.
    await request(server()).post(`/api/v1/cases/${world.caseId}/dossiers`).set(as('officer')).expect(202);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(signOffMails()).toHaveLength(2);
  });

  it('takes comments per section from the signed-in reviewer, never from the body', async () => {
    const comment = await request(server())
      .post(`/api/v1/dossiers/${world.firstVersion.id}/comments`)
      .set(as('lena'))
      .send({ section: 'summary', body: 'The summary should name the intended use.' })
      .expect(201);
    expect(comment.body).toMatchObject({
      authorId: world.people.lena.userId,
      authorName: 'Lena Legal',
      section: 'summary',
    });
    // The author is not a field: a request naming someone else is refused, not trusted.
    await request(server())
      .post(`/api/v1/dossiers/${world.firstVersion.id}/comments`)
      .set(as('lena'))
      .send({ section: 'summary', body: 'x', author: { id: world.people.lars.userId, name: 'Lars Lawyer', role: 'x' } })
      .expect(400);
    const unknown = await request(server())
      .post(`/api/v1/dossiers/${world.firstVersion.id}/comments`)
      .set(as('lena'))
      .send({ section: 'nowhere', body: 'Which section?' })
      .expect(400);
    expect(unknown.body.message).toContain('Unknown section "nowhere"');
    // The officer is no reviewer: the role guard refuses before anything else.
    await request(server())
      .post(`/api/v1/dossiers/${world.firstVersion.id}/comments`)
      .set(as('officer'))
      .send({ section: 'summary', body: 'Officer note.' })
      .expect(403);
  });

  it('records a request for changes (with its reason) and does not sign', async () => {
    const missing = await decide('lena', world.firstVersion.id, {
      decision: 'request-changes',
      pdfSha256: world.firstVersion.pdfSha256 as string,
    }).expect(400);
    expect(JSON.stringify(missing.body.message)).toContain('reason');
    await decide('lena', world.firstVersion.id, {
      decision: 'approve-with-conditions',
      pdfSha256: world.firstVersion.pdfSha256 as string,
    }).expect(400);
    const changes = await decide('lena', world.firstVersion.id, {
      decision: 'request-changes',
      reason: 'The sensitivity section must explain the margin.',
      pdfSha256: world.firstVersion.pdfSha256 as string,
    }).expect(201);
    expect(changes.body).toMatchObject({ reviewerId: world.people.lena.userId, reviewerName: 'Lena Legal' });
    await approve('lars', world.firstVersion).expect(201);
    const state = await request(server())
      .get(`/api/v1/dossiers/${world.firstVersion.id}`)
      .set(as('officer'))
      .expect(200);
    expect(state.body.reviewers.map((r: { name: string; decision: string }) => [r.name, r.decision])).toEqual([
      ['Lars Lawyer', 'approve'],
      ['Lena Legal', 'request-changes'],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const procurementCase = await request(server()).get(`/api/v1/cases/${world.caseId}`).set(as('officer')).expect(200);
    expect(procurementCase.body.status).toBe('dossier_review');
    await request(server()).get(`/api/v1/dossiers/${world.firstVersion.id}/signed.pdf`).set(as('officer')).expect(404);
  });

  it('refuses a decision on a stale version with 409 and the reason, and asks again for the new version', async () => {
    // New data behind the dossier: a panel member's conflict-of-interest declaration is printed in it.
    await world.app
      .get(PanelService)
      .declareConflict(world.caseId, world.people.evaluator.userId, false, 'No conflict of interest.');
    const stale = await approve('lena', world.firstVersion).expect(409);
    expect(stale.body.message).toBe(
      'The data behind version 1 changed since it was rendered: version 2 is being rendered. Review the new version.',
    );
    world.secondVersion = await renderedVersion(2);
    const replaced = await approve('lars', world.firstVersion).expect(409);
    expect(replaced.body.message).toBe('Version 1 is stale: version 2 replaced it. Review the new version.');
    const otherBytes = await decide('lars', world.secondVersion.id, {
      decision: 'approve',
      pdfSha256: world.firstVersion.pdfSha256 as string,
    }).expect(409);
    expect(otherBytes.body.message).toContain('You reviewed other bytes');

    const mails = await waitFor(async () => (signOffMails().length >= 4 ? signOffMails() : null), 30_000, 200);
    expect(
      mails.filter((mail) => mail.parsed.text?.includes(`/reviews/dossiers/${world.secondVersion.id}`)),
    ).toHaveLength(2);
  });

  signOffTests(world);
});
