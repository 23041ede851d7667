import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO_PROVIDERS, demoCase } from '@probity/demo';
import { moderationTests } from './evaluation-panel/moderation';
import { panelSteps, PanelWorld, startPanelWorld, WorkspaceAnswer } from './support/panel-world';
import { binary } from './support/pdf';

const PRICE = 1234567.89;

describe('evaluation panel over HTTP (real PostgreSQL and Redis)', () => {
  const world = {} as PanelWorld;
  const { http, panelUrl, workspaceOf, score } = panelSteps(world);

  beforeAll(async () => {
    Object.assign(world, await startPanelWorld());
  });

  afterAll(async () => {
    await world.e2e?.close();
  });

  it('shows no submission before a declaration (403 and a redirect to the form) and refuses non-members', async () => {
    const refused = await http().get(panelUrl('/responses')).set(world.sessions.eva).expect(403);
    expect(refused.body.message).toMatch(/Declare any conflict of interest/);
    await http()
      .get(panelUrl(`/responses/${world.northwindId}`))
      .set(world.sessions.eva)
      .expect(403);
    const page = await http()
      .get(`/cases/${world.caseId}/evaluation/responses/${world.northwindId}`)
      .set(world.sessions.eva)
      .set('Accept', 'text/html')
      .expect(303);
    expect(page.headers.location).toBe(`/cases/${world.caseId}/evaluation`);
    const form = await http()
      .get(`/cases/${world.caseId}/evaluation`)
      .set(world.sessions.eva)
      .set('Accept', 'text/html');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Declare any conflict of interest');
    expect(form.text).not.toContain('Northwind');

    const declaration = { hasConflict: false, statement: 'I have no conflict of interest.' };
    const notOnPanel = await http().post(panelUrl('/declaration')).set(world.sessions.outsider).send(declaration);
    expect(notOnPanel.status).toBe(403);
    expect(notOnPanel.body.message).toMatch(/not an evaluator on this case/);
    await http().post(panelUrl('/declaration')).set(world.sessions.legal).send(declaration).expect(403);
    await http().post(panelUrl('/declaration')).set(world.sessions.officer).send(declaration).expect(403);
  });

  it('answers 404 for another agency’s case, for evaluators and officers alike', async () => {
    const declaration = { hasConflict: false, statement: 'I have no conflict of interest.' };
    const foreign = await http()
      .post(panelUrl('/declaration'))
      .set(world.sessions.foreign)
      .send(declaration)
      .expect(404);
    expect(foreign.body.message).toBe('No such case.');
    await http().get(panelUrl('/responses')).set(world.sessions.foreign).expect(404);
    await http().get(panelUrl('/moderation')).set(world.sessions.foreignOfficer).expect(404);
    await http()
      .put(panelUrl(`/responses/${world.northwindId}/consensus/law_misuse`))
      .set(world.sessions.foreignOfficer)
      .send({ consensusScore: 2, reason: 'Not ours.' })
      .expect(404);
    const page = await http()
      .get(`/cases/${world.caseId}/moderation`)
      .set(world.sessions.foreignOfficer)
      .set('Accept', 'text/html');
    expect(page.status).toBe(404);
  });

  it('recuses an evaluator who declares a conflict, for good', async () => {
    await http()
      .post(panelUrl('/declaration'))
      .set(world.sessions.carl)
      .send({ hasConflict: true, statement: '   ' })
      .expect(400);
    const declared = await http()
      .post(panelUrl('/declaration'))
      .set(world.sessions.carl)
      .send({ hasConflict: true, statement: 'My sister works for Helios Forensic AI.' })
      .expect(201);
    expect(declared.body).toMatchObject({ hasConflict: true, access: 'recused' });
    const again = await http()
      .post(panelUrl('/declaration'))
      .set(world.sessions.carl)
      .send({ hasConflict: false, statement: 'Changed my mind.' })
      .expect(409);
    expect(again.body.message).toMatch(/already recorded/);
    const recused = await http().get(panelUrl('/responses')).set(world.sessions.carl).expect(403);
    expect(recused.body.message).toMatch(/recused/);
    await score('carl', 'law_misuse', { score: 2, justification: 'Should not count.' }).expect(403);
  });

  it('opens submissions to declared evaluators once the case is closed, without any price', async () => {
    for (const who of ['eva', 'ben'])
      await http()
        .post(panelUrl('/declaration'))
        .set(world.sessions[who])
        .send({ hasConflict: false, statement: 'I have no link with any provider.' })
        .expect(201);
    // While the case is open nothing is shown, so nobody scores before the deadline.
    expect((await http().get(panelUrl('/responses')).set(world.sessions.eva).expect(200)).body.responses).toEqual([]);
    await http()
      .get(panelUrl(`/responses/${world.northwindId}`))
      .set(world.sessions.eva)
      .expect(404);

    // The price criterion is added before the deadline: a published amendment of the method.
    await http()
      .put(`/api/v1/cases/${world.caseId}/weights`)
      .set(world.sessions.officer)
      .send({ weights: demoCase(new Date()).criteriaWeights, priceWeight: 30, reason: 'Price is an award criterion.' })
      .expect(200);
    for (const to of ['closed', 'evaluation'])
      await http()
        .post(`/api/v1/cases/${world.caseId}/transitions`)
        .set(world.sessions.officer)
        .send({ to })
        .expect(200);
    await http()
      .put(`/api/v1/cases/${world.caseId}/prices/${world.northwindId}`)
      .set(world.sessions.officer)
      .send({ amount: PRICE })
      .expect(200);

    const listed = await http().get(panelUrl('/responses')).set(world.sessions.eva).expect(200);
    expect(listed.body.responses.map((r: { organisationName: string }) => r.organisationName)).toEqual([
      'Blackbox Surveillance Ltd',
      'Helios Forensic AI',
      'Northwind Vision Analytics',
    ]);
    const raw = await http()
      .get(panelUrl(`/responses/${world.northwindId}`))
      .set(world.sessions.eva)
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
    const evidenceUrl = `/cases/${world.caseId}/evaluation/responses/${world.northwindId}/evidence/${workspace.evidence[0].id}`;
    const download = await http().get(evidenceUrl).set(world.sessions.eva).buffer(true).parse(binary).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(
      createHash('sha256')
        .update(download.body as Buffer)
        .digest('hex'),
    ).toBe(workspace.evidence[0].sha256);
    await http().get(evidenceUrl).set(world.sessions.carl).expect(403);
    await http().get(evidenceUrl).set(world.sessions.foreign).expect(404);
    expect(workspace.progress).toEqual({ scored: 0, total: workspace.questions.length });

    const [{ viewed }] = await world.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS viewed FROM audit_entries WHERE action = 'response.viewed' AND subject_id = $1 AND actor_id = $2`,
        [world.northwindId, world.users.eva],
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
      .post(panelUrl(`/responses/${world.northwindId}/submission`))
      .set(world.sessions.eva)
      .expect(400);
    expect(incomplete.body.missing).toEqual([last]);
    expect(incomplete.body.message).toContain(last);

    // Neither sees the other's scores before submitting.
    expect((await workspaceOf('eva')).questions.every((q) => q.others === null)).toBe(true);
    expect((await workspaceOf('ben')).questions.every((q) => q.others === null)).toBe(true);

    await score('eva', last, { score: 3, justification: 'Clear.' }).expect(200);
    await http()
      .post(panelUrl(`/responses/${world.northwindId}/submission`))
      .set(world.sessions.eva)
      .expect(200);
    const changed = await score('eva', first, { score: 4, justification: 'Second thoughts.' }).expect(409);
    expect(changed.body.message).toMatch(/submitted/);

    // Eva submitted, Ben has not: Ben still sees nothing of Eva's, and Eva sees no draft of Ben's.
    expect((await workspaceOf('ben')).questions.every((q) => q.others === null)).toBe(true);
    expect((await workspaceOf('eva')).questions.find((q) => q.questionName === first)!.others).toEqual([]);

    await score('ben', last, { score: 3, justification: 'Clear.' }).expect(200);
    await http()
      .post(panelUrl(`/responses/${world.northwindId}/submission`))
      .set(world.sessions.ben)
      .expect(200);
    const afterBoth = (await workspaceOf('ben')).questions.find((q) => q.questionName === first)!;
    expect(afterBoth.own?.score).toBe(4);
    expect(afterBoth.others).toEqual([
      { evaluator: 'Test eva', score: 1, justification: 'Vague; no concrete safeguards named.' },
    ]);
    const listed = await http().get(panelUrl('/responses')).set(world.sessions.eva).expect(200);
    expect(listed.body.responses.find((r: { responseId: string }) => r.responseId === world.northwindId)).toMatchObject(
      {
        scored: questions.length,
        questions: questions.length,
        submitted: true,
      },
    );
  });

  moderationTests(world, PRICE);
});
