import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase, typeOrmTestModule } from '@probity/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitOfWork } from '@probity/database';
import { EVALUATION_ENTITIES } from './evaluation.entities';
import { PanelRepository } from './panel.repository';
import { PanelService } from './panel.service';

describe('PanelService (real PostgreSQL)', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let panel: PanelService;
  const caseId = randomUUID();
  const responseId = randomUUID();
  const [alice, bob, conflicted, officer] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    database = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [typeOrmTestModule(database.url), TypeOrmModule.forFeature(EVALUATION_ENTITIES)],
      providers: [UnitOfWork, PanelRepository, PanelService],
    }).compile();
    panel = moduleRef.get(PanelService);
  });

  afterAll(async () => {
    await moduleRef.close();
    await database.drop();
  });

  it('refuses scoring before a conflict-of-interest declaration and recuses a declared conflict', async () => {
    const score = { questionName: 'explain_outputs', score: 3, justification: 'Clear method.' };
    await expect(panel.recordScore(caseId, responseId, alice, score)).rejects.toThrow(ForbiddenException);

    await panel.declareConflict(caseId, conflicted, true, 'I worked for this provider in 2024.');
    await expect(panel.recordScore(caseId, responseId, conflicted, score)).rejects.toThrow(/recused/);
    await expect(panel.declareConflict(caseId, conflicted, false, 'Changed my mind')).rejects.toThrow(
      ConflictException,
    );
  });

  it('keeps scores independent until an evaluator has submitted their own', async () => {
    await panel.declareConflict(caseId, alice, false, 'I have no conflict of interest.');
    await panel.declareConflict(caseId, bob, false, 'I have no conflict of interest.');
    await expect(
      panel.recordScore(caseId, responseId, alice, { questionName: 'explain_outputs', score: 2, justification: '  ' }),
    ).rejects.toThrow(BadRequestException);
    await panel.recordScore(caseId, responseId, alice, {
      questionName: 'explain_outputs',
      score: 1,
      justification: 'Vague.',
    });
    await panel.recordScore(caseId, responseId, bob, {
      questionName: 'explain_outputs',
      score: 3,
      justification: 'Solid.',
    });

    const before = await panel.view(responseId, alice, false);
    expect(before[0].own?.score).toBe(1);
    expect(before[0].others).toBeNull();
    expect(before[0].spread).toBeNull();

    const incomplete = panel.submitScores(caseId, responseId, alice, ['explain_outputs', 'evidence_quality']);
    await expect(incomplete).rejects.toThrow(BadRequestException);
    await expect(incomplete.catch((error: BadRequestException) => error.getResponse())).resolves.toMatchObject({
      message: expect.stringMatching(/missing: evidence_quality/),
      missing: ['evidence_quality'],
    });
    await panel.recordScore(caseId, responseId, alice, {
      questionName: 'evidence_quality',
      score: 2,
      justification: 'Partial.',
    });
    await panel.submitScores(caseId, responseId, alice, ['explain_outputs', 'evidence_quality']);

    const after = await panel.view(responseId, alice, false);
    const explain = after.find((row) => row.questionName === 'explain_outputs')!;
    expect(explain.others?.map((entry) => entry.score)).toEqual([3]);
    expect(explain.spread).toMatchObject({ min: 1, max: 3, spread: 2, largeDisagreement: true });

    await expect(
      panel.recordScore(caseId, responseId, alice, {
        questionName: 'explain_outputs',
        score: 4,
        justification: 'Again',
      }),
    ).rejects.toThrow(ConflictException);
  });

  it('records one consensus score per question with its reason', async () => {
    await expect(panel.moderate(caseId, responseId, officer, 'explain_outputs', 2, ' ')).rejects.toThrow(
      UnprocessableEntityException,
    );
    await panel.moderate(
      caseId,
      responseId,
      officer,
      'explain_outputs',
      2,
      'Panel agreed the method is partly documented.',
    );
    await expect(panel.moderate(caseId, responseId, officer, 'explain_outputs', 3, 'Again')).rejects.toThrow(
      ConflictException,
    );
    expect(await panel.consensusScores(responseId)).toEqual({ explain_outputs: 2 });
  });
});
