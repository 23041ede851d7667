import { NotFoundException } from '@nestjs/common';
import type { ProcurementCase, ProviderResponse } from '@probity/cases';
import { aResponse, overDoubles } from '@probity/testing';
import { BatchScoringService } from './batch-scoring.service';
import { automatedScoringOver, panelFixture, scoringDoubles } from './evaluation-doubles';
import { ScoreResponsesJob } from './score-responses.job';

describe('BatchScoringService (unit, mocked repositories)', () => {
  function doubles() {
    const fixture = panelFixture();
    const second = aResponse({
      caseId: fixture.found.id,
      status: 'submitted',
      submittedAt: new Date(),
      answers: fixture.response.answers,
    }) as unknown as ProviderResponse;
    const draft = aResponse({ caseId: fixture.found.id, status: 'in_progress' }) as unknown as ProviderResponse;
    const orphan = aResponse({ caseId: 'a-case-that-fails', status: 'submitted' }) as unknown as ProviderResponse;
    const all = [fixture.response, second, draft, orphan];

    const mocks = scoringDoubles();
    const { cases, responses, evidence, panel, confirmations, results } = mocks;
    cases.getCase.mockImplementation(async (caseId: string) => {
      if (caseId === fixture.found.id) return fixture.found;
      throw new Error('connection reset while reading the case');
    });
    responses.getResponses.mockImplementation(async (ids: string[]) => all.filter((r) => ids.includes(r.id)));
    responses.getResponse.mockImplementation(async (id: string) => {
      const found = all.find((r) => r.id === id);
      if (!found) throw new NotFoundException('No such response.');
      return found;
    });
    const secondFiles = [
      { responseId: second.id, questionName: 'purpose', fileName: 'dpia.pdf', sha256: 'a'.repeat(64) },
    ];
    evidence.evidenceOfResponses.mockResolvedValue(new Map([[second.id, secondFiles]]));
    evidence.evidenceOf.mockImplementation(async (id: string) => (id === second.id ? secondFiles : []));
    panel.consensusScoresOf.mockResolvedValue(new Map([[fixture.response.id, { purpose: 3 }]]));
    panel.consensusScores.mockImplementation(async (id: string) => (id === fixture.response.id ? { purpose: 3 } : {}));
    confirmations.verdictsOfResponses.mockResolvedValue(new Map());
    confirmations.verdictsOf.mockResolvedValue([]);
    results.insertScoresOnce.mockImplementation(async (rows: unknown[]) => rows.length);
    results.insertScoreOnce.mockImplementation(async (row: { id: string }) => ({ id: row.id, created: true }));

    const batch = overDoubles(BatchScoringService, cases, responses, evidence, panel, confirmations, results);
    const single = automatedScoringOver(mocks);
    return {
      ...fixture,
      second,
      draft,
      orphan,
      batch,
      single,
      responses,
      evidence,
      panel,
      confirmations,
      results,
      cases,
    };
  }

  it('reads each input once for the whole batch and stores every sheet with one insert', async () => {
    const { batch, response, second, responses, evidence, panel, confirmations, results } = doubles();
    const outcome = await batch.scoreResponses([
      { responseId: response.id, revision: response.revision },
      { responseId: second.id, revision: second.revision },
    ]);
    expect(outcome).toMatchObject({ scored: 2, created: 2, skipped: [], failed: [], retry: [] });
    for (const read of [
      responses.getResponses,
      evidence.evidenceOfResponses,
      panel.consensusScoresOf,
      confirmations.verdictsOfResponses,
    ]) {
      expect(read).toHaveBeenCalledTimes(1);
      expect(read).toHaveBeenCalledWith([response.id, second.id]);
    }
    expect(results.insertScoresOnce).toHaveBeenCalledTimes(1);
    const [rows] = results.insertScoresOnce.mock.calls[0];
    expect(rows.map((row: { responseId: string }) => row.responseId)).toEqual([response.id, second.id]);
  });

  it('computes exactly the row the single scoring job computes (same key and sheet)', async () => {
    const { batch, single, response, second, results } = doubles();
    const requested = [response, second].map((r) => ({ responseId: r.id, revision: r.revision }));
    await batch.scoreResponses(requested);
    for (const r of requested) await single.scoreResponse(r.responseId, r.revision);
    const batched = results.insertScoresOnce.mock.calls[0][0] as Array<Record<string, unknown>>;
    const singles = results.insertScoreOnce.mock.calls.map(([row]) => row as Record<string, unknown>);
    const withoutId = ({ id: _id, ...row }: Record<string, unknown>) => row;
    expect(batched.map(withoutId)).toEqual(singles.map(withoutId));
    // The evidence and the consensus score each reached their own response's input hash.
    expect(batched[0].inputHash).not.toBe(batched[1].inputHash);
  });

  it('lets one bad response fail alone: the others are stored, each failure says why', async () => {
    const { batch, response, second, draft, orphan, results } = doubles();
    const outcome = await batch.scoreResponses([
      { responseId: response.id, revision: response.revision },
      { responseId: '6c1ad9f6-9f39-4c4f-a1a0-2f4f3f1e0c55', revision: 1 },
      { responseId: draft.id, revision: draft.revision },
      { responseId: second.id, revision: second.revision + 1 },
      { responseId: orphan.id, revision: orphan.revision },
    ]);
    expect(outcome.scored).toBe(1);
    expect(results.insertScoresOnce.mock.calls[0][0].map((row: { responseId: string }) => row.responseId)).toEqual([
      response.id,
    ]);
    expect(outcome.failed.map((entry) => entry.reason)).toEqual([
      expect.stringMatching(/does not exist/),
      expect.stringMatching(/is not submitted/),
    ]);
    expect(outcome.skipped).toEqual([
      { responseId: second.id, revision: second.revision + 1, reason: expect.stringMatching(/superseded/) },
    ]);
    expect(outcome.retry).toEqual([
      { responseId: orphan.id, revision: orphan.revision, reason: 'connection reset while reading the case' },
    ]);
  });

  it('job: answers the result, and fails (to be retried) only after storing the rest when a response may succeed later', async () => {
    const { batch, response, orphan, results } = doubles();
    const job = new ScoreResponsesJob(batch);
    await expect(
      job.handle({ responses: [{ responseId: response.id, revision: response.revision }] }),
    ).resolves.toMatchObject({
      scored: 1,
    });
    await expect(
      job.handle({
        responses: [
          { responseId: response.id, revision: response.revision },
          { responseId: orphan.id, revision: orphan.revision },
        ],
      }),
    ).rejects.toThrow(`scoring failed for ${orphan.id}: connection reset while reading the case`);
    expect(results.insertScoresOnce).toHaveBeenCalledTimes(2);
    expect((results.insertScoresOnce.mock.calls[1][0] as unknown[]).length).toBe(1);
  });

  it('reads a case once for all of its responses in the batch', async () => {
    const { batch, response, second, cases, found } = doubles();
    await batch.scoreResponses([
      { responseId: response.id, revision: response.revision },
      { responseId: second.id, revision: second.revision },
    ]);
    expect(cases.getCase).toHaveBeenCalledTimes(1);
    expect(cases.getCase).toHaveBeenCalledWith((found as ProcurementCase).id);
  });
});
