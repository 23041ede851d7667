import { EvidenceConfirmationService } from './evidence-confirmation.service';
import type { ProviderResponse, ResponsesService } from '@probity/cases';
import { JobFlow, JobQueue, SCORE_BATCH_MAX } from '@probity/queue';
import { aConsensusScore, aResponse, mockOf } from '@probity/testing';
import { InMemoryPanelRepository, panelFixture } from './evaluation-doubles';
import { EvaluationStartService } from './evaluation-start.service';
import type { EvaluatorInvitations } from './evaluator-invitations';
import type { PanelRepository } from './panel.repository';

describe('EvaluationStartService (unit)', () => {
  function doubles() {
    const fixture = panelFixture();
    const responses = mockOf<ResponsesService>('responsesOf');
    const jobs = mockOf<JobQueue>('enqueueFlow');
    const invitations = mockOf<EvaluatorInvitations>('queue');
    const panel = new InMemoryPanelRepository();
    responses.responsesOf.mockResolvedValue([fixture.response]);
    jobs.enqueueFlow.mockResolvedValue('flow-1');
    const confirmations = mockOf<EvidenceConfirmationService>('roundKeyOf');
    confirmations.roundKeyOf.mockResolvedValue([]);
    const start = new EvaluationStartService(
      responses as unknown as ResponsesService,
      panel as unknown as PanelRepository,
      jobs as unknown as JobQueue,
      invitations as unknown as EvaluatorInvitations,
      confirmations as unknown as EvidenceConfirmationService,
    );
    return { ...fixture, start, jobs, invitations, panel, responses };
  }

  it('invites the panel and scores the submitted responses in one batch before the comparison', async () => {
    const { start, found, response, jobs, invitations } = doubles();
    expect(await start.start(found.id)).toEqual({ flowId: 'flow-1' });
    expect(invitations.queue).toHaveBeenCalledWith(found.id);
    const [{ parent, children }] = jobs.enqueueFlow.mock.calls[0];
    expect(parent).toMatchObject({ name: 'scoring.compare-case', payload: { caseId: found.id } });
    expect(children).toEqual([
      expect.objectContaining({
        name: 'scoring.score-responses',
        payload: { responses: [{ responseId: response.id, revision: response.revision }] },
      }),
    ]);
  });

  it('splits many submitted responses into batches of at most SCORE_BATCH_MAX, leaving out unsubmitted ones', async () => {
    const { start, found, jobs, responses } = doubles();
    const many = (count: number, status: 'submitted' | 'in_progress') =>
      Array.from(
        { length: count },
        () => aResponse({ caseId: found.id, status, revision: 2 }) as unknown as ProviderResponse,
      );
    const submitted = many(SCORE_BATCH_MAX + 1, 'submitted');
    responses.responsesOf.mockResolvedValue([...many(3, 'in_progress'), ...submitted]);

    await start.start(found.id);
    const [{ children }] = jobs.enqueueFlow.mock.calls[0] as [JobFlow];
    expect(children.map((child) => child.name)).toEqual(['scoring.score-responses', 'scoring.score-responses']);
    const batched = children.flatMap(
      (child) => (child.payload as { responses: Array<{ responseId: string }> }).responses,
    );
    expect(children.map((child) => (child.payload as { responses: unknown[] }).responses.length)).toEqual([
      SCORE_BATCH_MAX,
      1,
    ]);
    expect(batched.map((entry) => entry.responseId).sort()).toEqual(submitted.map((r) => r.id).sort());

    // The same round in another order gets the same batches and job ids: a repeated start queues nothing new.
    responses.responsesOf.mockResolvedValue([...submitted].reverse());
    await start.start(found.id);
    const [{ children: again }] = jobs.enqueueFlow.mock.calls[1] as [JobFlow];
    expect(again).toEqual(children);
  });

  it('names a round by its consensus scores: the same set reuses the job ids, a new one does not', async () => {
    const { start, found, jobs, panel } = doubles();
    await start.start(found.id);
    await start.start(found.id);
    panel.consensus.push(aConsensusScore({ caseId: found.id }));
    await start.start(found.id);
    const ids = jobs.enqueueFlow.mock.calls.map(([flow]) => flow.parent.jobId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });
});
