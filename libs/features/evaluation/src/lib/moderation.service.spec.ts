import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { ProcurementCase } from '@probity/cases';
import { aConsensusScore, aDeclaration, aPanelScore, aPanelSubmission } from '@probity/testing';
import { evaluationServiceDoubles, panelFixture } from './evaluation-doubles';

describe('ModerationService (unit, in-memory panel tables)', () => {
  /** Eva and Ben scored the free-text question 1 and 4; only those in `submitted` have submitted. */
  function scored(status: ProcurementCase['status'], submitted: Array<'eva' | 'ben'>) {
    const fixture = panelFixture(status as never);
    const doubles = evaluationServiceDoubles();
    doubles.givenResponses(fixture.found, fixture.response);
    doubles.identity.staffOfAgency.mockResolvedValue(fixture.staff);
    const { found, response } = fixture;
    const entry = { caseId: found.id, responseId: response.id };
    for (const [who, value] of [
      ['eva', 1],
      ['ben', 4],
    ] as const) {
      const evaluatorId = fixture[who].userId;
      doubles.panelRepository.declarations.push(aDeclaration({ caseId: found.id, evaluatorId }));
      doubles.panelRepository.scores.push(
        aPanelScore({ ...entry, evaluatorId, questionName: 'purpose', score: value }),
      );
      if (submitted.includes(who))
        doubles.panelRepository.submissions.push(aPanelSubmission({ ...entry, evaluatorId }));
    }
    return { ...fixture, ...doubles };
  }

  it('422s a consensus before any evaluator submitted a score for the question', async () => {
    const { moderation, found, response, officer, panelRepository } = scored('evaluation', []);
    await expect(moderation.moderate(officer, found, response.id, 'purpose', 2, 'Agreed.')).rejects.toBeInstanceOf(
      UnprocessableEntityException,
    );
    expect(panelRepository.consensus).toEqual([]);
  });

  it('404s a question the panel does not score, 409s once the case left evaluation', async () => {
    const inEvaluation = scored('evaluation', ['eva']);
    await expect(
      inEvaluation.moderation.moderate(
        inEvaluation.officer,
        inEvaluation.found,
        inEvaluation.response.id,
        'nope',
        2,
        'x',
      ),
    ).rejects.toBeInstanceOf(NotFoundException);
    const inReview = scored('dossier_review', ['eva']);
    await expect(
      inReview.moderation.moderate(inReview.officer, inReview.found, inReview.response.id, 'purpose', 2, 'Agreed.'),
    ).rejects.toBeInstanceOf(ConflictException);
  });

  it('records the consensus with the submitted panel scores and queues a re-scoring keyed by every consensus', async () => {
    const { moderation, found, response, officer, audit, outbox, transaction, panelRepository } = scored('evaluation', [
      'eva',
    ]);
    panelRepository.consensus.push(
      aConsensusScore({ caseId: found.id, responseId: 'other', questionName: 'purpose', consensusScore: 3 }),
    );
    const moderated = await moderation.moderate(
      officer,
      found,
      response.id,
      'purpose',
      2,
      ' Agreed after discussion. ',
    );
    expect(moderated).toMatchObject({ consensusScore: 2, reason: 'Agreed after discussion.' });
    expect(moderated.evaluationJobId).toMatch(new RegExp(`^evaluation-${found.id}-m[0-9a-f]{16}$`));
    expect(outbox.add).toHaveBeenCalledWith(
      transaction,
      'evaluation.start',
      { caseId: found.id },
      {
        jobId: moderated.evaluationJobId,
      },
    );
    expect(audit.recordChange).toHaveBeenCalledWith(
      expect.objectContaining({ id: officer.userId }),
      expect.objectContaining({
        action: 'panel.consensus-recorded',
        // Ben's score is a draft until he submits it: it is not part of the record.
        after: expect.objectContaining({ panelScores: [{ evaluatorId: expect.any(String), score: 1 }] }),
      }),
    );
    await expect(moderation.moderate(officer, found, response.id, 'purpose', 3, 'Again.')).rejects.toBeInstanceOf(
      ConflictException,
    );
  });

  it('queues nothing while the case is closed but not yet in evaluation', async () => {
    const { moderation, found, response, officer, outbox } = scored('closed', ['eva']);
    const moderated = await moderation.moderate(officer, found, response.id, 'purpose', 2, 'Agreed.');
    expect(moderated.evaluationJobId).toBeNull();
    expect(outbox.add).not.toHaveBeenCalled();
  });

  it('shows the panel’s declarations and flags a large spread of submitted scores for discussion', async () => {
    const { moderation, found, officer } = scored('evaluation', ['eva', 'ben']);
    const view = await moderation.moderation(officer, found);
    expect(view.scoringOpen).toBe(true);
    expect(view.panel.map((member) => [member.name, member.declaration, member.submittedResponses])).toEqual([
      ['Eva Evaluator', 'no-conflict', 1],
      ['Ben Evaluator', 'no-conflict', 1],
    ]);
    const [purpose] = view.responses[0].questions;
    expect(purpose).toMatchObject({ questionName: 'purpose', needsDiscussion: true, consensus: null });
    expect(purpose.scores.map((s) => [s.evaluator, s.score])).toEqual([
      ['Eva Evaluator', 1],
      ['Ben Evaluator', 4],
    ]);
  });
});
