import { NOT_APPLICABLE } from '@probity/rubric';
import { ScoringInputError } from './errors';
import { reweighScoreSheet, ScoreSheet, scoreResponse, SCORING_VERSION } from './score-response';
import { ANSWERS, item, ITEMS, PANEL, PUBLISHED } from './testing/rubric-fixtures';
import { EQUAL_WEIGHTS } from './weights';

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
      gov2: ['unanswered-optional', 0, 'automatic'],
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
    // Only the unanswered ones count, as 0 (optional or not: a blank never beats the worst answer).
    expect(pending.overall).toBe(0);

    const judged = scoreResponse(items, answers, {
      weights: EQUAL_WEIGHTS,
      panelScores: { text: 4, file: 2.5, judgedNa: NOT_APPLICABLE },
    });
    expect(judged.questions.map((q) => [q.status, q.points, q.source])).toEqual([
      ['scored', 100, 'panel'],
      ['scored', 62.5, 'panel'],
      ['unanswered-optional', 0, 'automatic'],
      ['unanswered-required', 0, 'automatic'],
      ['not-applicable', null, 'panel'],
    ]);
    expect(judged.awaitingPanel).toEqual([]);
    // accountability = (100 + 62.5 + 0 + 0) / 4
    expect(judged.overall).toBeCloseTo(162.5 / 4, 12);
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
    // human oversight = (100 + 0) / 2; accountability = (75 + 0) / 2 (gov2 optional and blank: 0); non-discrimination = 70
    expect(sheet.instrumental['human-oversight']).toBe(50);
    expect(sheet.instrumental.accountability).toBe(37.5);
    expect(sheet.instrumental['non-discrimination']).toBe(70);
    // legitimacy holds only an informative question
    expect(sheet.instrumental.legitimacy).toBeNull();
  });

  it('averages core principles over their scored instrumental principles', () => {
    expect(sheet.core['minimization-of-harm']).toBeCloseTo(40, 12);
    expect(sheet.core['human-autonomy']).toBe(50);
    expect(sheet.core.fairness).toBe(70);
    expect(sheet.core['good-governance']).toBe(37.5);
    expect(sheet.core.lawfulness).toBeNull();
  });

  it('weights the overall by the criteria, leaving out criteria with nothing scorable', () => {
    // equal weights over the four scored cores: (40 + 50 + 70 + 37.5) / 4 = 49.375
    expect(sheet.overall).toBeCloseTo(49.375, 12);
    // published weights, lawfulness (30) left out: (30×40 + 20×50 + 10×70 + 10×37.5) / 70 = 3275 / 70
    const published = scoreResponse(ITEMS, ANSWERS, { weights: PUBLISHED, panelScores: PANEL });
    expect(published.overall).toBeCloseTo(3275 / 70, 12);
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
    expect(reweighed.overall).toBeCloseTo(3275 / 70, 12);
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
