import fc from 'fast-check';
import type { CorePrincipleId, InstrumentalPrincipleId } from '@probity/rubric';
import { compareProviders } from './compare-providers';
import { overallUnder } from './score-response';
import { KNOCKOUT, provider, RED_FLAG, Scores } from './testing/comparison-fixtures';
import { PUBLISHED } from './testing/rubric-fixtures';
import { EQUAL_WEIGHTS } from './weights';

describe('compareProviders: ranking', () => {
  const comparison = compareProviders(
    [
      provider('a', [80, 80, 80, 80, 80], { findings: [RED_FLAG], missingEvidence: ['modelCard'] }),
      provider('b', [90, 90, 90, 90, 90]),
      provider('c', [80, 80, 80, 80, 80]),
      provider('d', [100, 100, 100, 100, 100], { findings: [KNOCKOUT, RED_FLAG] }),
      provider('e', [null, null, null, null, null]),
      provider('f', [70, null, null, null, 40]),
    ],
    PUBLISHED,
  );

  it('ranks eligible providers by weighted score; equal scores share a rank and skip the next', () => {
    // f has only lawfulness (30) and governance (10): (30×70 + 10×40) / 40 = 62.5
    expect(comparison.ranked.map((r) => [r.providerId, r.rank, r.overall])).toEqual([
      ['b', 1, 90],
      ['a', 2, 80],
      ['c', 2, 80],
      ['f', 4, 62.5],
    ]);
  });

  it('lists knocked-out providers with their reasons and never ranks them, however high they score', () => {
    expect(comparison.disqualified).toEqual([
      {
        providerId: 'd',
        name: 'D',
        knockouts: [KNOCKOUT],
        redFlags: [RED_FLAG],
        missingEvidence: [],
        overall: 100,
      },
    ]);
    expect(comparison.ranked.some((r) => r.providerId === 'd')).toBe(false);
  });

  it('lists providers with nothing scorable apart instead of ranking them at 0', () => {
    expect(comparison.unscored.map((u) => u.providerId)).toEqual(['e']);
  });

  it('carries red flags, missing evidence and the criteria left out of a score', () => {
    const a = comparison.ranked.find((r) => r.providerId === 'a')!;
    expect(a.redFlags).toEqual([RED_FLAG]);
    expect(a.missingEvidence).toEqual(['modelCard']);
    expect(comparison.ranked.find((r) => r.providerId === 'f')!.unscoredCriteria).toEqual([
      'minimization-of-harm',
      'human-autonomy',
      'fairness',
    ]);
  });

  it('does not depend on the order providers arrive in', () => {
    const providers = [
      provider('z', [60, 60, 60, 60, 60], { name: 'Same' }),
      provider('y', [60, 60, 60, 60, 60], { name: 'Same' }),
      provider('x', [80, 50, 60, 60, 60]),
    ];
    const forward = compareProviders(providers, PUBLISHED);
    expect(compareProviders([...providers].reverse(), PUBLISHED)).toEqual(forward);
    // equal names fall back to the provider id
    expect(forward.ranked.map((r) => r.providerId)).toEqual(['x', 'y', 'z']);
  });

  it('treats floating-point noise as a tie', () => {
    const ranked = compareProviders(
      [provider('p', [0.1 + 0.2, 0.3, 0.3, 0.3, 0.3]), provider('q', [0.3, 0.3, 0.3, 0.3, 0.3])],
      EQUAL_WEIGHTS,
    ).ranked;
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });
});

describe('compareProviders: strongest and weakest areas', () => {
  const areas = (instrumental: Partial<Record<InstrumentalPrincipleId, number>>) => {
    const [ranked] = compareProviders([provider('p', [50, 50, 50, 50, 50], { instrumental })], EQUAL_WEIGHTS).ranked;
    return { strongest: ranked.strongest, weakest: ranked.weakest };
  };

  it('names the two best and two worst instrumental principles, ties in Toolkit order', () => {
    expect(areas({ legitimacy: 90, necessity: 80, accuracy: 60, privacy: 40, accountability: 40 })).toEqual({
      strongest: ['legitimacy', 'necessity'],
      weakest: ['privacy', 'accountability'],
    });
  });

  it('never lists one principle as both, and says nothing when all scores are equal', () => {
    expect(areas({ legitimacy: 90, accuracy: 60, privacy: 40 })).toEqual({
      strongest: ['legitimacy'],
      weakest: ['privacy'],
    });
    expect(areas({ legitimacy: 90 })).toEqual({ strongest: [], weakest: [] });
    expect(areas({ legitimacy: 70, accuracy: 70, privacy: 70, accountability: 70 })).toEqual({
      strongest: [],
      weakest: [],
    });
  });
});

describe('compareProviders: sensitivity', () => {
  // x leads on lawfulness, y on fairness.
  // x = .3×90 + .3×70 + .2×70 + .1×50 + .1×70 = 74; y = .3×70 + .3×70 + .2×70 + .1×100 + .1×70 = 73
  const x = provider('x', [90, 70, 70, 50, 70]);
  const y = provider('y', [70, 70, 70, 100, 70]);
  const comparison = compareProviders([x, y], PUBLISHED);
  const caseOf = (principle: CorePrincipleId, delta: number) =>
    comparison.sensitivity.cases.find((c) => c.principle === principle && c.delta === delta)!;

  it('tries every criterion at ±10 points', () => {
    expect(comparison.ranked.map((r) => r.overall)).toEqual([74, 73]);
    expect(comparison.sensitivity.cases.map((c) => [c.principle, c.delta])).toEqual([
      ['lawfulness', -10],
      ['lawfulness', 10],
      ['minimization-of-harm', -10],
      ['minimization-of-harm', 10],
      ['human-autonomy', -10],
      ['human-autonomy', 10],
      ['fairness', -10],
      ['fairness', 10],
      ['good-governance', -10],
      ['good-governance', 10],
    ]);
  });

  it('reports the pair that swaps when fairness gains 10 points', () => {
    // fairness 20, the others × 80/90: x = (26.67×90 + 26.67×70 + 17.78×70 + 8.89×70 + 20×50) / 100 = 71.33;
    // y = (80×70 + 20×100) / 100 = 76
    const fairnessUp = caseOf('fairness', 10);
    expect(fairnessUp.weights.fairness).toBe(20);
    expect(fairnessUp.changed).toBe(true);
    expect(fairnessUp.swaps).toEqual([['x', 'y']]);
    expect(fairnessUp.ranking).toEqual(['y', 'x']);
    expect(fairnessUp.leader).toEqual(['y']);
    expect(fairnessUp.leaderChanged).toBe(true);
    expect(comparison.sensitivity.rankingStable).toBe(false);
  });

  it('reports no change where the order holds', () => {
    // lawfulness 40, others × 60/70: x = 76.29, y = 72.57
    expect(caseOf('lawfulness', 10)).toMatchObject({ changed: false, swaps: [], leaderChanged: false });
    // fairness 0, others × 100/90: x = 76.67, y = 70
    expect(caseOf('fairness', -10)).toMatchObject({ changed: false, swaps: [] });
  });

  it('lists ranked pairs within the margin (2 points by default, bounds included)', () => {
    expect(comparison.sensitivity.closePairs).toEqual([{ a: 'x', b: 'y', difference: expect.closeTo(1, 9) }]);
    const spread = [provider('p90', [90, 90, 90, 90, 90]), provider('p89', [89, 89, 89, 89, 89])];
    spread.push(provider('p87', [87.5, 87.5, 87.5, 87.5, 87.5]), provider('p80', [80, 80, 80, 80, 80]));
    const pairs = (margin?: number) =>
      compareProviders(spread, EQUAL_WEIGHTS, { margin }).sensitivity.closePairs.map((p) => `${p.a}-${p.b}`);
    expect(pairs()).toEqual(['p90-p89', 'p89-p87']);
    expect(pairs(2.5)).toEqual(['p90-p89', 'p90-p87', 'p89-p87']);
    expect(pairs(0)).toEqual([]);
  });

  it('calls a tie that a weight change breaks a rank change, not a swap', () => {
    // p = q = 70 with equal weights. Lawfulness 30 (others 17.5): p = 30×80 + 17.5×270 = 71.25 > q = 68.75.
    const p = provider('p', [80, 60, 70, 70, 70]);
    const q = provider('q', [60, 80, 70, 70, 70]);
    const tied = compareProviders([p, q], EQUAL_WEIGHTS);
    expect(tied.ranked.map((r) => r.rank)).toEqual([1, 1]);
    const up = tied.sensitivity.cases.find((c) => c.principle === 'lawfulness' && c.delta === 10)!;
    expect(up).toMatchObject({ changed: true, swaps: [], ranking: ['p', 'q'], leader: ['p'], leaderChanged: true });
    const down = tied.sensitivity.cases.find((c) => c.principle === 'lawfulness' && c.delta === -10)!;
    expect(down).toMatchObject({ changed: true, swaps: [], ranking: ['q', 'p'], leader: ['q'] });
  });

  it('reports the move actually made when a weight cannot go below 0', () => {
    const weights = { ...PUBLISHED, fairness: 5, 'good-governance': 15 };
    const down = compareProviders([x, y], weights).sensitivity.cases.find(
      (c) => c.principle === 'fairness' && c.delta === -10,
    )!;
    expect(down.appliedDelta).toBe(-5);
    expect(down.weights.fairness).toBe(0);
  });

  it('finds exactly the pairs whose strict order flips, for any scores (property)', () => {
    const score = fc.integer({ min: 0, max: 20 }).map((step) => step * 5);
    const scores = fc.tuple(score, score, score, score, score);
    fc.assert(
      fc.property(fc.array(scores, { minLength: 1, maxLength: 25 }), (all) => {
        const providers = all.map((s, i) => provider(`p${String(i).padStart(2, '0')}`, s as Scores));
        const result = compareProviders(providers, PUBLISHED);
        const base = new Map(result.ranked.map((r) => [r.providerId, Math.round(r.overall * 1e6)]));
        return result.sensitivity.cases.every((c) => {
          const shifted = new Map(
            providers.map((p) => [p.providerId, Math.round((overallUnder(p.sheet, c.weights) as number) * 1e6)]),
          );
          const expected: string[] = [];
          for (const a of result.ranked)
            for (const b of result.ranked) {
              const [ia, ib] = [a.providerId, b.providerId];
              if (base.get(ia)! > base.get(ib)! && shifted.get(ib)! > shifted.get(ia)!) expected.push(`${ia}>${ib}`);
            }
          const found = c.swaps.map(([a, b]) => `${a}>${b}`);
          return expected.sort().join() === [...found].sort().join() && new Set(found).size === found.length;
        });
      }),
      { seed: 20261122, numRuns: 200 },
    );
  });
});
