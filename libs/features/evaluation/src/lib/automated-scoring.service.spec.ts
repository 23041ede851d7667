import { NotFoundException } from '@nestjs/common';
import type { ProcurementCase, ProviderResponse } from '@probity/cases';
import { InvalidJobPayloadError } from '@probity/queue';
import { aResponse } from '@probity/testing';
import { automatedScoringOver, panelFixture, scoringDoubles } from './evaluation-doubles';

describe('AutomatedScoringService (unit, mocked repositories)', () => {
  function doubles() {
    const fixture = panelFixture();
    const mocks = scoringDoubles();
    const { cases, responses, evidence, panel, results, prices, confirmations } = mocks;
    cases.getCase.mockImplementation(async (caseId: string) => {
      if (caseId !== fixture.found.id) throw new NotFoundException('No such case.');
      return fixture.found;
    });
    responses.getResponse.mockImplementation(async (id: string) => {
      if (id !== fixture.response.id) throw new NotFoundException('No such response.');
      return fixture.response;
    });
    responses.responsesOf.mockResolvedValue([fixture.response]);
    evidence.evidenceOf.mockResolvedValue([]);
    panel.consensusScores.mockResolvedValue({});
    results.insertScoreOnce.mockImplementation(async (score: { id: string }) => ({ id: score.id, created: true }));
    prices.pricesOfCase.mockResolvedValue([]);
    confirmations.verdictsOf.mockResolvedValue([]);
    const scoring = automatedScoringOver(mocks);
    return { ...fixture, scoring, cases, responses, results, panel };
  }

  it('fails for good on a response that does not exist or is not submitted', async () => {
    const { scoring, responses } = doubles();
    await expect(scoring.scoreResponse('missing', 1)).rejects.toBeInstanceOf(InvalidJobPayloadError);
    responses.getResponse.mockResolvedValue(aResponse({ status: 'in_progress' }) as unknown as ProviderResponse);
    await expect(scoring.scoreResponse('draft', 0)).rejects.toThrow(/is not submitted/);
  });

  it('skips a superseded revision without scoring it', async () => {
    const { scoring, response, results } = doubles();
    expect(await scoring.scoreResponse(response.id, response.revision + 1)).toEqual({
      skipped: `revision ${response.revision + 1} is superseded by ${response.revision}`,
    });
    expect(results.insertScoreOnce).not.toHaveBeenCalled();
  });

  it('stores one score per input: the consensus scores are part of the input hash', async () => {
    const { scoring, response, results, panel } = doubles();
    await scoring.scoreResponse(response.id, response.revision);
    panel.consensusScores.mockResolvedValue({ purpose: 3 });
    await scoring.scoreResponse(response.id, response.revision);
    const [[first], [second]] = results.insertScoreOnce.mock.calls;
    expect(first).toMatchObject({
      caseId: response.caseId,
      responseId: response.id,
      responseRevision: response.revision,
    });
    expect(second.inputHash).not.toBe(first.inputHash);
  });

  it('fails for good on an unknown case and retries (plain error) while a response is not scored yet', async () => {
    const { scoring, found } = doubles();
    await expect(scoring.compareCase('missing')).rejects.toBeInstanceOf(InvalidJobPayloadError);
    const pending = scoring.compareCase(found.id);
    await expect(pending).rejects.toThrow(/is not scored yet/);
    await expect(pending).rejects.not.toBeInstanceOf(InvalidJobPayloadError);
  });

  it('answers an existing comparison of the same inputs without computing it again', async () => {
    const { scoring, found, results } = doubles();
    results.latestScoreOfRevision.mockResolvedValue({
      id: 'score-1',
      sheet: {},
      findings: { rules: [], missingEvidence: [], evidence: [] },
    });
    results.comparisonWithHash.mockResolvedValue({ id: 'comparison-1' });
    expect(await scoring.compareCase((found as ProcurementCase).id)).toEqual({ comparisonId: 'comparison-1' });
    expect(results.insertComparisonOnce).not.toHaveBeenCalled();
  });
});
