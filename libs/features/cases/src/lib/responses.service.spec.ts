import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { aCase, aResponse } from '@probity/testing';
import { AnswerValidationException } from './responses.service';
import { casesServiceDoubles } from './service-doubles';

describe('ResponsesService (unit, mocked repositories)', () => {
  const procurementCase = aCase({ status: 'open' });
  const inProgress = aResponse({ caseId: procurementCase.id, status: 'in_progress', revision: 3 });

  describe('saveAnswers', () => {
    it('merges the changes, removes answers set to null, bumps the revision and records the change', async () => {
      const doubles = casesServiceDoubles();
      doubles.given(procurementCase, { ...inProgress, answers: { purpose: 'Old text' } });
      const saved = await doubles.responses.saveAnswers(inProgress.id, { purpose: 'Search footage' }, 3);
      expect(saved).toMatchObject({ revision: 4, status: 'in_progress', answers: { purpose: 'Search footage' } });
      expect(doubles.audit.recordChange).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({
          action: 'response.answers-saved',
          agencyId: procurementCase.agencyId,
          before: { revision: 3, answers: { purpose: 'Old text' } },
        }),
      );

      doubles.given(procurementCase, { ...inProgress, answers: { purpose: 'Old text' } });
      expect((await doubles.responses.saveAnswers(inProgress.id, { purpose: null }, 3)).answers).toEqual({});
    });

    it('404s an unknown response', async () => {
      const doubles = casesServiceDoubles();
      doubles.responseRepository.lockForUpdate.mockResolvedValue(null);
      await expect(doubles.responses.saveAnswers('missing', {}, 0)).rejects.toBeInstanceOf(NotFoundException);
    });

    it('409s a submitted response, a case not open, and a stale revision with the current state', async () => {
      const submitted = casesServiceDoubles();
      submitted.given(procurementCase, { ...inProgress, status: 'submitted' });
      await expect(submitted.responses.saveAnswers(inProgress.id, {}, 3)).rejects.toThrow('answers are frozen');

      const closed = casesServiceDoubles();
      closed.given({ ...procurementCase, status: 'closed' }, inProgress);
      await expect(closed.responses.saveAnswers(inProgress.id, {}, 3)).rejects.toThrow('not open for responses');

      const stale = casesServiceDoubles();
      stale.given(procurementCase, inProgress);
      const conflict = await stale.responses.saveAnswers(inProgress.id, {}, 2).catch((error: unknown) => error);
      expect(conflict).toBeInstanceOf(ConflictException);
      expect((conflict as ConflictException).getResponse()).toMatchObject({ current: { revision: 3 } });
      expect(stale.responseRepository.save).not.toHaveBeenCalled();
    });

    it('422s an answer to a question the questionnaire does not have', async () => {
      const doubles = casesServiceDoubles();
      doubles.given(procurementCase, inProgress);
      await expect(doubles.responses.saveAnswers(inProgress.id, { no_such_question: 'x' }, 3)).rejects.toBeInstanceOf(
        AnswerValidationException,
      );
    });
  });

  describe('submit', () => {
    it('freezes the answers and queues scoring in the same unit of work', async () => {
      const doubles = casesServiceDoubles();
      doubles.given(procurementCase, { ...inProgress, answers: { purpose: 'Search footage' } });
      const submitted = await doubles.responses.submit(inProgress.id);
      expect(submitted.status).toBe('submitted');
      expect(submitted.submissionHash).toMatch(/^[0-9a-f]{64}$/);
      expect(doubles.outbox.add).toHaveBeenCalledWith(
        'scoring.score-response',
        { responseId: inProgress.id, revision: 3 },
        { jobId: `score-${inProgress.id}-r3` },
      );
      // The job joins the open unit of work: it commits with the submission or not at all.
      expect(doubles.jobsOutsideUnitOfWork).toEqual([]);
    });

    it('422s a response missing a required answer and 409s one already submitted', async () => {
      const incomplete = casesServiceDoubles();
      incomplete.given(procurementCase, inProgress);
      await expect(incomplete.responses.submit(inProgress.id)).rejects.toBeInstanceOf(AnswerValidationException);
      expect(incomplete.outbox.add).not.toHaveBeenCalled();

      const again = casesServiceDoubles();
      again.given(procurementCase, { ...inProgress, status: 'submitted' });
      await expect(again.responses.submit(inProgress.id)).rejects.toThrow('already submitted');
    });
  });

  describe('reopen', () => {
    it('422s without a reason, 409s a response that is not submitted, reopens a submitted one', async () => {
      const doubles = casesServiceDoubles();
      await expect(doubles.responses.reopen(inProgress.id, '  ')).rejects.toBeInstanceOf(UnprocessableEntityException);

      doubles.given(procurementCase, inProgress);
      await expect(doubles.responses.reopen(inProgress.id, 'Typo in pricing')).rejects.toBeInstanceOf(
        ConflictException,
      );

      doubles.given(procurementCase, { ...inProgress, status: 'submitted', submissionHash: 'abc' });
      const reopened = await doubles.responses.reopen(inProgress.id, 'Typo in pricing');
      expect(reopened).toMatchObject({ status: 'in_progress', submissionHash: null, revision: 4 });
    });
  });

  describe('responseOfAgency', () => {
    it('404s a malformed id without touching the database, and another agency’s response', async () => {
      const doubles = casesServiceDoubles();
      await expect(doubles.responses.responseOfAgency(procurementCase.agencyId, 'not-a-uuid')).rejects.toBeInstanceOf(
        NotFoundException,
      );
      expect(doubles.responseRepository.findOfAgency).not.toHaveBeenCalled();
      doubles.responseRepository.findOfAgency.mockResolvedValue(null);
      await expect(doubles.responses.responseOfAgency(procurementCase.agencyId, inProgress.id)).rejects.toBeInstanceOf(
        NotFoundException,
      );
    });
  });
});
