import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProviderInvitesService, ResponsesService } from '@probity/cases';
import { JobQueue } from '@probity/queue';
import { waitFor } from '@probity/testing';
import { BatchScoringService, EvaluationResultsService, ResponseScore } from '@probity/evaluation';
import { workerWithSubmissions } from './support/worker-with-submissions';

/** The batched scoring job against real PostgreSQL, Redis and the worker, next to the one-response job. */
describe('batched scoring (real services)', () => {
  let world: Awaited<ReturnType<typeof workerWithSubmissions>>;
  let app: INestApplicationContext;
  let caseId: string;

  beforeAll(async () => {
    world = await workerWithSubmissions();
    ({ app, caseId } = world);
    // Submitting queued one single scoring job per response; let them finish first.
    await waitFor(async () => (await app.get(EvaluationResultsService).progress(caseId)).scored === 3);
  });

  afterAll(() => world?.close());

  const scoreRows = () => app.get(DataSource).getRepository(ResponseScore).find({ where: { caseId } });

  it('computes the very rows the single jobs stored (same keys: nothing new), and one bad response fails alone', async () => {
    const submitted = (await app.get(ResponsesService).responsesOf(caseId)).filter((r) => r.status === 'submitted');
    const { response: draft } = await app.get(ProviderInvitesService).inviteProvider(caseId, {
      organisationName: 'Late Provider Ltd',
      country: 'NL',
      legalIdentifiers: {},
      contactEmails: ['late@example.test'],
    });
    const before = await scoreRows();
    const missing = randomUUID();

    const result = await app
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
    const submitted = (await app.get(ResponsesService).responsesOf(caseId)).filter((r) => r.status === 'submitted');
    // A resubmitted revision has no score yet: reopen and resubmit one response, whose own single job is left to race.
    const [first] = submitted;
    await app.get(ResponsesService).reopen(first.id, 'Correcting a typo in the data-provenance answer.');
    const resubmitted = await app.get(ResponsesService).submit(first.id);
    const responses = [{ responseId: first.id, revision: resubmitted.revision }];
    await app.get(JobQueue).enqueue('scoring.score-responses', { responses }, { jobId: `batch-${first.id}` });
    await app.get(JobQueue).enqueue('scoring.score-responses', { responses }, { jobId: `batch-again-${first.id}` });
    await waitFor(async () =>
      (await scoreRows()).some((row) => row.responseId === first.id && row.responseRevision === resubmitted.revision),
    );
    const again = await app.get(BatchScoringService).scoreResponses(responses);
    expect(again).toMatchObject({ scored: 1, created: 0, failed: [], retry: [] });
    const ofRevision = (await scoreRows()).filter(
      (row) => row.responseId === first.id && row.responseRevision === resubmitted.revision,
    );
    expect(ofRevision).toHaveLength(1);
  });
});
