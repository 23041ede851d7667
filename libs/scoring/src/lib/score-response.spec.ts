import fc from 'fast-check';
import { INSTRUMENTAL_PRINCIPLES, NOT_APPLICABLE, RubricItem } from '@probity/rubric';
import { ScoringInputError } from './errors';
import { reweighScoreSheet, ScoreSheet, scoreResponse, SCORING_VERSION } from './score-response';
import { CriteriaWeights, EQUAL_WEIGHTS } from './weights';

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
  // accuracy (minimization of harm): question weights 2 and 1
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
  // robustness and safety: answered N/A where allowed; hidden by logic (answered, and unanswered but required)
  item({ questionName: 'rob1', principle: 'robustness-safety', naAllowed: true }),
  item({ questionName: 'rob2', principle: 'robustness-safety', visible: false }),
  item({ questionName: 'rob3', principle: 'robustness-safety', visible: false }),
  // human oversight: a checkbox, and a required question left unanswered
  item({
    questionName: 'ho1',
    principle: 'human-oversight',
    scoring: { kind: 'multiple-choice', points: { a: 60, b: 60, c: 10 } },
  }),
  item({ questionName: 'ho2', principle: 'human-oversight' }),
  // accountability: free text for the panel, and an optional question left unanswered
  item({ questionName: 'gov1', principle: 'accountability', scoring: { kind: 'manual' } }),
  item({ questionName: 'gov2', principle: 'accountability', required: false }),
  // non-discrimination: a matrix
  item({
    questionName: 'fair1',
    principle: 'non-discrimination',
    scoring: { kind: 'matrix', points: { tested: 100, gap: 40, untested: 0 } },
  }),
  // legitimacy: informative only (weight 0)
  item({ questionName: 'info', principle: 'legitimacy', weight: 0 }),
];

const ANSWERS = {
  acc1: 'partly', // 50
  acc2: 7, // 7 is in [5, ∞) → 20
  rob1: NOT_APPLICABLE,
  rob2: 'yes', // hidden: never scored
  ho1: ['a', 'b'], // 60 + 60 = 120, capped at 100
  // ho2 unanswered but required → 0
  gov1: 'We have a documented accountability policy.', // panel score 3 → 75
  fair1: { women: 'tested', men: 'gap' }, // (100 + 40) / 2 = 70
  info: 'no',
};

const PANEL = { gov1: 3 };

const PUBLISHED: CriteriaWeights = {
  lawfulness: 30,
  'minimization-of-harm': 30,
  'human-autonomy': 20,
  fairness: 10,
  'good-governance': 10,
};

const byName = (sheet: ScoreSheet) => Object.fromEntries(sheet.questions.map((q) => [q.questionName, q]));

describe('scoreResponse: per-question rules', () => {
  const sheet = scoreResponse(ITEMS, ANSWERS, { weights: EQUAL_WEIGHTS, panelScores: PANEL });

  it('gives each question its status, points and source', () => {
    expect(Object.fromEntries(sheet.questions.map((q) => [q.questionName, [q.status, q.points, q.source]]))).toEqual({
      acc1: ['scored', 50, 'automatic'],
      acc2: ['scored', 20, 'automatic'],
      rob1: ['not-applicable', null, null],
      rob2: ['hidden', null, null],
      rob3: ['hidden', null, null],
      ho1: ['scored', 100, 'automatic'],
      ho2: ['unanswered-required', 0, 'automatic'],
      gov1: ['scored', 75, 'panel'],
      gov2: ['unanswered-optional', null, null],
      fair1: ['scored', 70, 'automatic'],
      info: ['informative', null, null],
    });
  });

  it('records the scoring version and the weights used', () => {
    expect(sheet.scoringVersion).toBe(SCORING_VERSION);
    expect(sheet.weights).toEqual(EQUAL_WEIGHTS);
    expect(sheet.principleWeights.accuracy).toBe(1);
    expect(Object.keys(sheet.principleWeights)).toHaveLength(17);
  });

  it('treats N/A as no answer where the question does not allow it', () => {
    const strict = [item({ questionName: 'q', principle: 'accuracy', naAllowed: false })];
    const [question] = scoreResponse(strict, { q: NOT_APPLICABLE }, { weights: EQUAL_WEIGHTS }).questions;
    expect([question.status, question.points]).toEqual(['unanswered-required', 0]);
  });

  it('scores choices the rubric has no points for as 0, including prototype names', () => {
    const items = [
      item({ questionName: 'single', principle: 'accuracy' }),
      item({ questionName: 'proto', principle: 'accuracy' }),
      item({ questionName: 'multi', principle: 'accuracy', scoring: { kind: 'multiple-choice', points: { a: 30 } } }),
      item({ questionName: 'matrix', principle: 'accuracy', scoring: { kind: 'matrix', points: { ok: 100 } } }),
    ];
    const sheet = scoreResponse(
      items,
      { single: 'maybe', proto: 'constructor', multi: ['a', 'a', 'toString'], matrix: 'ok' },
      { weights: EQUAL_WEIGHTS },
    );
    // multi: 'a' counts once (30), 'toString' is no choice (0); a matrix answer that is no object scores 0
    expect(sheet.questions.map((q) => q.points)).toEqual([0, 0, 30, 0]);
  });

  it('finds numeric bands with inclusive lower and exclusive upper bounds', () => {
    const bands = item({
      questionName: 'n',
      principle: 'accuracy',
      scoring: {
        kind: 'numeric-bands',
        bands: [
          { max: 5, points: 100 },
          { min: 5, max: 10, points: 20 },
        ],
      },
    });
    const points = (answer: unknown) => scoreResponse([bands], { n: answer }, { weights: EQUAL_WEIGHTS }).overall;
    expect([points(4.99), points(5), points('3'), points(10), points('many')]).toEqual([100, 20, 100, 0, 0]);
  });

  it('never auto-scores judgement questions: panel score, awaiting panel, or unanswered', () => {
    const items = [
      item({ questionName: 'text', principle: 'accountability', scoring: { kind: 'manual' } }),
      item({ questionName: 'file', principle: 'accountability', scoring: { kind: 'manual' } }),
      item({ questionName: 'date', principle: 'accountability', scoring: { kind: 'manual' }, required: false }),
      item({ questionName: 'missing', principle: 'accountability', scoring: { kind: 'manual' } }),
      item({ questionName: 'judgedNa', principle: 'accountability', scoring: { kind: 'manual' } }),
    ];
    const answers = { text: 'Our audit trail…', file: ['report.pdf'], judgedNa: 'Not relevant here.' };
    const pending = scoreResponse(items, answers, { weights: EQUAL_WEIGHTS });
    expect(pending.questions.map((q) => q.status)).toEqual([
      'awaiting-panel',
      'awaiting-panel',
      'unanswered-optional',
      'unanswered-required',
      'awaiting-panel',
    ]);
    expect(pending.awaitingPanel).toEqual(['text', 'file', 'judgedNa']);
    // Only the unanswered required one counts, as 0.
    expect(pending.overall).toBe(0);

    const judged = scoreResponse(items, answers, {
      weights: EQUAL_WEIGHTS,
      panelScores: { text: 4, file: 2.5, judgedNa: NOT_APPLICABLE },
    });
    expect(judged.questions.map((q) => [q.status, q.points, q.source])).toEqual([
      ['scored', 100, 'panel'],
      ['scored', 62.5, 'panel'],
      ['unanswered-optional', null, null],
      ['unanswered-required', 0, 'automatic'],
      ['not-applicable', null, 'panel'],
    ]);
    expect(judged.awaitingPanel).toEqual([]);
    // accountability = (100 + 62.5 + 0) / 3 = 54.1666…
    expect(judged.overall).toBeCloseTo(162.5 / 3, 12);
  });

  it('ignores panel scores for automatic and hidden questions', () => {
    const items = [
      item({ questionName: 'choice', principle: 'accuracy' }),
      item({ questionName: 'hiddenText', principle: 'accuracy', visible: false, scoring: { kind: 'manual' } }),
    ];
    const sheet = scoreResponse(
      items,
      { choice: 'no', hiddenText: 'x' },
      { weights: EQUAL_WEIGHTS, panelScores: { choice: 4, hiddenText: 4 } },
    );
    expect(sheet.questions.map((q) => [q.status, q.points])).toEqual([
      ['scored', 0],
      ['hidden', null],
    ]);
  });
});

describe('scoreResponse: weighted means (hand-computed)', () => {
  const sheet = scoreResponse(ITEMS, ANSWERS, { weights: EQUAL_WEIGHTS, panelScores: PANEL });

  it('averages per instrumental principle by question weight', () => {
    // accuracy = (2×50 + 1×20) / 3 = 40
    expect(sheet.instrumental.accuracy).toBeCloseTo(40, 12);
    // robustness: N/A and hidden only → no score, not 0
    expect(sheet.instrumental['robustness-safety']).toBeNull();
    // human oversight = (100 + 0) / 2; accountability = 75 (gov2 optional, left out); non-discrimination = 70
    expect(sheet.instrumental['human-oversight']).toBe(50);
    expect(sheet.instrumental.accountability).toBe(75);
    expect(sheet.instrumental['non-discrimination']).toBe(70);
    // legitimacy holds only an informative question
    expect(sheet.instrumental.legitimacy).toBeNull();
  });

  it('averages core principles over their scored instrumental principles', () => {
    expect(sheet.core['minimization-of-harm']).toBeCloseTo(40, 12);
    expect(sheet.core['human-autonomy']).toBe(50);
    expect(sheet.core.fairness).toBe(70);
    expect(sheet.core['good-governance']).toBe(75);
    expect(sheet.core.lawfulness).toBeNull();
  });

  it('weights the overall by the criteria, leaving out criteria with nothing scorable', () => {
    // equal weights over the four scored cores: (40 + 50 + 70 + 75) / 4 = 58.75
    expect(sheet.overall).toBeCloseTo(58.75, 12);
    // published weights, lawfulness (30) left out: (30×40 + 20×50 + 10×70 + 10×75) / 70 = 3650 / 70
    const published = scoreResponse(ITEMS, ANSWERS, { weights: PUBLISHED, panelScores: PANEL });
    expect(published.overall).toBeCloseTo(3650 / 70, 12);
  });

  it('weights instrumental principles inside their core principle when configured', () => {
    const items = [
      item({ questionName: 'acc', principle: 'accuracy' }),
      item({ questionName: 'wb', principle: 'wellbeing' }),
    ];
    const answers = { acc: 'yes', wb: 'no' };
    const score = (principleWeights?: Record<string, number>) =>
      scoreResponse(items, answers, { weights: EQUAL_WEIGHTS, principleWeights }).core['minimization-of-harm'];
    expect(score()).toBe(50); // (100 + 0) / 2
    expect(score({ accuracy: 3 })).toBe(75); // (3×100 + 1×0) / 4
    expect(score({ wellbeing: 0 })).toBe(100); // wellbeing weighs nothing
    expect(score({ accuracy: 0, wellbeing: 0 })).toBeNull();
  });

  it('returns null, not zero, when nothing is scorable', () => {
    // Hidden, N/A and a free-text answer still awaiting the panel: nothing counts yet.
    const empty = scoreResponse(
      [
        item({ questionName: 'hidden', principle: 'accuracy', visible: false }),
        item({ questionName: 'na', principle: 'privacy', naAllowed: true }),
        item({ questionName: 'text', principle: 'accountability', scoring: { kind: 'manual' } }),
      ],
      { hidden: 'yes', na: NOT_APPLICABLE, text: 'Described in annex B.' },
      { weights: EQUAL_WEIGHTS },
    );
    expect(empty.overall).toBeNull();
    expect(Object.values(empty.core).every((value) => value === null)).toBe(true);
    expect(empty.questions.every((q) => q.contribution === 0)).toBe(true);
  });

  it('returns null when only criteria weighing 0 have scores', () => {
    const sheet = scoreResponse(
      [item({ questionName: 'q', principle: 'accuracy' })],
      { q: 'yes' },
      {
        weights: { ...EQUAL_WEIGHTS, 'minimization-of-harm': 0, lawfulness: 40 },
      },
    );
    expect(sheet.core['minimization-of-harm']).toBe(100);
    expect(sheet.overall).toBeNull();
  });
});

describe('scoreResponse: breakdown', () => {
  const sheet = scoreResponse(ITEMS, ANSWERS, { weights: PUBLISHED, panelScores: PANEL });
  const questions = byName(sheet);

  it('gives each question its share of the overall score', () => {
    // acc1: criterion share 30/70 × instrumental share 1/1 × question share 2/3 × 50 points
    expect(questions.acc1.contribution).toBeCloseTo((30 / 70) * (2 / 3) * 50, 12);
    // ho2 counts as 0 points: it lowers the mean but contributes nothing
    expect(questions.ho2.contribution).toBe(0);
    expect(questions.rob1.contribution).toBe(0);
    // gov1: 10/70 × 1 × 1/1 (gov2 left out) × 75
    expect(questions.gov1.contribution).toBeCloseTo((10 / 70) * 75, 12);
  });

  it('has contributions that add up to the overall score within 1e-9', () => {
    const sum = sheet.questions.reduce((total, q) => total + q.contribution, 0);
    expect(Math.abs(sum - (sheet.overall as number))).toBeLessThan(1e-9);
  });

  it('has principle contributions that add up to each instrumental score', () => {
    for (const principle of INSTRUMENTAL_PRINCIPLES) {
      const own = sheet.questions.filter((q) => q.principle === principle.id && q.points !== null);
      if (own.length === 0) continue;
      const sum = own.reduce((total, q) => total + (q.principleContribution as number), 0);
      expect(Math.abs(sum - (sheet.instrumental[principle.id] as number))).toBeLessThan(1e-9);
    }
  });

  it('keeps the breakdown exact for any rubric, answers and weights (property)', () => {
    const principleIds = INSTRUMENTAL_PRINCIPLES.map((p) => p.id);
    const question = fc.record({
      principle: fc.constantFrom(...principleIds),
      weight: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 })),
      required: fc.boolean(),
      visible: fc.boolean(),
      answer: fc.constantFrom('yes', 'partly', 'no', undefined, NOT_APPLICABLE),
    });
    const weights = fc
      .tuple(...Array.from({ length: 5 }, () => fc.integer({ min: 0, max: 10 })))
      .filter((parts) => parts.some((part) => part > 0))
      .map((parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        const [lawfulness, harm, autonomy, fairness, governance] = parts.map((part) => (part / total) * 100);
        return {
          lawfulness,
          'minimization-of-harm': harm,
          'human-autonomy': autonomy,
          fairness,
          'good-governance': governance,
        };
      });
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 40 }), weights, (questions, criteria) => {
        const items = questions.map((q, i) =>
          item({
            questionName: `q${i}`,
            principle: q.principle,
            weight: q.weight,
            required: q.required,
            visible: q.visible,
            naAllowed: true,
          }),
        );
        const answers = Object.fromEntries(questions.map((q, i) => [`q${i}`, q.answer]));
        const result = scoreResponse(items, answers, { weights: criteria });
        const sum = result.questions.reduce((total, q) => total + q.contribution, 0);
        if (result.overall === null) return sum === 0;
        return Math.abs(sum - result.overall) < 1e-9 && result.overall >= 0 && result.overall <= 100 + 1e-9;
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });
});

describe('scoreResponse: determinism and re-weighing', () => {
  it('gives the same sheet for the same input, whatever the order of answer keys', () => {
    const first = scoreResponse(ITEMS, ANSWERS, { weights: PUBLISHED, panelScores: PANEL });
    const reordered = Object.fromEntries(Object.entries(ANSWERS).reverse());
    const second = scoreResponse(ITEMS, reordered, { weights: PUBLISHED, panelScores: PANEL });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('re-weighs a stored sheet to exactly what rescoring the answers would give', () => {
    const stored = JSON.parse(
      JSON.stringify(scoreResponse(ITEMS, ANSWERS, { weights: EQUAL_WEIGHTS, panelScores: PANEL })),
    ) as ScoreSheet;
    const reweighed = reweighScoreSheet(stored, { weights: PUBLISHED, principleWeights: { accuracy: 2 } });
    expect(reweighed).toEqual(
      scoreResponse(ITEMS, ANSWERS, { weights: PUBLISHED, principleWeights: { accuracy: 2 }, panelScores: PANEL }),
    );
    expect(reweighed.overall).toBeCloseTo(3650 / 70, 12);
  });

  it('keeps the stored principle weights when only the criteria change', () => {
    const stored = scoreResponse(ITEMS, ANSWERS, {
      weights: EQUAL_WEIGHTS,
      principleWeights: { 'human-oversight': 3 },
      panelScores: PANEL,
    });
    expect(reweighScoreSheet(stored, { weights: PUBLISHED }).principleWeights['human-oversight']).toBe(3);
  });

  it('refuses to re-weigh a sheet scored under other rules', () => {
    const stored = { ...scoreResponse(ITEMS, ANSWERS, { weights: EQUAL_WEIGHTS }), scoringVersion: '2026.11-1' };
    expect(() => reweighScoreSheet(stored, { weights: PUBLISHED })).toThrow(/scored with rules 2026\.11-1; rescore/);
  });
});

describe('scoreResponse: bad input', () => {
  const problemsOf = (run: () => unknown): string[] => {
    try {
      run();
    } catch (error) {
      if (error instanceof ScoringInputError) return error.problems;
      throw error;
    }
    throw new Error('expected a ScoringInputError');
  };

  it('rejects a malformed rubric with every problem named', () => {
    const problems = problemsOf(() =>
      scoreResponse(
        [
          item({ questionName: 'dup', principle: 'accuracy' }),
          item({ questionName: 'dup', principle: 'accuracy' }),
          item({ questionName: 'neg', principle: 'accuracy', weight: -1 }),
          item({
            questionName: 'big',
            principle: 'accuracy',
            scoring: { kind: 'single-choice', points: { yes: 150 } },
          }),
          item({ questionName: 'odd', principle: 'speed' as never }),
        ],
        {},
        { weights: EQUAL_WEIGHTS },
      ),
    );
    expect(problems).toEqual([
      'question dup appears twice in the rubric',
      'question neg: weight must be a number of 0 or more',
      'question big: choice points must be between 0 and 100',
      'question odd: unknown instrumental principle speed',
    ]);
  });

  it('rejects panel scores off the 0–4 scale and weights that do not add up to 100', () => {
    expect(
      problemsOf(() =>
        scoreResponse(ITEMS, ANSWERS, { weights: EQUAL_WEIGHTS, panelScores: { gov1: 5, other: Number.NaN } }),
      ),
    ).toEqual([
      'panel score for gov1 must be between 0 and 4 (got 5)',
      'panel score for other must be between 0 and 4 (got NaN)',
    ]);
    expect(problemsOf(() => scoreResponse(ITEMS, ANSWERS, { weights: { ...EQUAL_WEIGHTS, fairness: 30 } }))).toEqual([
      'criteria weights: weights must add up to 100 (they add up to 110)',
    ]);
  });
});
