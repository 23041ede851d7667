import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProviderInvitesService, ResponsesService } from '@probity/cases';
import { JobQueue } from '@probity/queue';
import { waitFor } from '@probity/testing';
import { BatchScoringService, EvaluationResultsService, ResponseScore } from '@probity/evaluation';
import { workerWithSubmissionsForSuite } from './support/worker-with-submissions';

/** The batched scoring job against real PostgreSQL, Redis and the worker, next to the one-response job. */
describe('batched scoring (real services)', () => {
  // Submitting queued one single scoring job per response; let them finish first.
  const world = workerWithSubmissionsForSuite(({ app, caseId }) =>
    waitFor(async () => (await app.get(EvaluationResultsService).progress(caseId)).scored === 3),
  );

  const scoreRows = () =>
    world.app
      .get(DataSource)
      .getRepository(ResponseScore)
      .find({ where: { caseId: world.caseId } });

  it('computes the very rows the single jobs stored (same keys: nothing new), and one bad response fails alone', async () => {
    const submitted = (await world.app.get(ResponsesService).responsesOf(world.caseId)).filter(
      (r) => r.status === 'submitted',
    );
    const { response: draft } = await world.app.get(ProviderInvitesService).inviteProvider(world.caseId, {
      organisationName: 'Late Provider Ltd',
      country: 'NL',
      legalIdentifiers: {},
      contactEmails: ['late@example.test'],
    });
    const before = await scoreRows();
    const missing = randomUUID();

    const result = await world.app
      .get(BatchScoringService)
      .scoreResponses([
        ...submitted.map((response) => ({ responseId: response.id, revision: response.revision })),
        { responseId: missing, revision: 1 },
        { responseId: draft.id, revision: draft.revision },
      ]);

    expect(result).toMatchObject({ scored: 3, created: 0, skipped: [], retry: [] });
    expect(result.failed).toEqual([
      { responseId: missing, revision: 1, reason: expect.stringMatching(/does not exist/) },
      { responseId: draft.id, revision: draft.revision, reason: expect.stringMatching(/is not submitted/) },
    ]);
    expect((await scoreRows()).map((row) => row.id).sort()).toEqual(before.map((row) => row.id).sort());
  });

  it('runs as a queued job through Redis and the worker, and a repeated batch adds nothing', async () => {
    const submitted = (await world.app.get(ResponsesService).responsesOf(world.caseId)).filter(
      (r) => r.status === 'submitted',
    );
    // A resubmitted revision has no score yet: reopen and resubmit one response, whose own single job is left to race.
    const [first] = submitted;
    await world.app.get(ResponsesService).reopen(first.id, 'Correcting a typo in the data-provenance answer.');
    const resubmitted = await world.app.get(ResponsesService).submit(first.id);
    const responses = [{ responseId: first.id, revision: resubmitted.revision }];
    await world.app.get(JobQueue).enqueue('scoring.score-responses', { responses }, { jobId: `batch-${first.id}` });
    await world.app
      .get(JobQueue)
      .enqueue('scoring.score-responses', { responses }, { jobId: `batch-again-${first.id}` });
    await waitFor(async () =>
      (await scoreRows()).some((row) => row.responseId === first.id && row.responseRevision === resubmitted.revision),
    );
    const again = await world.app.get(BatchScoringService).scoreResponses(responses);
    expect(again).toMatchObject({ scored: 1, created: 0, failed: [], retry: [] });
    const ofRevision = (await scoreRows()).filter(
      (row) => row.responseId === first.id && row.responseRevision === resubmitted.revision,
    );
    expect(ofRevision).toHaveLength(1);
  });
});
