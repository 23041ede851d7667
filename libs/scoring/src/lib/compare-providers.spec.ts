import fc from 'fast-check';
import { CorePrincipleId, InstrumentalPrincipleId, RubricItem } from '@probity/rubric';
import { compareProviders, ProviderFinding, ProviderResult, recompareWithWeights } from './compare-providers';
import { ScoringInputError } from './errors';
import { overallUnder, scoreResponse } from './score-response';
import { CriteriaWeights, EQUAL_WEIGHTS, shiftWeight } from './weights';

type Scores = [number | null, number | null, number | null, number | null, number | null];

const core = ([lawfulness, harm, autonomy, fairness, governance]: Scores): Record<CorePrincipleId, number | null> => ({
  lawfulness,
  'minimization-of-harm': harm,
  'human-autonomy': autonomy,
  fairness,
  'good-governance': governance,
});

const KNOCKOUT: ProviderFinding = {
  ruleId: 'ko-no-audit',
  kind: 'knockout',
  severity: 'critical',
  title: 'Refuses independent audit',
  firedBy: [{ questionName: 'audit', answer: 'refuse' }],
};
const RED_FLAG: ProviderFinding = {
  ruleId: 'rf-no-bias-test',
  kind: 'red-flag',
  severity: 'high',
  title: 'No bias testing on the deployment population',
  firedBy: [{ questionName: 'biasTesting', answer: 'no' }],
};

const provider = (
  id: string,
  scores: Scores,
  extra: Partial<Omit<ProviderResult, 'sheet'>> & {
    instrumental?: Partial<Record<InstrumentalPrincipleId, number>>;
  } = {},
): ProviderResult => ({
  providerId: id,
  name: extra.name ?? id.toUpperCase(),
  sheet: { core: core(scores), instrumental: (extra.instrumental ?? {}) as never, overall: null },
  findings: extra.findings ?? [],
  missingEvidence: extra.missingEvidence ?? [],
});

const PUBLISHED: CriteriaWeights = {
  lawfulness: 30,
  'minimization-of-harm': 30,
  'human-autonomy': 20,
  fairness: 10,
  'good-governance': 10,
};

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

describe('compareProviders: weights', () => {
  const providers = [provider('x', [90, 70, 70, 50, 70]), provider('y', [70, 70, 70, 100, 70])];

  it('re-ranks from stored sheets when the officer changes the weights', () => {
    const moved = shiftWeight(PUBLISHED, 'fairness', 10);
    const recompared = recompareWithWeights(providers, moved);
    expect(recompared.ranked.map((r) => r.providerId)).toEqual(['y', 'x']);
    expect(recompared.ranked[0].overall).toBeCloseTo(76, 9);
    expect(recompared.weights).toEqual(moved);
  });

  it('refuses invalid weights with every problem named', () => {
    let error: unknown;
    try {
      recompareWithWeights(providers, { ...PUBLISHED, fairness: 20, lawfulness: -10 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScoringInputError);
    expect((error as ScoringInputError).problems).toEqual(['criteria weights: Lawfulness: must be between 0 and 100']);
    expect(() => compareProviders(providers, { ...PUBLISHED, fairness: 20 })).toThrow(
      'criteria weights: weights must add up to 100 (they add up to 110)',
    );
  });

  it('refuses duplicate providers and a nonsensical shift or margin', () => {
    expect(() => compareProviders([providers[0], providers[0]], PUBLISHED, { shift: 0, margin: -1 })).toThrow(
      new ScoringInputError([
        'shift must be between 0 and 100 points',
        'margin must be 0 or more points',
        'provider x appears twice',
      ]),
    );
  });

  it('recomputes core scores from instrumental ones under new principle weights', () => {
    const item = (questionName: string, principle: InstrumentalPrincipleId): RubricItem => ({
      questionName,
      title: questionName,
      principle,
      weight: 1,
      required: true,
      naAllowed: false,
      evidenceRequired: false,
      visible: true,
      scoring: { kind: 'single-choice', points: { yes: 100, no: 0 } },
    });
    const items = [item('acc', 'accuracy'), item('wb', 'wellbeing')];
    const sheetOf = (answers: Record<string, string>) => scoreResponse(items, answers, { weights: EQUAL_WEIGHTS });
    const stored = [
      {
        providerId: 'acc',
        name: 'Accurate',
        sheet: sheetOf({ acc: 'yes', wb: 'no' }),
        findings: [],
        missingEvidence: [],
      },
      {
        providerId: 'wb',
        name: 'Careful',
        sheet: sheetOf({ acc: 'no', wb: 'yes' }),
        findings: [],
        missingEvidence: [],
      },
    ];
    // Both 50 by default; accuracy weighing 3: (3×100 + 0) / 4 = 75 against 25.
    expect(compareProviders(stored, EQUAL_WEIGHTS).ranked.map((r) => r.overall)).toEqual([50, 50]);
    const reweighed = compareProviders(stored, EQUAL_WEIGHTS, { principleWeights: { accuracy: 3 } });
    expect(reweighed.ranked.map((r) => [r.providerId, r.overall])).toEqual([
      ['acc', 75],
      ['wb', 25],
    ]);
    expect(reweighed.principleWeights?.accuracy).toBe(3);
  });

  it('reads answers awaiting the panel from a full stored sheet', () => {
    const sheet = scoreResponse(
      [
        {
          questionName: 'story',
          title: 'Story',
          principle: 'accountability',
          weight: 1,
          required: true,
          naAllowed: false,
          evidenceRequired: false,
          visible: true,
          scoring: { kind: 'manual' },
        },
        {
          questionName: 'audit',
          title: 'Audit',
          principle: 'accountability',
          weight: 1,
          required: true,
          naAllowed: false,
          evidenceRequired: false,
          visible: true,
          scoring: { kind: 'single-choice', points: { yes: 100 } },
        },
      ],
      { story: 'We log everything.', audit: 'yes' },
      { weights: EQUAL_WEIGHTS },
    );
    const [ranked] = compareProviders(
      [{ providerId: 'p', name: 'P', sheet, findings: [], missingEvidence: [] }],
      EQUAL_WEIGHTS,
    ).ranked;
    expect(ranked.awaitingPanel).toEqual(['story']);
  });
});
