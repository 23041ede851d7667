import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CasesService, ResponsesService } from '@probity/cases';
import { DEMO_PROVIDERS, demoCase, submitDemoResponses } from '@probity/demo';
import { DossierInputSource } from '@probity/dossier';
import { IdentityService } from '@probity/identity';
import { QuestionnaireDefinition } from '@probity/questionnaires';
import type { Comparison } from '@probity/scoring';
import { waitFor } from '@probity/testing';
import { E2eApp, startE2eApp } from './support/e2e-app';
import { SessionHeaders, signedInStaff } from './support/staff-sessions';

const PASSWORD = 'panel test passphrase';
const PRICE = 1234567.89;

interface WorkspaceAnswer {
  response: { id: string; organisationName: string };
  scale: Array<{ score: number; label: string; descriptor: string }>;
  questions: Array<{
    questionName: string;
    title: string;
    kind: string;
    answerText: string;
    evidence: Array<{ fileName: string; sha256: string }>;
    own: { score: number; justification: string } | null;
    others: Array<{ evaluator: string; score: number; justification: string }> | null;
  }>;
  evidence: Array<{ id: string; fileName: string; sha256: string; questionName: string; questionTitle: string }>;
  progress: { scored: number; total: number };
  submitted: boolean;
}

describe('evaluation panel over HTTP (real PostgreSQL and Redis)', () => {
  let e2e: E2eApp;
  let app: NestExpressApplication;
  let caseId: string;
  let northwindId: string;
  const users: Record<string, string> = {};
  const sessions: Record<string, SessionHeaders> = {};
  const http = () => request(app.getHttpServer());
  const panelUrl = (path = '') => `/api/v1/cases/${caseId}/panel${path}`;
  const workspaceOf = async (who: string, responseId = northwindId): Promise<WorkspaceAnswer> =>
    (
      await http()
        .get(panelUrl(`/responses/${responseId}`))
        .set(sessions[who])
        .expect(200)
    ).body;
  const score = (who: string, questionName: string, body: object, responseId = northwindId) =>
    http()
      .put(panelUrl(`/responses/${responseId}/scores/${questionName}`))
      .set(sessions[who])
      .send(body);

  beforeAll(async () => {
    e2e = await startE2eApp({ worker: true });
    app = e2e.app as NestExpressApplication;

    const identity = app.get(IdentityService);
    const agency = await identity.findOrCreateAgency('Panel test police service');
    const otherAgency = await identity.findOrCreateAgency('Another police service (panel test)');
    const staff = await signedInStaff(app, 'panel.example', PASSWORD, [
      ['officer', agency.id, 'procurement_officer'],
      ['eva', agency.id, 'evaluator'],
      ['ben', agency.id, 'evaluator'],
      ['carl', agency.id, 'evaluator'],
      ['outsider', agency.id, 'evaluator'],
      ['legal', agency.id, 'legal_reviewer'],
      ['foreign', otherAgency.id, 'evaluator'],
      ['foreignOfficer', otherAgency.id, 'procurement_officer'],
    ]);
    Object.assign(users, staff.ids);
    Object.assign(sessions, staff.sessions);

    // The officer raises the case and names its panel through the API.
    const created = await http()
      .post('/api/v1/cases')
      .set(sessions.officer)
      .send(JSON.parse(JSON.stringify(demoCase(new Date()))))
      .expect(201);
    caseId = created.body.id;
    await http()
      .put(`/api/v1/cases/${caseId}/panel`)
      .set(sessions.officer)
      .send({
        members: [
          { userId: users.eva, role: 'evaluator' },
          { userId: users.ben, role: 'evaluator' },
          { userId: users.carl, role: 'evaluator' },
          { userId: users.legal, role: 'legal_reviewer' },
        ],
      })
      .expect(200);
    await http().post(`/api/v1/cases/${caseId}/transitions`).set(sessions.officer).send({ to: 'open' }).expect(200);

    const cases = app.get(CasesService);
    const definition = (await cases.getCase(caseId)).questionnaireDefinition as QuestionnaireDefinition;
    await submitDemoResponses(app, caseId, definition);
    northwindId = (await app.get(ResponsesService).responsesOf(caseId)).find(
      (r) => r.organisationName === 'Northwind Vision Analytics',
    )!.id;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('shows no submission before a declaration (403 and a redirect to the form) and refuses non-members', async () => {
    const refused = await http().get(panelUrl('/responses')).set(sessions.eva).expect(403);
    expect(refused.body.message).toMatch(/Declare any conflict of interest/);
    await http()
      .get(panelUrl(`/responses/${northwindId}`))
      .set(sessions.eva)
      .expect(403);
    const page = await http()
      .get(`/cases/${caseId}/evaluation/responses/${northwindId}`)
      .set(sessions.eva)
      .set('Accept', 'text/html')
      .expect(303);
    expect(page.headers.location).toBe(`/cases/${caseId}/evaluation`);
    const form = await http().get(`/cases/${caseId}/evaluation`).set(sessions.eva).set('Accept', 'text/html');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Declare any conflict of interest');
    expect(form.text).not.toContain('Northwind');

    const declaration = { hasConflict: false, statement: 'I have no conflict of interest.' };
    const notOnPanel = await http().post(panelUrl('/declaration')).set(sessions.outsider).send(declaration);
    expect(notOnPanel.status).toBe(403);
    expect(notOnPanel.body.message).toMatch(/not an evaluator on this case/);
    await http().post(panelUrl('/declaration')).set(sessions.legal).send(declaration).expect(403);
    await http().post(panelUrl('/declaration')).set(sessions.officer).send(declaration).expect(403);
  });

  it('answers 404 for another agency’s case, for evaluators and officers alike', async () => {
    const declaration = { hasConflict: false, statement: 'I have no conflict of interest.' };
    const foreign = await http().post(panelUrl('/declaration')).set(sessions.foreign).send(declaration).expect(404);
    expect(foreign.body.message).toBe('No such case.');
    await http().get(panelUrl('/responses')).set(sessions.foreign).expect(404);
    await http().get(panelUrl('/moderation')).set(sessions.foreignOfficer).expect(404);
    await http()
      .put(panelUrl(`/responses/${northwindId}/consensus/law_misuse`))
      .set(sessions.foreignOfficer)
      .send({ consensusScore: 2, reason: 'Not ours.' })
      .expect(404);
    const page = await http()
      .get(`/cases/${caseId}/moderation`)
      .set(sessions.foreignOfficer)
      .set('Accept', 'text/html');
    expect(page.status).toBe(404);
  });

  it('recuses an evaluator who declares a conflict, for good', async () => {
    await http()
      .post(panelUrl('/declaration'))
      .set(sessions.carl)
      .send({ hasConflict: true, statement: '   ' })
      .expect(400);
    const declared = await http()
      .post(panelUrl('/declaration'))
      .set(sessions.carl)
      .send({ hasConflict: true, statement: 'My sister works for Helios Forensic AI.' })
      .expect(201);
    expect(declared.body).toMatchObject({ hasConflict: true, access: 'recused' });
    const again = await http()
      .post(panelUrl('/declaration'))
      .set(sessions.carl)
      .send({ hasConflict: false, statement: 'Changed my mind.' })
      .expect(409);
    expect(again.body.message).toMatch(/already recorded/);
    const recused = await http().get(panelUrl('/responses')).set(sessions.carl).expect(403);
    expect(recused.body.message).toMatch(/recused/);
    await score('carl', 'law_misuse', { score: 2, justification: 'Should not count.' }).expect(403);
  });

  it('opens submissions to declared evaluators once the case is closed, without any price', async () => {
    for (const who of ['eva', 'ben'])
      await http()
        .post(panelUrl('/declaration'))
        .set(sessions[who])
        .send({ hasConflict: false, statement: 'I have no link with any provider.' })
        .expect(201);
    // While the case is open nothing is shown, so nobody scores before the deadline.
    expect((await http().get(panelUrl('/responses')).set(sessions.eva).expect(200)).body.responses).toEqual([]);
    await http()
      .get(panelUrl(`/responses/${northwindId}`))
      .set(sessions.eva)
      .expect(404);

    // The price criterion is added before the deadline: a published amendment of the method.
    await http()
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(sessions.officer)
      .send({ weights: demoCase(new Date()).criteriaWeights, priceWeight: 30, reason: 'Price is an award criterion.' })
      .expect(200);
    for (const to of ['closed', 'evaluation'])
      await http().post(`/api/v1/cases/${caseId}/transitions`).set(sessions.officer).send({ to }).expect(200);
    await http()
      .put(`/api/v1/cases/${caseId}/prices/${northwindId}`)
      .set(sessions.officer)
      .send({ amount: PRICE })
      .expect(200);

    const listed = await http().get(panelUrl('/responses')).set(sessions.eva).expect(200);
    expect(listed.body.responses.map((r: { organisationName: string }) => r.organisationName)).toEqual([
      'Blackbox Surveillance Ltd',
      'Helios Forensic AI',
      'Northwind Vision Analytics',
    ]);
    const raw = await http()
      .get(panelUrl(`/responses/${northwindId}`))
      .set(sessions.eva)
      .expect(200);
    expect(raw.text).not.toContain(String(PRICE));
    expect(raw.text).not.toMatch(/price/i);
    const workspace = raw.body as WorkspaceAnswer;
    expect(workspace.scale.map((step) => step.score)).toEqual([0, 1, 2, 3, 4]);
    expect(workspace.questions.length).toBeGreaterThanOrEqual(4);
    const freeText = workspace.questions.find((q) => q.questionName === 'law_misuse')!;
    expect(freeText).toMatchObject({ kind: 'free-text', own: null, others: null });
    expect(freeText.answerText.length).toBeGreaterThan(0);
    // Evidence uploaded for the response is listed with the question it supports, by title.
    const northwindEvidence = DEMO_PROVIDERS.find(
      (p) => p.invite.organisationName === 'Northwind Vision Analytics',
    )!.evidence;
    expect(workspace.evidence.map((file) => file.fileName).sort()).toEqual(
      northwindEvidence.map((file) => file.fileName).sort(),
    );
    for (const file of workspace.evidence) {
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(file.questionTitle).not.toBe(file.questionName);
    }
    const evidenceUrl = `/cases/${caseId}/evaluation/responses/${northwindId}/evidence/${workspace.evidence[0].id}`;
    const download = await http()
      .get(evidenceUrl)
      .set(sessions.eva)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(
      createHash('sha256')
        .update(download.body as Buffer)
        .digest('hex'),
    ).toBe(workspace.evidence[0].sha256);
    await http().get(evidenceUrl).set(sessions.carl).expect(403);
    await http().get(evidenceUrl).set(sessions.foreign).expect(404);
    expect(workspace.progress).toEqual({ scored: 0, total: workspace.questions.length });

    const [{ viewed }] = await app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS viewed FROM audit_entries WHERE action = 'response.viewed' AND subject_id = $1 AND actor_id = $2`,
        [northwindId, users.eva],
      );
    expect(viewed).toBeGreaterThan(0);
  });

  it('requires a justification and a score on the 0–4 scale (400), for questions that need judgement only', async () => {
    const missing = await score('eva', 'law_misuse', { score: 3 }).expect(400);
    expect(JSON.stringify(missing.body.message)).toMatch(/justification/);
    await score('eva', 'law_misuse', { score: 3, justification: '  ' }).expect(400);
    await score('eva', 'law_misuse', { score: 5, justification: 'Too high.' }).expect(400);
    await score('eva', 'law_misuse', { score: 2.5, justification: 'Halves are not on the scale.' }).expect(400);
    await score('eva', 'scope_rbi', { score: 3, justification: 'Scored automatically.' }).expect(404);
  });

  it('keeps scoring blind until an evaluator has submitted their own, and lists what is missing (400)', async () => {
    const questions = (await workspaceOf('eva')).questions.map((q) => q.questionName);
    const [first, ...rest] = questions;
    await score('eva', first, { score: 1, justification: 'Vague; no concrete safeguards named.' }).expect(200);
    await score('ben', first, { score: 4, justification: 'Safeguards listed with an audit trail.' }).expect(200);
    for (const name of rest.slice(0, -1)) {
      await score('eva', name, { score: 2, justification: `Partly convincing (${name}).` }).expect(200);
      await score('ben', name, { score: 3, justification: `Convincing (${name}).` }).expect(200);
    }
    const last = rest[rest.length - 1];

    const incomplete = await http()
      .post(panelUrl(`/responses/${northwindId}/submission`))
      .set(sessions.eva)
      .expect(400);
    expect(incomplete.body.missing).toEqual([last]);
    expect(incomplete.body.message).toContain(last);

    // Neither sees the other's scores before submitting.
    expect((await workspaceOf('eva')).questions.every((q) => q.others === null)).toBe(true);
    expect((await workspaceOf('ben')).questions.every((q) => q.others === null)).toBe(true);

    await score('eva', last, { score: 3, justification: 'Clear.' }).expect(200);
    await http()
      .post(panelUrl(`/responses/${northwindId}/submission`))
      .set(sessions.eva)
      .expect(200);
    const changed = await score('eva', first, { score: 4, justification: 'Second thoughts.' }).expect(409);
    expect(changed.body.message).toMatch(/submitted/);

    // Eva submitted, Ben has not: Ben still sees nothing of Eva's, and Eva sees no draft of Ben's.
    expect((await workspaceOf('ben')).questions.every((q) => q.others === null)).toBe(true);
    expect((await workspaceOf('eva')).questions.find((q) => q.questionName === first)!.others).toEqual([]);

    await score('ben', last, { score: 3, justification: 'Clear.' }).expect(200);
    await http()
      .post(panelUrl(`/responses/${northwindId}/submission`))
      .set(sessions.ben)
      .expect(200);
    const afterBoth = (await workspaceOf('ben')).questions.find((q) => q.questionName === first)!;
    expect(afterBoth.own?.score).toBe(4);
    expect(afterBoth.others).toEqual([
      { evaluator: 'Test eva', score: 1, justification: 'Vague; no concrete safeguards named.' },
    ]);
    const listed = await http().get(panelUrl('/responses')).set(sessions.eva).expect(200);
    expect(listed.body.responses.find((r: { responseId: string }) => r.responseId === northwindId)).toMatchObject({
      scored: questions.length,
      questions: questions.length,
      submitted: true,
    });
  });

  it('lets the officer moderate: spread per question, large disagreements flagged, consensus recorded once', async () => {
    await http().get(panelUrl('/moderation')).set(sessions.eva).expect(403);
    const view = (await http().get(panelUrl('/moderation')).set(sessions.officer).expect(200)).body;
    expect(view.panel.map((m: { name: string; declaration: string }) => [m.name, m.declaration])).toEqual([
      ['Test eva', 'no-conflict'],
      ['Test ben', 'no-conflict'],
      ['Test carl', 'conflict'],
    ]);
    const northwind = view.responses.find((r: { responseId: string }) => r.responseId === northwindId);
    expect(northwind.submittedBy).toBe(2);
    const [first, second] = northwind.questions;
    expect(first).toMatchObject({ spread: { min: 1, max: 4, spread: 3 }, needsDiscussion: true, consensus: null });
    expect(second).toMatchObject({ spread: { min: 2, max: 3, spread: 1 }, needsDiscussion: false });

    const consensus = (body: object, question = first.questionName) =>
      http()
        .put(panelUrl(`/responses/${northwindId}/consensus/${question}`))
        .set(sessions.officer)
        .send(body);
    await consensus({ consensusScore: 3 }).expect(400);
    await consensus({ consensusScore: 3, reason: ' ' }).expect(400);
    await http()
      .put(panelUrl(`/responses/${northwindId}/consensus/${first.questionName}`))
      .set(sessions.eva)
      .send({ consensusScore: 3, reason: 'Evaluators cannot moderate.' })
      .expect(403);
    const recorded = await consensus({
      consensusScore: 3,
      reason: 'Discussed: the safeguards are listed, but the audit is internal only.',
    }).expect(200);
    expect(recorded.body).toMatchObject({
      consensusScore: 3,
      evaluationJobId: expect.stringMatching(new RegExp(`^evaluation-${caseId}-m[0-9a-f]{16}$`)),
    });
    await consensus({ consensusScore: 2, reason: 'Again.' }).expect(409);
    await consensus({ consensusScore: 2, reason: 'Agreed at the panel meeting.' }, second.questionName).expect(200);

    const after = (await http().get(panelUrl('/moderation')).set(sessions.officer).expect(200)).body;
    const moderated = after.responses.find((r: { responseId: string }) => r.responseId === northwindId).questions[0];
    expect(moderated).toMatchObject({ needsDiscussion: false, consensus: { score: 3, moderatedBy: 'Test officer' } });
  });

  it('re-scores with the consensus scores: they reach the comparison and the dossier input', async () => {
    const view = (await http().get(panelUrl('/moderation')).set(sessions.officer).expect(200)).body;
    const northwind = view.responses.find((r: { responseId: string }) => r.responseId === northwindId);
    const [first, second] = northwind.questions.map((q: { questionName: string }) => q.questionName);
    const comparison = await waitFor(async () => {
      const answer = await http().get(`/api/v1/cases/${caseId}/comparison`).set(sessions.officer).expect(200);
      if (answer.body.status !== 'ready') return null;
      const stored = answer.body.comparison as Comparison;
      const provider = [...stored.ranked, ...stored.unscored, ...stored.disqualified].find(
        (p) => p.providerId === northwindId,
      ) as { awaitingPanel?: string[] } | undefined;
      const settled = provider?.awaitingPanel && ![first, second].some((q) => provider.awaitingPanel!.includes(q));
      return settled ? stored : null;
    }, 60000);
    const provider = comparison.ranked.find((p) => p.providerId === northwindId)!;
    expect(provider.awaitingPanel).not.toContain(second);

    const input = await app.get(DossierInputSource).inputFor(caseId);
    const dossierProvider = input.providers.find((p) => p.name === 'Northwind Vision Analytics')!;
    expect(dossierProvider.moderation.map((m) => [m.questionName, m.consensusScore])).toEqual(
      [
        [first, 3],
        [second, 2],
      ].sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(
      dossierProvider.justifications
        .filter((j) => j.questionName === first)
        .map((j) => j.score)
        .sort(),
    ).toEqual([1, 4]);
    expect(
      dossierProvider.justifications
        .filter((j) => j.questionName === first)
        .map((j) => j.evaluator)
        .sort(),
    ).toEqual(['Test ben', 'Test eva']);
    expect(dossierProvider.moderation.every((m) => m.moderatedBy === 'Test officer')).toBe(true);
    expect(input.panel.map((member) => [member.name, member.conflictOfInterest.recused])).toEqual(
      expect.arrayContaining([
        ['Test carl', true],
        ['Test eva', false],
        ['Test ben', false],
      ]),
    );
    expect(input.panel).toHaveLength(3);

    const audited: Array<{ action: string; actorId: string; subjectId: string }> = await app
      .get(DataSource)
      .query(
        `SELECT action, actor_id AS "actorId", subject_id AS "subjectId" FROM audit_entries WHERE action LIKE 'panel.%'`,
      );
    expect(new Set(audited.map((entry) => entry.action))).toEqual(
      new Set([
        'panel.conflict-declared',
        'panel.score-recorded',
        'panel.scores-submitted',
        'panel.consensus-recorded',
      ]),
    );
    const consensusEntry = audited.find((entry) => entry.action === 'panel.consensus-recorded')!;
    expect(consensusEntry).toMatchObject({ actorId: users.officer, subjectId: northwindId });
  });

  it('renders the evaluator and officer pages with the scale, progress and the disagreement flag', async () => {
    const list = await http().get('/evaluations').set(sessions.eva).set('Accept', 'text/html').expect(200);
    expect(list.text).toContain(`href="/cases/${caseId}/evaluation"`);
    expect(list.text).toContain('href="/evaluations"');
    const detail = await http().get(`/cases/${caseId}`).set(sessions.eva).set('Accept', 'text/html').expect(200);
    expect(detail.text).toContain(`href="/cases/${caseId}/evaluation"`);
    const officerDetail = await http().get(`/cases/${caseId}`).set(sessions.officer).set('Accept', 'text/html');
    expect(officerDetail.text).toContain(`href="/cases/${caseId}/moderation"`);

    const helios = (await app.get(ResponsesService).responsesOf(caseId)).find(
      (r) => r.organisationName === 'Helios Forensic AI',
    )!;
    const workspace = await http()
      .get(`/cases/${caseId}/evaluation/responses/${helios.id}`)
      .set(sessions.eva)
      .set('Accept', 'text/html')
      .expect(200);
    expect(workspace.text).toContain('Question 1 of');
    expect(workspace.text).toContain('4 – Excellent');
    expect(workspace.text).toContain('<progress id="scoring-progress"');
    expect(workspace.text).not.toContain(String(PRICE));
    expect(workspace.text).toMatch(
      new RegExp(`<a href="/cases/${caseId}/evaluation/responses/${helios.id}/evidence/[0-9a-f-]{36}" download>`),
    );

    const moderation = await http()
      .get(`/cases/${caseId}/moderation`)
      .set(sessions.officer)
      .set('Accept', 'text/html')
      .expect(200);
    expect(moderation.text).toContain('Moderation of panel scores');
    expect(moderation.text).toContain('Consensus: 3 – Good');
  });
});
