import { ConflictException, NotFoundException } from '@nestjs/common';
import { aDeclaration, aPanelScore, aPanelSubmission, aResponse } from '@probity/testing';
import type { ProcurementCase, ProviderResponse } from '@probity/cases';
import { evaluationServiceDoubles, panelFixture } from './evaluation-doubles';

describe('ScoringWorkspaceService (unit, in-memory panel tables)', () => {
  function declaredDoubles(found: ProcurementCase, ...responses: ProviderResponse[]) {
    const doubles = evaluationServiceDoubles();
    doubles.givenResponses(found, ...responses);
    for (const member of found.panel)
      doubles.panelRepository.declarations.push(aDeclaration({ caseId: found.id, evaluatorId: member.userId }));
    return doubles;
  }

  describe('which response it opens (404)', () => {
    const { found, response, eva } = panelFixture();
    const unsubmitted = aResponse({ caseId: found.id, status: 'in_progress' }) as unknown as ProviderResponse;
    const ofAnotherCase = aResponse({ status: 'submitted' }) as unknown as ProviderResponse;

    it.each([
      ['an unsubmitted response', unsubmitted.id],
      ['a response of another case', ofAnotherCase.id],
      ['an unknown response', 'not-a-response'],
    ])('404s %s', async (_label, responseId) => {
      const { scoring, audit } = declaredDoubles(found, response, unsubmitted, ofAnotherCase);
      await expect(scoring.workspace(eva, found, responseId)).rejects.toBeInstanceOf(NotFoundException);
      await expect(scoring.recordScore(eva, found, responseId, 'purpose', 3, 'Fine.')).rejects.toBeInstanceOf(
        NotFoundException,
      );
      expect(audit.recordChange).not.toHaveBeenCalled();
    });

    it('404s a submission while the case is still open for responses, and lists nothing then', async () => {
      const open = { ...found, status: 'open' } as ProcurementCase;
      const { scoring } = declaredDoubles(open, response);
      expect(await scoring.responsesToEvaluate(eva, open)).toEqual([]);
      await expect(scoring.workspace(eva, open, response.id)).rejects.toBeInstanceOf(NotFoundException);
    });

    it('404s a question the panel does not score', async () => {
      const { scoring } = declaredDoubles(found, response);
      await expect(scoring.recordScore(eva, found, response.id, 'price', 3, 'Fine.')).rejects.toThrow(
        /not a question of this response/,
      );
    });
  });

  it.each(['dossier_review', 'signed_off'] as const)(
    '409s scores and submissions once the case is in %s, but still shows the workspace read-only',
    async (status) => {
      const { found, response, eva } = panelFixture(status);
      const { scoring, panelRepository } = declaredDoubles(found, response);
      await expect(scoring.recordScore(eva, found, response.id, 'purpose', 3, 'Fine.')).rejects.toBeInstanceOf(
        ConflictException,
      );
      await expect(scoring.submitScores(eva, found, response.id)).rejects.toThrow(/can no longer change/);
      expect(panelRepository.scores).toEqual([]);
      expect((await scoring.workspace(eva, found, response.id)).scoringOpen).toBe(false);
    },
  );

  it('records a score with its before and after in the audit trail, in one unit of work', async () => {
    const { found, response, eva } = panelFixture();
    const { scoring, audit, unitOfWork } = declaredDoubles(found, response);
    await scoring.recordScore(eva, found, response.id, 'purpose', 2, 'Partly documented.');
    await scoring.recordScore(eva, found, response.id, 'purpose', 3, 'Documented on a second reading.');
    expect(unitOfWork.run).toHaveBeenCalledTimes(2);
    expect(audit.recordChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: eva.userId }),
      expect.objectContaining({
        action: 'panel.score-recorded',
        before: { questionName: 'purpose', score: 2, justification: 'Partly documented.' },
        after: { questionName: 'purpose', score: 3, justification: 'Documented on a second reading.' },
      }),
    );
  });

  it('submits every judgement question at once and audits the submission only the first time', async () => {
    const { found, response, eva } = panelFixture();
    const { scoring, audit } = declaredDoubles(found, response);
    await scoring.recordScore(eva, found, response.id, 'purpose', 3, 'Clear.');
    await expect(scoring.submitScores(eva, found, response.id)).rejects.toThrow(/missing: audit_report/);
    await scoring.recordScore(eva, found, response.id, 'audit_report', 4, 'Independent and recent.');
    await scoring.submitScores(eva, found, response.id);
    await scoring.submitScores(eva, found, response.id);
    const submissions = audit.recordChange.mock.calls.filter(
      ([, change]) => change.action === 'panel.scores-submitted',
    );
    expect(submissions).toHaveLength(1);
    expect(submissions[0][1].after).toEqual({ questions: ['purpose', 'audit_report'] });
  });

  it('shows the workspace blind until the evaluator submitted, then only submitted scores of others by name', async () => {
    const { found, response, eva, ben, staff } = panelFixture();
    const doubles = declaredDoubles(found, response);
    doubles.identity.staffOfAgency.mockResolvedValue(staff);
    const entry = { caseId: found.id, responseId: response.id, questionName: 'purpose' };
    doubles.panelRepository.scores.push(
      aPanelScore({ ...entry, evaluatorId: eva.userId, score: 1 }),
      aPanelScore({ ...entry, evaluatorId: ben.userId, score: 4 }),
    );
    const blind = await doubles.scoring.workspace(eva, found, response.id);
    expect(blind.questions[0]).toMatchObject({ own: { score: 1 }, others: null, spread: null });
    expect(blind.progress).toEqual({ scored: 1, total: 2 });
    expect(doubles.responses.viewResponse).toHaveBeenCalledTimes(1);

    doubles.panelRepository.submissions.push(aPanelSubmission({ ...entry, evaluatorId: eva.userId }));
    const beforeBen = await doubles.scoring.workspace(eva, found, response.id, { audited: false });
    expect(beforeBen.questions[0].others).toEqual([]);
    expect(doubles.responses.viewResponse).toHaveBeenCalledTimes(1);

    doubles.panelRepository.submissions.push(aPanelSubmission({ ...entry, evaluatorId: ben.userId }));
    const after = await doubles.scoring.workspace(eva, found, response.id);
    expect(after.submitted).toBe(true);
    expect(after.questions[0].others).toEqual([
      { evaluator: 'Ben Evaluator', score: 4, justification: expect.any(String) },
    ]);
    expect(after.questions[0].spread).toMatchObject({ min: 1, max: 4 });
  });

  it('lists the submitted responses with the evaluator’s own progress', async () => {
    const { found, response, eva } = panelFixture('closed');
    const draft = aResponse({ caseId: found.id, status: 'in_progress' }) as unknown as ProviderResponse;
    const { scoring } = declaredDoubles(found, response, draft);
    await scoring.recordScore(eva, found, response.id, 'purpose', 3, 'Clear.');
    expect(await scoring.responsesToEvaluate(eva, found)).toEqual([
      expect.objectContaining({ responseId: response.id, questions: 2, scored: 1, submitted: false }),
    ]);
  });

  it('audits every opening of an evidence file of a submitted response', async () => {
    const { found, response, eva } = panelFixture();
    const { scoring, evidence, audit } = declaredDoubles(found, response);
    evidence.evidenceContent.mockResolvedValue({
      id: 'file-1',
      fileName: 'audit.pdf',
      sha256: 'abc',
      content: Buffer.from('%PDF'),
    });
    await scoring.evidenceFile(eva, found, response.id, 'file-1');
    expect(audit.recordChange).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        action: 'evidence.viewed',
        after: { evidenceId: 'file-1', fileName: 'audit.pdf', sha256: 'abc' },
      }),
    );
  });
});

describe('ConflictDeclarationsService (unit)', () => {
  it('records the declaration with its audit entry, and answers what it opens', async () => {
    const { found, eva, ben } = panelFixture('closed');
    const { declarations, audit } = evaluationServiceDoubles();
    expect(await declarations.access(found, eva)).toBe('declare-first');
    await declarations.declare(eva, found, false, 'No conflict of interest.');
    await declarations.declare(ben, found, true, 'My brother works for a bidder.');
    expect(await declarations.access(found, eva)).toBe('allowed');
    expect(await declarations.access(found, ben)).toBe('recused');
    expect(declarations.submissionsOpened(found)).toBe(true);
    expect(audit.recordChange).toHaveBeenCalledWith(
      expect.objectContaining({ id: ben.userId }),
      expect.objectContaining({
        action: 'panel.conflict-declared',
        after: { hasConflict: true, statement: 'My brother works for a bidder.' },
      }),
    );
    await expect(declarations.declare(eva, found, true, 'Changed my mind.')).rejects.toBeInstanceOf(ConflictException);
  });
});
