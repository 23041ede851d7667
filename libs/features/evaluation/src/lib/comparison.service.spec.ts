import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { ProcurementCase, ProviderResponse } from '@probity/cases';
import { aResponse, aStaffPrincipal } from '@probity/testing';
import type { StaffPrincipal } from '@probity/identity';
import { evaluationServiceDoubles, panelFixture } from './evaluation-doubles';

describe('ComparisonService (unit, mocked repositories)', () => {
  const NEW_WEIGHTS = {
    lawfulness: 30,
    'minimization-of-harm': 25,
    'human-autonomy': 15,
    fairness: 20,
    'good-governance': 10,
  };

  function withCase(overrides: Partial<ProcurementCase> = {}) {
    const fixture = panelFixture();
    const found = { ...fixture.found, ...overrides } as ProcurementCase;
    const doubles = evaluationServiceDoubles();
    doubles.cases.lockOfAgency.mockImplementation(async (agencyId: string, caseId: string) => {
      if (agencyId !== found.agencyId || caseId !== found.id) throw new NotFoundException('No such case.');
      return { ...found };
    });
    doubles.givenResponses(found, fixture.response);
    const officer = aStaffPrincipal({ agencyId: found.agencyId }) as StaffPrincipal;
    return { ...fixture, ...doubles, found, officer };
  }

  describe('changeWeights', () => {
    it('422s weights that do not add up to 100 before touching the case', async () => {
      const { comparison, found, officer, cases } = withCase();
      await expect(
        comparison.changeWeights(officer, found.id, { ...NEW_WEIGHTS, fairness: 90 }),
      ).rejects.toBeInstanceOf(UnprocessableEntityException);
      await expect(comparison.changeWeights(officer, found.id, NEW_WEIGHTS, 140)).rejects.toBeInstanceOf(
        UnprocessableEntityException,
      );
      expect(cases.lockOfAgency).not.toHaveBeenCalled();
    });

    it('404s a case of another agency', async () => {
      const { comparison, found } = withCase();
      const stranger = aStaffPrincipal() as StaffPrincipal;
      await expect(comparison.changeWeights(stranger, found.id, NEW_WEIGHTS)).rejects.toBeInstanceOf(NotFoundException);
    });

    it('409s locked weights and a finished case, saving nothing', async () => {
      const locked = withCase({ weightsLockedAt: new Date('2026-05-01T10:00:00Z'), weightsLockedBy: null });
      await expect(locked.comparison.changeWeights(locked.officer, locked.found.id, NEW_WEIGHTS)).rejects.toThrow(
        /locked on 2026-05-01T10:00:00.000Z when the dossier went to review/,
      );
      const signed = withCase({ status: 'signed_off' });
      await expect(
        signed.comparison.changeWeights(signed.officer, signed.found.id, NEW_WEIGHTS),
      ).rejects.toBeInstanceOf(ConflictException);
      expect(locked.cases.saveAwardCriteria).not.toHaveBeenCalled();
      expect(signed.cases.saveAwardCriteria).not.toHaveBeenCalled();
    });

    it('answers unchanged weights without saving, auditing or re-running anything', async () => {
      const { comparison, found, officer, cases, audit, outbox } = withCase();
      const change = await comparison.changeWeights(officer, found.id, { ...found.criteriaWeights });
      expect(change).toMatchObject({ changed: false, comparisonJobId: null });
      expect(cases.saveAwardCriteria).not.toHaveBeenCalled();
      expect(audit.recordChange).not.toHaveBeenCalled();
      expect(outbox.add).not.toHaveBeenCalled();
    });

    it('refuses new weights in evaluation (409): the method froze at the response deadline', async () => {
      const { comparison, found, officer, cases, outbox } = withCase();
      await expect(comparison.changeWeights(officer, found.id, NEW_WEIGHTS, 20)).rejects.toThrow(
        /The evaluation method froze when responses closed/,
      );
      expect(cases.saveAwardCriteria).not.toHaveBeenCalled();
      expect(outbox.add).not.toHaveBeenCalled();
    });
  });

  describe('recordPrice', () => {
    it('404s a response of another case', async () => {
      const { comparison, found, officer } = withCase({ priceWeight: 30 });
      await expect(comparison.recordPrice(officer, found.id, 'unknown', 100)).rejects.toBeInstanceOf(NotFoundException);
    });

    it('409s without a price criterion, outside closed/evaluation, and for an unsubmitted response', async () => {
      const none = withCase();
      await expect(none.comparison.recordPrice(none.officer, none.found.id, none.response.id, 100)).rejects.toThrow(
        /no price criterion/,
      );
      const open = withCase({ priceWeight: 30, status: 'open' });
      await expect(open.comparison.recordPrice(open.officer, open.found.id, open.response.id, 100)).rejects.toThrow(
        /after the case closes/,
      );
      const draft = withCase({ priceWeight: 30 });
      const unsubmitted = aResponse({ caseId: draft.found.id, status: 'in_progress' }) as unknown as ProviderResponse;
      draft.givenResponses(draft.found, unsubmitted);
      await expect(
        draft.comparison.recordPrice(draft.officer, draft.found.id, unsubmitted.id, 100),
      ).rejects.toBeInstanceOf(ConflictException);
      for (const { prices } of [none, open, draft]) expect(prices.upsert).not.toHaveBeenCalled();
    });

    it('records the price and queues a comparison keyed by the prices', async () => {
      const { comparison, found, officer, response, prices } = withCase({ priceWeight: 30 });
      prices.pricesOfCase.mockResolvedValue([{ responseId: response.id, amount: 1000 }]);
      const row = await comparison.recordPrice(officer, found.id, response.id, 1000);
      expect(prices.upsert).toHaveBeenCalledWith(
        expect.objectContaining({
          responseId: response.id,
          caseId: found.id,
          amount: 1000,
          recordedBy: officer.userId,
        }),
      );
      expect(row).toMatchObject({ amount: 1000, organisationName: response.organisationName });
      expect(row.comparisonJobId).toMatch(new RegExp(`^compare-${found.id}-w[0-9a-f]{16}-p[0-9a-f]{16}$`));
    });
  });

  it('locks the weights once and answers a second lock with the first', async () => {
    const { comparison, found, officer, cases } = withCase();
    const first = await comparison.lockWeights(officer, found.id);
    expect(first).toMatchObject({ lockedBy: officer.userId, alreadyLocked: false });
    expect(cases.saveAwardCriteria).toHaveBeenCalledWith(expect.objectContaining({ id: found.id }), {
      weightsLockedAt: first.lockedAt,
      weightsLockedBy: officer.userId,
    });
    cases.lockOfAgency.mockResolvedValue({
      ...found,
      weightsLockedAt: first.lockedAt,
      weightsLockedBy: officer.userId,
    });
    expect(await comparison.lockWeights(officer, found.id)).toMatchObject({ alreadyLocked: true });
    expect(cases.saveAwardCriteria).toHaveBeenCalledTimes(1);
  });
});
