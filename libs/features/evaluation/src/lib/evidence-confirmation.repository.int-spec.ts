import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@probity/database';
import { createTestDatabase, TestDatabase, typeOrmTestModule } from '@probity/testing';
import { EvidenceConfirmation } from './evidence-confirmation.entity';
import { EvidenceConfirmationRepository } from './evidence-confirmation.repository';

describe('EvidenceConfirmationRepository (real PostgreSQL)', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let repository: EvidenceConfirmationRepository;
  let unitOfWork: UnitOfWork;
  const caseId = randomUUID();
  const [responseA, responseB] = [randomUUID(), randomUUID()];
  const [ann, bob] = [randomUUID(), randomUUID()];
  const verdict = (responseId: string, evaluatorId: string, supports: boolean, note = 'Checked the report.') => ({
    caseId,
    responseId,
    questionName: 'harm_security_testing',
    evaluatorId,
    supports,
    note,
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [typeOrmTestModule(database.url), TypeOrmModule.forFeature([EvidenceConfirmation])],
      providers: [UnitOfWork, EvidenceConfirmationRepository],
    }).compile();
    repository = moduleRef.get(EvidenceConfirmationRepository);
    unitOfWork = moduleRef.get(UnitOfWork);
  });

  afterAll(async () => {
    await moduleRef.close();
    await database.drop();
  });

  it('keeps one verdict per panel member, response and question: a second one replaces the first', async () => {
    const first = await repository.upsert(verdict(responseA, ann, true));
    const second = await repository.upsert(verdict(responseA, ann, false, 'The report is for an older version.'));
    expect(second).toMatchObject({ id: first.id, supports: false, note: 'The report is for an older version.' });
    expect(second.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
    expect(await repository.ofResponse(responseA)).toHaveLength(1);
  });

  it('reads one panel member’s verdicts apart from the others’, and every verdict of a response or case', async () => {
    await repository.upsert(verdict(responseA, bob, true));
    await repository.upsert(verdict(responseB, bob, true));
    expect((await repository.ofEvaluator(responseA, bob)).map((c) => c.evaluatorId)).toEqual([bob]);
    expect((await repository.ofResponse(responseA)).map((c) => c.evaluatorId).sort()).toEqual([ann, bob].sort());
    expect(await repository.ofCase(caseId)).toHaveLength(3);
    expect(await repository.findOne(responseB, 'harm_security_testing', ann)).toBeNull();
  });

  it('joins the open unit of work: a verdict rolls back with the transaction it was written in', async () => {
    const responseC = randomUUID();
    await expect(
      unitOfWork.run(async () => {
        await repository.upsert(verdict(responseC, ann, true));
        throw new Error('the audit entry failed');
      }),
    ).rejects.toThrow('the audit entry failed');
    expect(await repository.ofResponse(responseC)).toEqual([]);
  });
});
