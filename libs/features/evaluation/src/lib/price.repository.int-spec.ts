import { QueryFailedError } from 'typeorm';
import { PriceRepository } from './price.repository';
import { repositoryTestModule, RepositoryTestModule } from './repository-test-module';

describe('PriceRepository (real PostgreSQL)', () => {
  let testModule: RepositoryTestModule;
  let prices: PriceRepository;

  beforeAll(async () => {
    testModule = await repositoryTestModule();
    prices = testModule.moduleRef.get(PriceRepository);
  });

  afterAll(() => testModule?.close());

  it('records one price per response, replacing it when recorded again, as numbers', async () => {
    const { caseId, responseId } = await testModule.aCaseWithResponse();
    const officer = '00000000-0000-4000-8000-000000000001';
    await prices.upsert({ responseId, caseId, amount: 1650000.5, recordedBy: officer, recordedAt: new Date() });
    await prices.upsert({ responseId, caseId, amount: 1500000, recordedBy: officer, recordedAt: new Date() });
    expect(await prices.pricesOfCase(caseId)).toEqual([expect.objectContaining({ responseId, amount: 1500000 })]);
    expect(await prices.pricesOfCase((await testModule.aCaseWithResponse()).caseId)).toEqual([]);
  });

  it('refuses a price that is not positive, or for a response that does not exist', async () => {
    const { caseId, responseId } = await testModule.aCaseWithResponse();
    const price = { caseId, recordedBy: caseId, recordedAt: new Date() };
    await expect(prices.upsert({ ...price, responseId, amount: 0 })).rejects.toBeInstanceOf(QueryFailedError);
    await expect(
      prices.upsert({ ...price, responseId: '00000000-0000-4000-8000-000000000009', amount: 10 }),
    ).rejects.toThrow(/provider_prices_response_id_fkey/);
  });

  it('writes inside the open unit of work, and a rolled-back one leaves nothing', async () => {
    const { caseId, responseId } = await testModule.aCaseWithResponse();
    await expect(
      testModule.unitOfWork.run(async () => {
        await prices.upsert({ responseId, caseId, amount: 10, recordedBy: caseId, recordedAt: new Date() });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await prices.pricesOfCase(caseId)).toEqual([]);
  });
});
