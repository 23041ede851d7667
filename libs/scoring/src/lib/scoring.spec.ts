import { NOT_APPLICABLE, RubricItem } from '@probity/rubric';
import { heatMap, principleBarChart, principleRadarChart } from './charts';
import { compareProviders, ProviderResult } from './compare-providers';
import { missingEvidence, scoreResponse } from './score-response';
import { CriteriaWeights, EQUAL_WEIGHTS, shiftWeight, validateCriteriaWeights } from './weights';

const item = (overrides: Partial<RubricItem> & Pick<RubricItem, 'questionName' | 'principle'>): RubricItem => ({
  title: overrides.questionName,
  weight: 1,
  required: true,
  naAllowed: false,
  evidenceRequired: false,
  visible: true,
  scoring: { kind: 'single-choice', points: { yes: 100, partly: 50, no: 0 } },
  ...overrides,
});

const ITEMS: RubricItem[] = [
  // accuracy (minimization-of-harm): weights 2 and 1
  item({ questionName: 'acc1', principle: 'accuracy', weight: 2 }),
  item({
    questionName: 'acc2',
    principle: 'accuracy',
    scoring: {
      kind: 'numeric-bands',
      bands: [
        { max: 5, points: 100 },
        { min: 5, points: 20 },
      ],
    },
  }),
  // robustness-safety: one N/A-able question and one hidden
  item({ questionName: 'rob1', principle: 'robustness-safety', naAllowed: true }),
  item({ questionName: 'rob2', principle: 'robustness-safety', visible: false }),
  // human-oversight: a checkbox and an unanswered required question
  item({
    questionName: 'ho1',
    principle: 'human-oversight',
    scoring: { kind: 'multiple-choice', points: { a: 60, b: 60, c: 10 } },
  }),
  item({ questionName: 'ho2', principle: 'human-oversight' }),
  // accountability: a free-text question scored by the panel, an optional unanswered one
  item({ questionName: 'gov1', principle: 'accountability', scoring: { kind: 'manual' } }),
  item({ questionName: 'gov2', principle: 'accountability', required: false }),
  // non-discrimination: matrix
  item({
    questionName: 'fair1',
    principle: 'non-discrimination',
    scoring: { kind: 'matrix', points: { tested: 100, gap: 40, untested: 0 } },
  }),
  // informative only
  item({ questionName: 'info', principle: 'legitimacy', weight: 0 }),
];

const ANSWERS = {
  acc1: 'partly', // 50
  acc2: 7, // band ≥5 → 20
  rob1: NOT_APPLICABLE,
  rob2: 'yes', // hidden: ignored
  ho1: ['a', 'b'], // 60 + 60 capped at 100
  // ho2 unanswered but required → 0
  gov1: 'We have a policy.',
  fair1: { women: 'tested', men: 'gap' }, // (100 + 40) / 2 = 70
  info: 'no',
};

describe('scoreResponse', () => {
  const sheet = scoreResponse(ITEMS, ANSWERS, { weights: EQUAL_WEIGHTS, panelScores: { gov1: 3 } });
  const status = Object.fromEntries(sheet.questions.map((q) => [q.questionName, [q.status, q.points]]));

  it('scores each question by its rule', () => {
    expect(status).toEqual({
      acc1: ['scored', 50],
      acc2: ['scored', 20],
      rob1: ['not-applicable', null],
      rob2: ['hidden', null],
      ho1: ['scored', 100],
      ho2: ['unanswered-required', 0],
      gov1: ['scored', 75],
      gov2: ['unanswered-optional', null],
      fair1: ['scored', 70],
      info: ['informative', null],
    });
  });

  it('computes weighted means per instrumental, core principle and overall (hand-computed)', () => {
    // accuracy = (2×50 + 1×20) / 3 = 40; robustness: nothing counted → null
    expect(sheet.instrumental.accuracy).toBeCloseTo(40, 10);
    expect(sheet.instrumental['robustness-safety']).toBeNull();
    // human-oversight = (100 + 0) / 2 = 50; accountability = 75; non-discrimination = 70
    expect(sheet.instrumental['human-oversight']).toBe(50);
    // core = mean of the scored instrumental principles
    expect(sheet.core['minimization-of-harm']).toBeCloseTo(40, 10);
    expect(sheet.core['human-autonomy']).toBe(50);
    expect(sheet.core['good-governance']).toBe(75);
    expect(sheet.core.fairness).toBe(70);
    expect(sheet.core.lawfulness).toBeNull();
    // overall with equal weights over the four scored cores = (40 + 50 + 75 + 70) / 4 = 58.75
    expect(sheet.overall).toBeCloseTo(58.75, 10);
  });

  it('breaks the overall score down into per-question contributions that add up to it', () => {
    const sum = sheet.questions.reduce((total, q) => total + q.contribution, 0);
    expect(Math.abs(sum - (sheet.overall as number))).toBeLessThan(1e-9);
    // acc1: 20/80 (core share) × 1/1 (instrumental) × 2/3 (weight) × 50
    expect(sheet.questions.find((q) => q.questionName === 'acc1')?.contribution).toBeCloseTo(
      (20 / 80) * (2 / 3) * 50,
      10,
    );
  });

  it('leaves a free-text answer without a panel score out, and says so', () => {
    const pending = scoreResponse(ITEMS, ANSWERS, { weights: EQUAL_WEIGHTS });
    expect(pending.questions.find((q) => q.questionName === 'gov1')?.status).toBe('awaiting-panel');
    expect(pending.core['good-governance']).toBeNull();
  });

  it('returns null, not zero, when nothing is scorable', () => {
    expect(
      scoreResponse(
        [item({ questionName: 'x', principle: 'accuracy', visible: false })],
        {},
        { weights: EQUAL_WEIGHTS },
      ).overall,
    ).toBeNull();
  });

  it('is deterministic', () => {
    expect(scoreResponse(ITEMS, ANSWERS, { weights: EQUAL_WEIGHTS, panelScores: { gov1: 3 } })).toEqual(sheet);
  });

  it('flags answered questions that ask for evidence and have none', () => {
    const items = [
      item({ questionName: 'e1', principle: 'accuracy', evidenceRequired: true }),
      item({ questionName: 'e2', principle: 'accuracy', evidenceRequired: true }),
    ];
    expect(missingEvidence(items, { e1: 'yes', e2: 'yes' }, { e2: 1 })).toEqual([{ questionName: 'e1', title: 'e1' }]);
  });
});

describe('criteria weights', () => {
  it('requires all five criteria, within range, adding up to 100', () => {
    expect(validateCriteriaWeights(EQUAL_WEIGHTS)).toEqual([]);
    expect(validateCriteriaWeights({ ...EQUAL_WEIGHTS, fairness: 30 })).toEqual([
      'weights must add up to 100 (they add up to 110)',
    ]);
    expect(validateCriteriaWeights({ lawfulness: 100, speed: 0 })).toEqual(
      expect.arrayContaining(['unknown criteria: speed', 'Fairness: a weight is required']),
    );
  });

  it('shifts one weight and rescales the others to keep 100', () => {
    const shifted = shiftWeight(
      { lawfulness: 40, 'minimization-of-harm': 30, 'human-autonomy': 10, fairness: 10, 'good-governance': 10 },
      'lawfulness',
      10,
    );
    expect(shifted.lawfulness).toBe(50);
    expect(shifted['minimization-of-harm']).toBeCloseTo(25, 10);
    expect(Object.values(shifted).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
  });
});

describe('compareProviders', () => {
  const core = (values: number[]) => ({
    lawfulness: values[0],
    'minimization-of-harm': values[1],
    'human-autonomy': values[2],
    fairness: values[3],
    'good-governance': values[4],
  });
  const provider = (id: string, values: number[], knockout = false): ProviderResult => ({
    providerId: id,
    name: id.toUpperCase(),
    sheet: { core: core(values), instrumental: { accuracy: values[1], legitimacy: values[0] } as never, overall: null },
    findings: knockout
      ? [
          {
            ruleId: 'ko-audit',
            kind: 'knockout',
            severity: 'critical',
            title: 'Refuses audit',
            firedBy: [{ questionName: 'audit', answer: 'refuse' }],
          },
        ]
      : [],
    missingEvidence: [],
  });
  const weights: CriteriaWeights = {
    lawfulness: 30,
    'minimization-of-harm': 30,
    'human-autonomy': 20,
    fairness: 10,
    'good-governance': 10,
  };

  it('ranks eligible providers, shares ranks on ties and lists knock-outs unranked', () => {
    const comparison = compareProviders(
      [
        provider('a', [80, 80, 80, 80, 80]),
        provider('b', [90, 90, 90, 90, 90]),
        provider('c', [80, 80, 80, 80, 80]),
        provider('d', [100, 100, 100, 100, 100], true),
      ],
      weights,
    );
    expect(comparison.ranked.map((r) => [r.providerId, r.rank, r.overall])).toEqual([
      ['b', 1, 90],
      ['a', 2, 80],
      ['c', 2, 80],
    ]);
    expect(comparison.disqualified.map((d) => [d.providerId, d.knockouts[0].ruleId])).toEqual([['d', 'ko-audit']]);
    expect(comparison.sensitivity.closePairs).toEqual([{ a: 'a', b: 'c', difference: 0 }]);
  });

  it('detects a ranking that flips when a weight moves by 10 points', () => {
    // x leads on lawfulness, y on fairness: x = .3×90+.3×70+.2×70+.1×50+.1×70 = 74; y = .3×70+.3×70+.2×70+.1×100+.1×70 = 73
    const comparison = compareProviders(
      [provider('x', [90, 70, 70, 50, 70]), provider('y', [70, 70, 70, 100, 70])],
      weights,
    );
    expect(comparison.ranked.map((r) => r.overall)).toEqual([74, 73]);
    const fairnessUp = comparison.sensitivity.cases.find((c) => c.principle === 'fairness' && c.delta === 10)!;
    expect(fairnessUp.changed).toBe(true);
    expect(fairnessUp.swaps).toEqual([['x', 'y']]);
    expect(comparison.sensitivity.cases.find((c) => c.principle === 'lawfulness' && c.delta === 10)?.changed).toBe(
      false,
    );
    expect(comparison.sensitivity.rankingStable).toBe(false);
    expect(comparison.sensitivity.closePairs).toEqual([{ a: 'x', b: 'y', difference: expect.closeTo(1, 9) }]);
  });
});

describe('charts', () => {
  const series = [{ name: '<script>alert(1)</script> Ltd', values: { lawfulness: 80, fairness: null } }];

  it('escapes provider names and describes values in text', () => {
    for (const chart of [
      principleBarChart(series, 'Scores'),
      heatMap(series, [{ id: 'lawfulness', name: 'Lawfulness' }], 'Matrix'),
    ]) {
      expect(chart).not.toContain('<script>');
      expect(chart).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Ltd');
      expect(chart).toMatch(/^<svg [^>]*role="img"/);
      expect(chart).toMatch(/<desc id="chart-[a-z0-9]+-desc">[^<]*Lawfulness 80/);
    }
  });

  it('draws a radar with one labelled axis per core principle', () => {
    const radar = principleRadarChart({ lawfulness: 50, 'good-governance': 100 }, 'Provider A');
    expect(radar.match(/<text /g)).toHaveLength(5);
    expect(radar).toContain('Good governance 100');
    expect(radar).toContain('Fairness n/a');
  });
});
