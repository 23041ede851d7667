import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { aPanelScore } from '@probity/testing';
import { PanelRepository } from './panel.repository';
import { repositoryTestModule, RepositoryTestModule } from './repository-test-module';

describe('PanelRepository (real PostgreSQL)', () => {
  let testModule: RepositoryTestModule;
  let panel: PanelRepository;

  beforeAll(async () => {
    testModule = await repositoryTestModule();
    panel = testModule.moduleRef.get(PanelRepository);
  });

  afterAll(() => testModule?.close());

  const ids = () => ({ caseId: randomUUID(), responseId: randomUUID(), evaluatorId: randomUUID() });

  it('keeps one declaration per evaluator and case, with the time it was made', async () => {
    const { caseId, evaluatorId } = ids();
    const declaration = await panel.insertDeclaration({
      id: randomUUID(),
      caseId,
      evaluatorId,
      hasConflict: false,
      statement: 'No conflict.',
    });
    expect(declaration.declaredAt).toBeInstanceOf(Date);
    expect(await panel.declarationOf(caseId, evaluatorId)).toMatchObject({ hasConflict: false });
    await expect(
      panel.insertDeclaration({ id: randomUUID(), caseId, evaluatorId, hasConflict: true, statement: 'Again.' }),
    ).rejects.toThrow(/conflict_declarations_once/);
    expect(await panel.declarationsOfCase(caseId)).toHaveLength(1);
  });

  it('upserts one score per evaluator, response and question, and refuses one off the scale', async () => {
    const { caseId, responseId, evaluatorId } = ids();
    const entry = aPanelScore({ caseId, responseId, evaluatorId, questionName: 'purpose', score: 1 });
    const { updatedAt: _updatedAt, ...row } = entry;
    await panel.upsertScore(row);
    const changed = await panel.upsertScore({ ...row, id: randomUUID(), score: 3, justification: 'Second look.' });
    expect(changed).toMatchObject({ id: entry.id, score: 3, justification: 'Second look.' });
    expect(await panel.scoresOfResponse(responseId)).toHaveLength(1);
    expect(await panel.scoresOfEvaluatorInCase(caseId, evaluatorId)).toHaveLength(1);
    expect(await panel.scoreOf(responseId, evaluatorId, 'purpose')).toMatchObject({ score: 3 });
    await expect(
      panel.upsertScore({ ...row, id: randomUUID(), questionName: 'other', score: 5 }),
    ).rejects.toBeInstanceOf(QueryFailedError);
  });

  it('lists scores, submissions and consensus by response, question, evaluator and case', async () => {
    const { caseId, responseId, evaluatorId } = ids();
    const other = randomUUID();
    for (const [who, questionName] of [
      [evaluatorId, 'b_question'],
      [evaluatorId, 'a_question'],
      [other, 'a_question'],
    ])
      await panel.upsertScore({
        id: randomUUID(),
        caseId,
        responseId,
        evaluatorId: who,
        questionName,
        score: 2,
        justification: 'x',
      });
    expect((await panel.scoresOfResponse(responseId)).map((s) => s.questionName)).toEqual([
      'a_question',
      'a_question',
      'b_question',
    ]);
    expect(await panel.scoresOfQuestion(responseId, 'a_question')).toHaveLength(2);
    expect(await panel.scoresOfEvaluator(responseId, evaluatorId)).toHaveLength(2);
    expect(await panel.scoresOfCase(caseId)).toHaveLength(3);

    expect(await panel.hasSubmitted(responseId, evaluatorId)).toBe(false);
    await panel.insertSubmission({ id: randomUUID(), caseId, responseId, evaluatorId });
    expect(await panel.hasSubmitted(responseId, evaluatorId)).toBe(true);
    expect((await panel.submissionOf(responseId, evaluatorId))?.submittedAt).toBeInstanceOf(Date);
    expect(await panel.submissionsOfResponse(responseId)).toHaveLength(1);
    expect(await panel.submissionsOfEvaluatorInCase(caseId, other)).toEqual([]);
    expect(await panel.submissionsOfCase(caseId)).toHaveLength(1);

    const consensus = { caseId, responseId, questionName: 'a_question', reason: 'Agreed.', moderatedBy: other };
    await panel.insertConsensus({ id: randomUUID(), ...consensus, consensusScore: 2 });
    expect(await panel.hasConsensus(responseId, 'a_question')).toBe(true);
    expect(await panel.hasConsensus(responseId, 'b_question')).toBe(false);
    await expect(panel.insertConsensus({ id: randomUUID(), ...consensus, consensusScore: 3 })).rejects.toThrow(
      /moderated_scores_once/,
    );
    expect(await panel.consensusOfResponse(responseId)).toEqual([expect.objectContaining({ consensusScore: 2 })]);
    expect(await panel.consensusOfCase(caseId)).toHaveLength(1);
  });

  it('joins the open unit of work: a rolled-back declaration is not kept', async () => {
    const { caseId, evaluatorId } = ids();
    await expect(
      testModule.unitOfWork.run(async () => {
        await panel.insertDeclaration({ id: randomUUID(), caseId, evaluatorId, hasConflict: false, statement: 'x' });
        expect(await panel.declarationOf(caseId, evaluatorId)).not.toBeNull();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await panel.declarationOf(caseId, evaluatorId)).toBeNull();
  });
});
