import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { aDeclaration } from '@probity/testing';
import { evaluationServiceDoubles, panelFixture } from './evaluation-doubles';

describe('PanelService (unit, in-memory panel tables)', () => {
  const { found, response, eva, ben, officer } = panelFixture();
  const score = (value: number, justification = 'Documented method.') => ({
    questionName: 'purpose',
    score: value,
    justification,
  });

  it('422s a declaration without a statement and 409s a second declaration', async () => {
    const { panel } = evaluationServiceDoubles();
    await expect(panel.declareConflict(found.id, eva.userId, false, '   ')).rejects.toBeInstanceOf(
      UnprocessableEntityException,
    );
    const declared = await panel.declareConflict(found.id, eva.userId, false, '  No conflict.  ');
    expect(declared).toMatchObject({ hasConflict: false, statement: 'No conflict.' });
    await expect(panel.declareConflict(found.id, eva.userId, true, 'Changed my mind.')).rejects.toBeInstanceOf(
      ConflictException,
    );
  });

  it('403s scoring before a declaration and after a declared conflict', async () => {
    const { panel, panelRepository } = evaluationServiceDoubles();
    await expect(panel.recordScore(found.id, response.id, eva.userId, score(3))).rejects.toThrow(
      /Declare any conflict/,
    );
    panelRepository.declarations.push(aDeclaration({ caseId: found.id, evaluatorId: ben.userId, hasConflict: true }));
    const recused = panel.recordScore(found.id, response.id, ben.userId, score(3));
    await expect(recused).rejects.toBeInstanceOf(ForbiddenException);
    await expect(recused).rejects.toThrow(/recused/);
    expect(panelRepository.scores).toEqual([]);
  });

  it('422s a score off the 0–4 scale, 400s a missing justification, 409s a change after submitting', async () => {
    const { panel, panelRepository } = evaluationServiceDoubles();
    panelRepository.declarations.push(aDeclaration({ caseId: found.id, evaluatorId: eva.userId }));
    await expect(panel.recordScore(found.id, response.id, eva.userId, score(5))).rejects.toBeInstanceOf(
      UnprocessableEntityException,
    );
    await expect(panel.recordScore(found.id, response.id, eva.userId, score(2.5))).rejects.toBeInstanceOf(
      UnprocessableEntityException,
    );
    await expect(panel.recordScore(found.id, response.id, eva.userId, score(2, ' '))).rejects.toBeInstanceOf(
      BadRequestException,
    );
    await panel.recordScore(found.id, response.id, eva.userId, score(1));
    await panel.recordScore(found.id, response.id, eva.userId, score(2, '  Changed on reflection. '));
    expect(panelRepository.scores).toEqual([
      expect.objectContaining({ score: 2, justification: 'Changed on reflection.' }),
    ]);
    await panel.submitScores(found.id, response.id, eva.userId, ['purpose']);
    await expect(panel.recordScore(found.id, response.id, eva.userId, score(4))).rejects.toBeInstanceOf(
      ConflictException,
    );
  });

  it('400s a submission naming the unscored questions, and submits once', async () => {
    const { panel, panelRepository } = evaluationServiceDoubles();
    panelRepository.declarations.push(aDeclaration({ caseId: found.id, evaluatorId: eva.userId }));
    await panel.recordScore(found.id, response.id, eva.userId, score(3));
    const incomplete = await panel
      .submitScores(found.id, response.id, eva.userId, ['purpose', 'audit_report'])
      .catch((error: unknown) => error);
    expect(incomplete).toBeInstanceOf(BadRequestException);
    expect((incomplete as BadRequestException).getResponse()).toMatchObject({ missing: ['audit_report'] });
    const first = await panel.submitScores(found.id, response.id, eva.userId, ['purpose']);
    const again = await panel.submitScores(found.id, response.id, eva.userId, ['purpose']);
    expect(again).toBe(first);
    expect(panelRepository.submissions).toHaveLength(1);
  });

  it('hides other evaluators’ scores until the viewer submitted, but not from the moderator', async () => {
    const { panel, panelRepository } = evaluationServiceDoubles();
    for (const evaluator of [eva, ben])
      panelRepository.declarations.push(aDeclaration({ caseId: found.id, evaluatorId: evaluator.userId }));
    await panel.recordScore(found.id, response.id, eva.userId, score(1));
    await panel.recordScore(found.id, response.id, ben.userId, score(4));
    const [blind] = await panel.view(response.id, eva.userId, false);
    expect(blind).toMatchObject({ own: { score: 1 }, others: null, spread: null });
    const [moderator] = await panel.view(response.id, officer.userId, true);
    expect(moderator.others?.map((entry) => entry.score).sort()).toEqual([1, 4]);
    await panel.submitScores(found.id, response.id, eva.userId, ['purpose']);
    const [seen] = await panel.view(response.id, eva.userId, false);
    expect(seen.others?.map((entry) => entry.score)).toEqual([4]);
    expect(seen.spread).toMatchObject({ min: 1, max: 4, largeDisagreement: true });
  });

  it('422s a consensus off the scale or without a reason, 409s a second one, and reports it for scoring', async () => {
    const { panel } = evaluationServiceDoubles();
    await expect(panel.moderate(found.id, response.id, officer.userId, 'purpose', 7, 'Agreed.')).rejects.toBeInstanceOf(
      UnprocessableEntityException,
    );
    await expect(panel.moderate(found.id, response.id, officer.userId, 'purpose', 2, ' ')).rejects.toBeInstanceOf(
      UnprocessableEntityException,
    );
    await panel.moderate(found.id, response.id, officer.userId, 'purpose', 2, 'Agreed after discussion.');
    await expect(panel.moderate(found.id, response.id, officer.userId, 'purpose', 3, 'Again.')).rejects.toBeInstanceOf(
      ConflictException,
    );
    expect(await panel.consensusScores(response.id)).toEqual({ purpose: 2 });
  });
});
