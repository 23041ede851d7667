import { randomUUID } from 'node:crypto';
import { EQUAL_WEIGHTS } from '@probity/scoring';
import { NO_PRICING, pricingInputs, StoredComparison } from './pricing';
import { repositoryTestModule, RepositoryTestModule } from './repository-test-module';
import { ScoringResultsRepository } from './scoring-results.repository';

describe('ScoringResultsRepository (real PostgreSQL)', () => {
  let testModule: RepositoryTestModule;
  let results: ScoringResultsRepository;

  beforeAll(async () => {
    testModule = await repositoryTestModule();
    results = testModule.moduleRef.get(ScoringResultsRepository);
  });

  afterAll(() => testModule?.close());

  const aScore = (responseId: string, inputHash: string, revision = 1) => ({
    id: randomUUID(),
    caseId: randomUUID(),
    responseId,
    responseRevision: revision,
    scoringVersion: 'v-test',
    inputHash,
    overall: 61.5,
    sheet: { overall: 61.5 },
    findings: { rules: [], missingEvidence: [], evidence: [] },
  });
  const comparisonWith = (weights: Record<string, number>, pricing = NO_PRICING) =>
    ({ weights, pricing, ranked: [], unscored: [], disqualified: [] }) as unknown as StoredComparison;

  it('stores a score once per input: a retried insert answers the first row', async () => {
    const responseId = randomUUID();
    const first = aScore(responseId, 'a'.repeat(64));
    expect(await results.insertScoreOnce(first)).toEqual({ id: first.id, created: true });
    expect(await results.insertScoreOnce({ ...first, id: randomUUID() })).toEqual({ id: first.id, created: false });
    expect(await results.hasScore(responseId, 1, 'v-test')).toBe(true);
    expect(await results.hasScore(responseId, 2, 'v-test')).toBe(false);
    expect(await results.hasScore(responseId, 1, 'v-other')).toBe(false);
  });

  it('stores a batch with one multi-row insert, skipping keys already stored, so a retried batch adds nothing', async () => {
    const [stored, fresh, other] = [randomUUID(), randomUUID(), randomUUID()];
    const earlier = aScore(stored, 'f'.repeat(64));
    await results.insertScoreOnce(earlier);
    const batch = [{ ...earlier, id: randomUUID() }, aScore(fresh, 'f'.repeat(64)), aScore(other, '0'.repeat(64), 3)];
    const ids = batch.map((score) => score.id);
    expect(await results.insertScoresOnce(batch)).toBe(2);
    // TypeORM would copy the returned ids onto the rows by position, wrong once a row is skipped.
    expect(batch.map((score) => score.id)).toEqual(ids);
    expect(await results.insertScoresOnce(batch.map((score) => ({ ...score, id: randomUUID() })))).toBe(0);
    expect(await results.insertScoresOnce([])).toBe(0);
    expect((await results.latestScoreOfRevision(stored, 1, 'v-test'))?.id).toBe(earlier.id);
    expect((await results.latestScoreOfRevision(fresh, 1, 'v-test'))?.id).toBe(batch[1].id);
    expect((await results.latestScoreOfRevision(other, 3, 'v-test'))?.id).toBe(batch[2].id);
  });

  it('finds the newest score of a revision and of a response', async () => {
    const responseId = randomUUID();
    const older = aScore(responseId, 'b'.repeat(64));
    await results.insertScoreOnce(older);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = aScore(responseId, 'c'.repeat(64));
    await results.insertScoreOnce(newer);
    expect((await results.latestScoreOfRevision(responseId, 1, 'v-test'))?.id).toBe(newer.id);
    expect(await results.latestScoreOfRevision(responseId, 2, 'v-test')).toBeNull();
    expect((await results.latestScore(responseId))?.id).toBe(newer.id);
  });

  it('stores a comparison once per input hash and finds it by weights (any key order) and prices', async () => {
    const caseId = randomUUID();
    const priced = pricingInputs(30, [{ responseId: 'r', amount: 100 }]);
    const first = await results.insertComparisonOnce(
      caseId,
      'd'.repeat(64),
      randomUUID(),
      comparisonWith(EQUAL_WEIGHTS),
    );
    expect(
      await results.insertComparisonOnce(caseId, 'd'.repeat(64), randomUUID(), comparisonWith(EQUAL_WEIGHTS)),
    ).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const withPrice = await results.insertComparisonOnce(
      caseId,
      'e'.repeat(64),
      randomUUID(),
      comparisonWith(EQUAL_WEIGHTS, priced),
    );
    const reversed = Object.fromEntries(Object.entries(EQUAL_WEIGHTS).reverse());
    expect((await results.comparisonWithWeights(caseId, reversed))?.id).toBe(first);
    expect((await results.comparisonWithWeights(caseId, EQUAL_WEIGHTS, priced))?.id).toBe(withPrice);
    expect(await results.comparisonWithWeights(caseId, { ...EQUAL_WEIGHTS, fairness: 0 })).toBeNull();
    expect((await results.latestComparison(caseId))?.id).toBe(withPrice);
    expect((await results.comparisonWithHash(caseId, 'd'.repeat(64)))?.id).toBe(first);
    expect(await results.latestComparison(randomUUID())).toBeNull();
  });

  it('finds a comparison stored before the price criterion existed as one without prices', async () => {
    const caseId = randomUUID();
    const { pricing: _pricing, ...legacy } = comparisonWith(EQUAL_WEIGHTS);
    const id = await results.insertComparisonOnce(caseId, 'f'.repeat(64), randomUUID(), legacy as StoredComparison);
    expect((await results.comparisonWithWeights(caseId, EQUAL_WEIGHTS, NO_PRICING))?.id).toBe(id);
  });
});
