import { CORE_PRINCIPLES, CorePrincipleId } from '@probity/rubric';
import { compareProviders, ProviderResult } from './compare-providers';
import { ScoringInputError } from './errors';
import { priceScores, priceSensitivityStatement, rankWithPrice, validatePriceWeight } from './price';
import { EQUAL_WEIGHTS } from './weights';

/** A provider whose every core principle scores `quality`, so its overall is `quality` too. */
const provider = (id: string, quality: number, knockedOut = false): ProviderResult => ({
  providerId: id,
  name: id.toUpperCase(),
  sheet: {
    core: Object.fromEntries(CORE_PRINCIPLES.map((p) => [p.id, quality])) as Record<CorePrincipleId, number>,
    instrumental: {} as never,
    overall: quality,
  },
  findings: knockedOut
    ? [{ ruleId: 'ko', kind: 'knockout', severity: 'critical', title: 'Refuses audit', firedBy: [] }]
    : [],
  missingEvidence: [],
});

describe('validatePriceWeight', () => {
  it('accepts null (no price criterion) and whole numbers from 0 to 100 only', () => {
    expect([null, 0, 30, 100].map(validatePriceWeight)).toEqual([[], [], [], []]);
    for (const bad of [30.5, -1, 101, '30', undefined]) expect(validatePriceWeight(bad)).toHaveLength(1);
  });
});

describe('priceScores', () => {
  it('gives the lowest price 100 and scales the others by lowest ÷ price', () => {
    const scores = priceScores([
      { providerId: 'a', amount: 200000 },
      { providerId: 'b', amount: 100000 },
      { providerId: 'c', amount: 400000 },
    ]);
    expect(Object.fromEntries(scores)).toEqual({ a: 50, b: 100, c: 25 });
  });

  it('refuses amounts that are not positive, and two prices for one provider', () => {
    expect(() =>
      priceScores([
        { providerId: 'a', amount: 0 },
        { providerId: 'b', amount: Number.NaN },
        { providerId: 'b', amount: 5 },
      ]),
    ).toThrow(ScoringInputError);
    let caught: unknown;
    try {
      priceScores([{ providerId: 'a', amount: -1 }]);
    } catch (error) {
      caught = error;
    }
    expect((caught as ScoringInputError).problems).toEqual(['price of a must be more than 0']);
  });
});

describe('rankWithPrice', () => {
  // Quality: A 80, B 70. Prices: A 100k, B 50k, so price scores A 50, B 100.
  const comparison = compareProviders(
    [provider('a', 80), provider('b', 70), provider('k', 95, true), provider('n', 60)],
    EQUAL_WEIGHTS,
  );
  const prices = [
    { providerId: 'a', amount: 100000 },
    { providerId: 'b', amount: 50000 },
    // A knocked-out provider's cheap offer must not set the price scale.
    { providerId: 'k', amount: 10000 },
  ];

  it('ranks on quality × (100 − w) + price score × w, only ranked providers with a price', () => {
    const ranking = rankWithPrice(comparison, 30, prices);
    // A: 80 × 0.7 + 50 × 0.3 = 71; B: 70 × 0.7 + 100 × 0.3 = 79.
    expect(ranking.ranked.map((p) => [p.providerId, p.rank, p.priceScore, p.total])).toEqual([
      ['b', 1, 100, 79],
      ['a', 2, 50, 71],
    ]);
    expect(ranking.ranked[0]).toMatchObject({ quality: 70, amount: 50000, name: 'B' });
    expect(ranking.withoutPrice).toEqual([{ providerId: 'n', name: 'N' }]);
  });

  it('is the quality ranking when price weighs 0', () => {
    expect(rankWithPrice(comparison, 0, prices).ranked.map((p) => [p.providerId, p.total])).toEqual([
      ['a', 80],
      ['b', 70],
    ]);
  });

  it('reports when moving the price weight by ±10 changes the leader', () => {
    // At 20: A 74, B 76. At 10: A 77, B 73, so A leads; at 30: A 71, B 79.
    const ranking = rankWithPrice(comparison, 20, prices);
    expect(ranking.sensitivity.cases.map((c) => [c.priceWeight, c.changed, c.leaderChanged, c.leader])).toEqual([
      [10, true, true, ['a']],
      [30, false, false, ['b']],
    ]);
    expect(ranking.sensitivity.rankingStable).toBe(false);
    expect(rankWithPrice(comparison, 95, prices).sensitivity.cases[1]).toMatchObject({
      priceWeight: 100,
      appliedDelta: 5,
    });
  });

  it('shares a rank between equal totals', () => {
    // A: 100 × 0.5 + 50 × 0.5 = 75; B: 50 × 0.5 + 100 × 0.5 = 75.
    const tied = rankWithPrice(compareProviders([provider('a', 100), provider('b', 50)], EQUAL_WEIGHTS), 50, [
      { providerId: 'a', amount: 200 },
      { providerId: 'b', amount: 100 },
    ]);
    expect(tied.ranked.map((p) => [p.providerId, p.rank, p.total])).toEqual([
      ['a', 1, 75],
      ['b', 1, 75],
    ]);
  });

  it('refuses an invalid price weight', () => {
    expect(() => rankWithPrice(comparison, 120, prices)).toThrow(ScoringInputError);
  });

  it('states the price-weight sensitivity in sentences', () => {
    expect(priceSensitivityStatement(rankWithPrice(comparison, 20, prices))).toEqual([
      'Moving the price weight from 20 to 10 puts A first.',
    ]);
    expect(priceSensitivityStatement(rankWithPrice(comparison, 50, prices))).toEqual([
      'Moving the price weight by up to 10 points does not change the final ranking.',
    ]);
    expect(priceSensitivityStatement(rankWithPrice(comparison, 50, prices.slice(0, 1)))).toEqual([
      'Fewer than two ranked providers have a price, so there is no ranking to test.',
    ]);
  });
});
