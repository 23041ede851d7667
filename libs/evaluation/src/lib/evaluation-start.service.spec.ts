import type { ResponsesService } from '@probity/cases';
import type { JobQueue } from '@probity/queue';
import { aConsensusScore } from '@probity/testing';
import { InMemoryPanelRepository, mockOf, panelFixture } from './evaluation-doubles';
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
    const start = new EvaluationStartService(
      responses as unknown as ResponsesService,
      panel as unknown as PanelRepository,
      jobs as unknown as JobQueue,
      invitations as unknown as EvaluatorInvitations,
    );
    return { ...fixture, start, jobs, invitations, panel };
  }

  it('invites the panel and runs one scoring job per submitted response before the comparison', async () => {
    const { start, found, response, jobs, invitations } = doubles();
    expect(await start.start(found.id)).toEqual({ flowId: 'flow-1' });
    expect(invitations.queue).toHaveBeenCalledWith(found.id);
    const [{ parent, children }] = jobs.enqueueFlow.mock.calls[0];
    expect(parent).toMatchObject({ name: 'scoring.compare-case', payload: { caseId: found.id } });
    expect(children).toEqual([
      expect.objectContaining({
        name: 'scoring.score-response',
        payload: { responseId: response.id, revision: response.revision },
      }),
    ]);
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
