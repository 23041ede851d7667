import type { NestExpressApplication } from '@nestjs/platform-express';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { AuditTrail } from '@probity/audit';
import { DEMO_AGENCY_NAME } from '@probity/demo';
import { PanelService } from '@probity/evaluation';
import { IdentityService } from '@probity/identity';
import { questionsOf } from '@probity/questionnaires';
import { SmtpSink, waitFor } from '@probity/testing';
import { caseInLegalReview, CLARIFICATION } from './support/dossier-case';
import { E2eApp, startE2eApp } from './support/e2e-app';
import { SessionHeaders, signedInStaff } from './support/staff-sessions';
import { getPdf, pdfText } from './support/pdf';
import { builtInDefinition } from './support/tender-http';

const PASSWORD = 'dossier sign-off passphrase';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const run = promisify(execFile);
const PANEL_LOCKED = 'The dossier of this case is signed off: its panel can no longer change.';
/** The questionnaire's internal question keys (e.g. rbi_emotion_categorisation): people read titles, never these. */
const QUESTION_KEYS = questionsOf(builtInDefinition('responsible-ai-high-risk'))
  .map(({ question }) => question.name)
  .filter((name) => name.includes('_'));

interface VersionRow {
  id: string;
  version: number;
  status: string;
  current: boolean;
  renderProgress: number;
  pdfSha256: string | null;
  signedPdfSha256: string | null;
}

describe('dossier review and sign-off over HTTP (api + worker, real PostgreSQL, Redis, Chromium and SMTP)', () => {
  let e2e: E2eApp;
  let smtp: SmtpSink;
  let keyDir: string;
  let app: NestExpressApplication;
  let caseId: string;
  let reference: string;
  let agencyId: string;
  let firstVersion: VersionRow;
  let secondVersion: VersionRow;
  const people: Record<string, { userId: string; email: string; name: string }> = {};
  const sessions: Record<string, SessionHeaders> = {};
  const as = (who: string) => sessions[who];
  const server = () => app.getHttpServer();

  const versions = async (): Promise<VersionRow[]> =>
    (await request(server()).get(`/api/v1/cases/${caseId}/dossiers`).set(as('officer')).expect(200)).body;
  const renderedVersion = (number: number) =>
    waitFor(
      async () => (await versions()).find((v) => v.version === number && v.status === 'rendered') ?? null,
      120_000,
      250,
    );
  const signOffMails = () =>
    smtp.messages.filter(
      (mail) => mail.parsed.subject?.startsWith('Sign-off requested') && mail.parsed.subject.includes(reference),
    );
  /** Sets the case's panel: the evaluator and these legal reviewers. */
  const panelOf = (reviewers: string[]) =>
    request(server())
      .put(`/api/v1/cases/${caseId}/panel`)
      .set(as('officer'))
      .send({
        members: [
          { userId: people.evaluator.userId, role: 'evaluator' },
          ...reviewers.map((who) => ({ userId: people[who].userId, role: 'legal_reviewer' })),
        ],
      });
  const decide = (who: string, dossierId: string, body: Record<string, string>) =>
    request(server()).post(`/api/v1/dossiers/${dossierId}/decisions`).set(as(who)).send(body);

  beforeAll(async () => {
    keyDir = await mkdtemp(join(tmpdir(), 'probity-signoff-'));
    e2e = await startE2eApp({ worker: true, env: { PUBLIC_BASE_URL: 'http://probity.example', DATA_DIR: keyDir } });
    app = e2e.app as NestExpressApplication;
    smtp = e2e.smtp;

    const identity = app.get(IdentityService);
    const agency = await identity.findOrCreateAgency(DEMO_AGENCY_NAME);
    agencyId = agency.id;
    const otherAgency = await identity.createAgency('Another police service (sign-off test)');
    const staff = await signedInStaff(app, 'signoff.example', PASSWORD, [
      ['officer', agency.id, 'procurement_officer', 'Olivia Officer'],
      ['lena', agency.id, 'legal_reviewer', 'Lena Legal'],
      ['lars', agency.id, 'legal_reviewer', 'Lars Lawyer'],
      ['lukas', agency.id, 'legal_reviewer', 'Lukas Late'],
      ['evaluator', agency.id, 'evaluator', 'Eve Evaluator'],
      ['stranger', otherAgency.id, 'procurement_officer', 'Sam Stranger'],
      ['strangerLegal', otherAgency.id, 'legal_reviewer', 'Sid Stranger'],
    ]);
    Object.assign(people, staff.people);
    Object.assign(sessions, staff.sessions);
    ({ caseId, reference } = await caseInLegalReview(
      app,
      agency.id,
      [
        { userId: people.evaluator.userId, role: 'evaluator' },
        { userId: people.lena.userId, role: 'legal_reviewer' },
        { userId: people.lars.userId, role: 'legal_reviewer' },
      ],
      `SIGNOFF-${randomUUID().slice(0, 8)}`,
    ));
  });

  afterAll(async () => {
    await e2e?.close();
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
  });

  it('needs a sign-in (401), refuses evaluators (403) and hides other agencies’ cases (404)', async () => {
    await request(server()).get(`/api/v1/cases/${caseId}/dossiers`).expect(401);
    await request(server()).post(`/api/v1/cases/${caseId}/dossiers`).set(as('evaluator')).expect(403);
    await request(server()).get(`/api/v1/cases/${caseId}/dossiers`).set(as('evaluator')).expect(403);
    await request(server()).get(`/api/v1/cases/${caseId}/ocds`).set(as('evaluator')).expect(403);
    // A legal reviewer reads dossiers but does not request them.
    await request(server()).post(`/api/v1/cases/${caseId}/dossiers`).set(as('lena')).expect(403);

    const foreign = await request(server()).post(`/api/v1/cases/${caseId}/dossiers`).set(as('stranger')).expect(404);
    expect(foreign.body.message).toBe('No such case.');
    await request(server()).get(`/api/v1/cases/${caseId}/dossiers`).set(as('stranger')).expect(404);
    await request(server()).get(`/api/v1/cases/${caseId}/ocds`).set(as('stranger')).expect(404);
    await request(server()).get(`/api/v1/cases/${randomUUID()}/dossiers`).set(as('officer')).expect(404);
  });

  it('never lets staff record the sign-off by hand: 409 from the API and no such button on the case page', async () => {
    const refused = await request(server())
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set(as('officer'))
      .send({ to: 'signed_off' })
      .expect(409);
    expect(refused.body.message).toContain('only when every required legal reviewer has approved');
    const page = await request(server()).get(`/cases/${caseId}`).set(as('officer')).expect(200);
    expect(page.text).not.toContain('Record sign-off');
    expect(page.text).not.toContain('value="signed_off"');
    expect((await request(server()).get(`/api/v1/cases/${caseId}`).set(as('officer'))).body.status).toBe(
      'dossier_review',
    );
  });

  it('e-mailed each evaluator on the panel once when the evaluation started, linking to their evaluation page', async () => {
    const invited = () => smtp.messages.filter((mail) => mail.recipients.includes(people.evaluator.email));
    const [mail] = await waitFor(async () => (invited().length ? invited() : null), 30_000, 200);
    expect(mail.parsed.subject).toContain(reference);
    expect(mail.parsed.text).toContain('Dear Eve Evaluator');
    expect(mail.parsed.text).toContain(`http://probity.example/cases/${caseId}/evaluation`);
    expect(mail.parsed.html).toContain(`http://probity.example/cases/${caseId}/evaluation`);
    // Nobody else is invited to evaluate: legal reviewers hear of the case when the dossier is ready.
    expect(smtp.messages.filter((m) => m.parsed.text?.includes(`/cases/${caseId}/evaluation`))).toHaveLength(1);
  });

  it('renders the dossier with the panel’s legal reviewers and shows the render progress', async () => {
    const requested = await request(server()).post(`/api/v1/cases/${caseId}/dossiers`).set(as('officer')).expect(202);
    expect(requested.body).toMatchObject({ version: 1 });
    expect(requested.body.reviewers.map((r: { name: string }) => r.name)).toEqual(['Lars Lawyer', 'Lena Legal']);
    firstVersion = await renderedVersion(1);
    expect(firstVersion).toMatchObject({ current: true, renderProgress: 100, signedPdfSha256: null });

    const again = await request(server()).post(`/api/v1/cases/${caseId}/dossiers`).set(as('officer')).expect(202);
    expect(again.body.id).toBe(firstVersion.id);

    const pdf = await getPdf(server(), `/api/v1/dossiers/${firstVersion.id}/pdf`, as('lena'));
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(sha256(pdf.body)).toBe(firstVersion.pdfSha256);

    const ocds = await request(server()).get(`/api/v1/cases/${caseId}/ocds`).set(as('officer')).expect(200);
    expect(ocds.headers['content-disposition']).toContain('attachment');
    const release = JSON.parse(ocds.text);
    expect(release.releases[0].tender.title).toBeDefined();
    expect(JSON.stringify(release)).toContain(firstVersion.id);

    const state = await request(server()).get(`/api/v1/dossiers/${firstVersion.id}`).set(as('lars')).expect(200);
    expect(state.body.reviewers.map((r: { name: string; decision: null }) => [r.name, r.decision])).toEqual([
      ['Lars Lawyer', null],
      ['Lena Legal', null],
    ]);
  });

  it('prints the published clarification and question titles, never internal keys, in the PDF and on the review page', async () => {
    const pdf = await getPdf(server(), `/api/v1/dossiers/${firstVersion.id}/pdf`, as('lena'));
    const text = (await pdfText(pdf.body)).replace(/\s+/g, ' ');
    expect(text).toContain(CLARIFICATION.question);
    expect(text).toContain(CLARIFICATION.answer);
    expect(text).not.toContain('No clarifications were published');
    expect(QUESTION_KEYS.filter((key) => text.includes(key))).toEqual([]);

    const page = await request(server()).get(`/reviews/dossiers/${firstVersion.id}`).set(as('lena')).expect(200);
    expect(page.text).toContain('1 clarification published');
    expect(QUESTION_KEYS.filter((key) => page.text.includes(key))).toEqual([]);
  });

  it('hides another agency’s dossier (404) and refuses evaluators (403) on every dossier route', async () => {
    for (const path of ['', '/pdf', '/signed.pdf']) {
      await request(server()).get(`/api/v1/dossiers/${firstVersion.id}${path}`).set(as('stranger')).expect(404);
      await request(server()).get(`/api/v1/dossiers/${firstVersion.id}${path}`).set(as('evaluator')).expect(403);
    }
    await request(server())
      .post(`/api/v1/dossiers/${firstVersion.id}/comments`)
      .set(as('strangerLegal'))
      .send({ section: 'summary', body: 'Not my agency.' })
      .expect(404);
    await decide('strangerLegal', firstVersion.id, {
      decision: 'approve',
      pdfSha256: firstVersion.pdfSha256 as string,
    }).expect(404);
    await decide('evaluator', firstVersion.id, {
      decision: 'approve',
      pdfSha256: firstVersion.pdfSha256 as string,
    }).expect(403);
  });

  it('e-mails each legal reviewer a sign-off request once per version', async () => {
    const mails = await waitFor(async () => (signOffMails().length >= 2 ? signOffMails() : null), 30_000, 200);
    expect(mails.map((mail) => mail.recipients).sort()).toEqual([[people.lars.email], [people.lena.email]]);
    for (const mail of mails) {
      expect(mail.parsed.subject).toContain('Sign-off requested');
      expect(mail.parsed.text).toContain(`http://probity.example/reviews/dossiers/${firstVersion.id}`);
      expect(mail.parsed.html).toContain(`http://probity.example/reviews/dossiers/${firstVersion.id}`);
    }
    expect(mails.find((mail) => mail.recipients[0] === people.lena.email)?.parsed.text).toContain('Dear Lena Legal');
    // Asking for the same data again neither makes a version nor mails anyone again.
    await request(server()).post(`/api/v1/cases/${caseId}/dossiers`).set(as('officer')).expect(202);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(signOffMails()).toHaveLength(2);
  });

  it('takes comments per section from the signed-in reviewer, never from the body', async () => {
    const comment = await request(server())
      .post(`/api/v1/dossiers/${firstVersion.id}/comments`)
      .set(as('lena'))
      .send({ section: 'summary', body: 'The summary should name the intended use.' })
      .expect(201);
    expect(comment.body).toMatchObject({ authorId: people.lena.userId, authorName: 'Lena Legal', section: 'summary' });
    // The author is not a field: a request naming someone else is refused, not trusted.
    await request(server())
      .post(`/api/v1/dossiers/${firstVersion.id}/comments`)
      .set(as('lena'))
      .send({ section: 'summary', body: 'x', author: { id: people.lars.userId, name: 'Lars Lawyer', role: 'x' } })
      .expect(400);
    const unknown = await request(server())
      .post(`/api/v1/dossiers/${firstVersion.id}/comments`)
      .set(as('lena'))
      .send({ section: 'nowhere', body: 'Which section?' })
      .expect(400);
    expect(unknown.body.message).toContain('Unknown section "nowhere"');
    // The officer is no reviewer: the role guard refuses before anything else.
    await request(server())
      .post(`/api/v1/dossiers/${firstVersion.id}/comments`)
      .set(as('officer'))
      .send({ section: 'summary', body: 'Officer note.' })
      .expect(403);
  });

  it('records a request for changes (with its reason) and does not sign', async () => {
    const missing = await decide('lena', firstVersion.id, {
      decision: 'request-changes',
      pdfSha256: firstVersion.pdfSha256 as string,
    }).expect(400);
    expect(JSON.stringify(missing.body.message)).toContain('reason');
    await decide('lena', firstVersion.id, {
      decision: 'approve-with-conditions',
      pdfSha256: firstVersion.pdfSha256 as string,
    }).expect(400);
    const changes = await decide('lena', firstVersion.id, {
      decision: 'request-changes',
      reason: 'The sensitivity section must explain the margin.',
      pdfSha256: firstVersion.pdfSha256 as string,
    }).expect(201);
    expect(changes.body).toMatchObject({ reviewerId: people.lena.userId, reviewerName: 'Lena Legal' });
    await decide('lars', firstVersion.id, { decision: 'approve', pdfSha256: firstVersion.pdfSha256 as string }).expect(
      201,
    );
    const state = await request(server()).get(`/api/v1/dossiers/${firstVersion.id}`).set(as('officer')).expect(200);
    expect(state.body.reviewers.map((r: { name: string; decision: string }) => [r.name, r.decision])).toEqual([
      ['Lars Lawyer', 'approve'],
      ['Lena Legal', 'request-changes'],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const procurementCase = await request(server()).get(`/api/v1/cases/${caseId}`).set(as('officer')).expect(200);
    expect(procurementCase.body.status).toBe('dossier_review');
    await request(server()).get(`/api/v1/dossiers/${firstVersion.id}/signed.pdf`).set(as('officer')).expect(404);
  });

  it('refuses a decision on a stale version with 409 and the reason, and asks again for the new version', async () => {
    // New data behind the dossier: a panel member's conflict-of-interest declaration is printed in it.
    await app.get(PanelService).declareConflict(caseId, people.evaluator.userId, false, 'No conflict of interest.');
    const stale = await decide('lena', firstVersion.id, {
      decision: 'approve',
      pdfSha256: firstVersion.pdfSha256 as string,
    }).expect(409);
    expect(stale.body.message).toBe(
      'The data behind version 1 changed since it was rendered: version 2 is being rendered. Review the new version.',
    );
    secondVersion = await renderedVersion(2);
    const replaced = await decide('lars', firstVersion.id, {
      decision: 'approve',
      pdfSha256: firstVersion.pdfSha256 as string,
    }).expect(409);
    expect(replaced.body.message).toBe('Version 1 is stale: version 2 replaced it. Review the new version.');
    const otherBytes = await decide('lars', secondVersion.id, {
      decision: 'approve',
      pdfSha256: firstVersion.pdfSha256 as string,
    }).expect(409);
    expect(otherBytes.body.message).toContain('You reviewed other bytes');

    const mails = await waitFor(async () => (signOffMails().length >= 4 ? signOffMails() : null), 30_000, 200);
    expect(mails.filter((mail) => mail.parsed.text?.includes(`/reviews/dossiers/${secondVersion.id}`))).toHaveLength(2);
  });

  it('follows the panel: a change in review starts a new version and voids the approvals given so far', async () => {
    await decide('lena', secondVersion.id, {
      decision: 'approve',
      pdfSha256: secondVersion.pdfSha256 as string,
    }).expect(201);
    await panelOf(['lena', 'lars', 'lukas']).expect(200);
    const thirdVersion = await renderedVersion(3);
    const reviewersOf = async (dossierId: string) =>
      (await request(server()).get(`/api/v1/dossiers/${dossierId}`).set(as('officer')).expect(200)).body;
    const third = await reviewersOf(thirdVersion.id);
    expect(third.reviewers.map((r: { name: string; decision: string | null }) => [r.name, r.decision])).toEqual([
      ['Lars Lawyer', null],
      ['Lena Legal', null],
      ['Lukas Late', null],
    ]);
    // Lena's approval was of version 2, reviewed by two people: it does not carry over.
    const void_ = await decide('lars', secondVersion.id, {
      decision: 'approve',
      pdfSha256: secondVersion.pdfSha256 as string,
    }).expect(409);
    expect(void_.body.message).toBe('Version 2 is stale: version 3 replaced it. Review the new version.');
    const mail = await waitFor(
      async () => signOffMails().find((m) => m.recipients[0] === people.lukas.email) ?? null,
      30_000,
      200,
    );
    expect(mail.parsed.text).toContain(`/reviews/dossiers/${thirdVersion.id}`);
    // Back to the panel version 2 was rendered for: that version, its bytes and reviewers, is current again.
    await panelOf(['lena', 'lars']).expect(200);
    const back = await reviewersOf(secondVersion.id);
    expect(back.current).toBe(true);
    expect(back.reviewers.map((r: { name: string }) => r.name)).toEqual(['Lars Lawyer', 'Lena Legal']);
    expect((await reviewersOf(thirdVersion.id)).current).toBe(false);
  });

  it('signs off once every legal reviewer approves; the signed PDF verifies and names the signers', async () => {
    await decide('lena', secondVersion.id, {
      decision: 'approve-with-conditions',
      conditions: 'Clause 4 is added to the contract.',
      pdfSha256: secondVersion.pdfSha256 as string,
    }).expect(201);
    await decide('lars', secondVersion.id, {
      decision: 'approve',
      pdfSha256: secondVersion.pdfSha256 as string,
    }).expect(201);
    await waitFor(
      async () =>
        (await request(server()).get(`/api/v1/cases/${caseId}`).set(as('officer'))).body.status === 'signed_off',
      120_000,
      250,
    );
    const signed = (await versions()).find((v) => v.id === secondVersion.id) as VersionRow;
    expect(signed.status).toBe('signed');

    const bytes = (await getPdf(server(), `/api/v1/dossiers/${secondVersion.id}/signed.pdf`, as('officer'))).body;
    expect(sha256(bytes)).toBe(signed.signedPdfSha256);

    const verified = await request(server())
      .post('/api/v1/dossiers/verify')
      .attach('file', bytes, 'dossier.pdf')
      .expect(200);
    expect(verified.body).toMatchObject({ valid: true, signed: true, status: 'signed', caseReference: reference });
    expect(verified.body.signers.map((s: { name: string; decision: string }) => [s.name, s.decision])).toEqual([
      ['Lars Lawyer', 'approve'],
      ['Lena Legal', 'approve-with-conditions'],
    ]);

    // The seal is a PAdES signature: the local CA (zero-setup keys) is trusted here, and the reviewers'
    // approvals come from the sealed approvals.json, conditions included.
    expect(verified.body).toMatchObject({ storedHere: true, seal: { trusted: true, timestampedAt: null } });
    expect(verified.body.seal.subject).toMatch(/^CN=Probity at probity\.example dossier seal/);
    expect(verified.body.signers[1]).toMatchObject({
      conditions: 'Clause 4 is added to the contract.',
      reviewCopySha256: secondVersion.pdfSha256,
    });
    // Any PDF reader sees one valid signature over the whole file (poppler's pdfsig stands in for them).
    const file = join(keyDir, 'signed.pdf');
    await writeFile(file, bytes);
    const { stdout: pdfsig } = await run('pdfsig', ['-nocert', file]);
    expect(pdfsig.match(/^Signature #\d+:/gm)).toHaveLength(1);
    expect(pdfsig).toContain('Signature Type: ETSI.CAdES.detached');
    expect(pdfsig).toContain('Total document signed');
    expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
    // Anyone can fetch the CA certificate the seal chains to, without signing in.
    const ca = await request(server()).get('/verify/ca.pem').expect(200);
    expect(ca.text).toMatch(/^-----BEGIN CERTIFICATE-----/);
    // Sealed dossiers list no Ed25519 key: those are only for dossiers signed before PAdES.
    expect((await request(server()).get('/api/v1/dossiers/signing-keys').expect(200)).body).toEqual([]);

    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf(Buffer.from(reference));
    tampered.write('X', at > 0 ? at : Math.floor(tampered.length / 2), 'latin1');
    const refused = await request(server())
      .post('/api/v1/dossiers/verify')
      .attach('file', tampered, 'dossier.pdf')
      .expect(200);
    expect(refused.body.valid).toBe(false);
    expect(refused.body.reason.length).toBeGreaterThan(10);

    // Signed means immutable: no decision, comment or new version any more.
    const late = await decide('lena', secondVersion.id, {
      decision: 'approve',
      pdfSha256: secondVersion.pdfSha256 as string,
    }).expect(409);
    expect(late.body.message).toMatch(/signed|not in legal review/);
    const again = await request(server()).post(`/api/v1/cases/${caseId}/dossiers`).set(as('officer')).expect(409);
    expect(again.body.message).toBe('The dossier of this case is signed: it can no longer change.');
  });

  it('refuses panel changes once the dossier is signed off, from the API (409) and on the case page', async () => {
    const unticked = await panelOf(['lars']).expect(409);
    expect(unticked.body.message).toBe(PANEL_LOCKED);
    const page = await request(server())
      .post(`/cases/${caseId}/panel`)
      .set(as('officer'))
      .type('form')
      .send({ evaluators: people.evaluator.userId, legalReviewers: people.lars.userId })
      .expect(409);
    expect(page.text).toContain(PANEL_LOCKED);
    const state = await request(server()).get(`/api/v1/dossiers/${secondVersion.id}`).set(as('officer')).expect(200);
    expect(state.body.reviewers.map((r: { name: string }) => r.name)).toEqual(['Lars Lawyer', 'Lena Legal']);
    const procurementCase = await request(server()).get(`/api/v1/cases/${caseId}`).set(as('officer')).expect(200);
    expect(procurementCase.body.panel).toHaveLength(3);
  });

  it('records every step in the agency’s audit trail', async () => {
    const audit = app.get(AuditTrail);
    const actionsOn = async (subjectId: string) =>
      (await audit.list(agencyId, { subjectId, page: 1, pageSize: 100 })).items.map((e) => [e.action, e.actorLabel]);
    const first = await actionsOn(firstVersion.id);
    expect(first).toEqual(
      expect.arrayContaining([
        ['dossier.render-requested', 'Olivia Officer (procurement officer)'],
        ['dossier.sign-off-requested', 'Dossier review'],
        ['dossier.commented', 'Lena Legal (legal reviewer)'],
        ['dossier.decided', 'Lena Legal (legal reviewer)'],
        ['dossier.decided', 'Lars Lawyer (legal reviewer)'],
      ]),
    );
    expect(first.filter(([action]) => action === 'dossier.sign-off-requested')).toHaveLength(1);
    const second = await actionsOn(secondVersion.id);
    expect(second).toEqual(expect.arrayContaining([['dossier.signed', 'Dossier signing job']]));
    const caseEntries = (await audit.list(agencyId, { subjectId: caseId, page: 1, pageSize: 100 })).items;
    expect(caseEntries.map((e) => e.action)).toContain('dossier.reviewers-set');
    expect(
      caseEntries.some(
        (e) => e.action === 'case.transition' && (e.after as { status: string }).status === 'signed_off',
      ),
    ).toBe(true);
    expect((await audit.verify(agencyId)).valid).toBe(true);
  });
});
