import { DataSource } from 'typeorm';
import { ResponsesService } from '@probity/cases';
import { DossierInputSource } from '@probity/dossier';
import type { Comparison } from '@probity/scoring';
import { waitFor } from '@probity/testing';
import { panelSteps, PanelWorld } from '../support/panel-world';

/**
 * The last steps of test/evaluation-panel.e2e-spec.ts, run in its one app once every evaluator has scored:
 * moderation and consensus, re-scoring with it, and the evaluator's and officer's pages.
 */
export function moderationTests(world: PanelWorld, PRICE: number): void {
  const { http, panelUrl } = panelSteps(world);

  it('lets the officer moderate: spread per question, large disagreements flagged, consensus recorded once', async () => {
    await http().get(panelUrl('/moderation')).set(world.sessions.eva).expect(403);
    const view = (await http().get(panelUrl('/moderation')).set(world.sessions.officer).expect(200)).body;
    expect(view.panel.map((m: { name: string; declaration: string }) => [m.name, m.declaration])).toEqual([
      ['Test eva', 'no-conflict'],
      ['Test ben', 'no-conflict'],
      ['Test carl', 'conflict'],
    ]);
    const northwind = view.responses.find((r: { responseId: string }) => r.responseId === world.northwindId);
    expect(northwind.submittedBy).toBe(2);
    const [first, second] = northwind.questions;
    expect(first).toMatchObject({ spread: { min: 1, max: 4, spread: 3 }, needsDiscussion: true, consensus: null });
    expect(second).toMatchObject({ spread: { min: 2, max: 3, spread: 1 }, needsDiscussion: false });

    const consensus = (body: object, question = first.questionName) =>
      http()
        .put(panelUrl(`/responses/${world.northwindId}/consensus/${question}`))
        .set(world.sessions.officer)
        .send(body);
    await consensus({ consensusScore: 3 }).expect(400);
    await consensus({ consensusScore: 3, reason: ' ' }).expect(400);
    await http()
      .put(panelUrl(`/responses/${world.northwindId}/consensus/${first.questionName}`))
      .set(world.sessions.eva)
      .send({ consensusScore: 3, reason: 'Evaluators cannot moderate.' })
      .expect(403);
    const recorded = await consensus({
      consensusScore: 3,
      reason: 'Discussed: the safeguards are listed, but the audit is internal only.',
    }).expect(200);
    expect(recorded.body).toMatchObject({
      consensusScore: 3,
      evaluationJobId: expect.stringMatching(new RegExp(`^evaluation-${world.caseId}-m[0-9a-f]{16}$`)),
    });
    await consensus({ consensusScore: 2, reason: 'Again.' }).expect(409);
    await consensus({ consensusScore: 2, reason: 'Agreed at the panel meeting.' }, second.questionName).expect(200);

    const after = (await http().get(panelUrl('/moderation')).set(world.sessions.officer).expect(200)).body;
    const moderated = after.responses.find((r: { responseId: string }) => r.responseId === world.northwindId)
      .questions[0];
    expect(moderated).toMatchObject({ needsDiscussion: false, consensus: { score: 3, moderatedBy: 'Test officer' } });
  });

  it('re-scores with the consensus scores: they reach the comparison and the dossier input', async () => {
    const view = (await http().get(panelUrl('/moderation')).set(world.sessions.officer).expect(200)).body;
    const northwind = view.responses.find((r: { responseId: string }) => r.responseId === world.northwindId);
    const [first, second] = northwind.questions.map((q: { questionName: string }) => q.questionName);
    const comparison = await waitFor(async () => {
      const answer = await http()
        .get(`/api/v1/cases/${world.caseId}/comparison`)
        .set(world.sessions.officer)
        .expect(200);
      if (answer.body.status !== 'ready') return null;
      const stored = answer.body.comparison as Comparison;
      const provider = [...stored.ranked, ...stored.unscored, ...stored.disqualified].find(
        (p) => p.providerId === world.northwindId,
      ) as { awaitingPanel?: string[] } | undefined;
      const settled = provider?.awaitingPanel && ![first, second].some((q) => provider.awaitingPanel!.includes(q));
      return settled ? stored : null;
    }, 60000);
    const provider = comparison.ranked.find((p) => p.providerId === world.northwindId)!;
    expect(provider.awaitingPanel).not.toContain(second);

    const input = await world.app.get(DossierInputSource).inputFor(world.caseId);
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

    const audited: Array<{ action: string; actorId: string; subjectId: string }> = await world.app
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
    expect(consensusEntry).toMatchObject({ actorId: world.users.officer, subjectId: world.northwindId });
  });

  it('renders the evaluator and officer pages with the scale, progress and the disagreement flag', async () => {
    const list = await http().get('/evaluations').set(world.sessions.eva).set('Accept', 'text/html').expect(200);
    expect(list.text).toContain(`href="/cases/${world.caseId}/evaluation"`);
    expect(list.text).toContain('href="/evaluations"');
    const detail = await http()
      .get(`/cases/${world.caseId}`)
      .set(world.sessions.eva)
      .set('Accept', 'text/html')
      .expect(200);
    expect(detail.text).toContain(`href="/cases/${world.caseId}/evaluation"`);
    const officerDetail = await http()
      .get(`/cases/${world.caseId}`)
      .set(world.sessions.officer)
      .set('Accept', 'text/html');
    expect(officerDetail.text).toContain(`href="/cases/${world.caseId}/moderation"`);

    const helios = (await world.app.get(ResponsesService).responsesOf(world.caseId)).find(
      (r) => r.organisationName === 'Helios Forensic AI',
    )!;
    const workspace = await http()
      .get(`/cases/${world.caseId}/evaluation/responses/${helios.id}`)
      .set(world.sessions.eva)
      .set('Accept', 'text/html')
      .expect(200);
    expect(workspace.text).toContain('Question 1 of');
    expect(workspace.text).toContain('4 – Excellent');
    expect(workspace.text).toContain('<progress id="scoring-progress"');
    expect(workspace.text).not.toContain(String(PRICE));
    expect(workspace.text).toMatch(
      new RegExp(`<a href="/cases/${world.caseId}/evaluation/responses/${helios.id}/evidence/[0-9a-f-]{36}" download>`),
    );

    const moderation = await http()
      .get(`/cases/${world.caseId}/moderation`)
      .set(world.sessions.officer)
      .set('Accept', 'text/html')
      .expect(200);
    expect(moderation.text).toContain('Moderation of panel scores');
    expect(moderation.text).toContain('Consensus: 3 – Good');
  });
}
