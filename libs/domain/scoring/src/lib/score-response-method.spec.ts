import { NOT_APPLICABLE, RubricItem } from '@probity/rubric';
import { compareAccuracy } from './accuracy-comparability';
import { effectiveWeights } from './effective-weights';
import { EvidenceVerdict } from './evidence-confirmation';
import { scoreResponse } from './score-response';
import { item, PUBLISHED } from './testing/rubric-fixtures';
import { EQUAL_WEIGHTS } from './weights';

const points = (items: RubricItem[], answers: Record<string, unknown>, options = {}) =>
  scoreResponse(items, answers, { weights: EQUAL_WEIGHTS, ...options }).questions.map((q) => q.points);

describe('scoring method: blanks, tables and N/A', () => {
  it('counts an optional question left blank as the worst answer, never better', () => {
    const optional = [item({ questionName: 'q', principle: 'accuracy', required: false })];
    const blank = scoreResponse(optional, {}, { weights: EQUAL_WEIGHTS });
    const worst = scoreResponse(optional, { q: 'no' }, { weights: EQUAL_WEIGHTS });
    expect([blank.questions[0].status, blank.questions[0].points]).toEqual(['unanswered-optional', 0]);
    expect(blank.overall).toBe(worst.overall);
  });

  it('averages a table over every row, a row left out counting 0, an allowed N/A row leaving the mean', () => {
    const table = item({
      questionName: 't',
      principle: 'non-discrimination',
      scoring: { kind: 'matrix', points: { ok: 100, gap: 40 }, rows: ['a', 'b', 'c', 'd'], naRows: ['d'] },
    });
    expect(points([table], { t: { a: 'ok', b: 'gap' } })).toEqual([140 / 4]);
    expect(points([table], { t: { a: 'ok', b: 'gap', c: 'ok', d: NOT_APPLICABLE } })).toEqual([80]);
    // N/A on a row the method does not allow it for is the worst answer for that row
    expect(points([table], { t: { a: NOT_APPLICABLE, b: 'ok', c: 'ok', d: 'ok' } })).toEqual([75]);
  });

  it('leaves a table out entirely when every row is N/A where allowed', () => {
    const table = item({
      questionName: 't',
      principle: 'non-discrimination',
      scoring: { kind: 'matrix', points: { ok: 100 }, rows: ['x'], naRows: ['x'] },
    });
    const [question] = scoreResponse([table], { t: { x: NOT_APPLICABLE } }, { weights: EQUAL_WEIGHTS }).questions;
    expect([question.status, question.points]).toEqual(['not-applicable', null]);
  });

  it('moves the points of a question answered N/A to the other questions of its criterion only', () => {
    const items = [
      item({ questionName: 'a', principle: 'accuracy', naAllowed: true }),
      item({ questionName: 'b', principle: 'wellbeing' }),
      item({ questionName: 'c', principle: 'privacy' }),
    ];
    const sheet = scoreResponse(items, { a: NOT_APPLICABLE, b: 'partly', c: 'yes' }, { weights: PUBLISHED });
    expect(sheet.core['minimization-of-harm']).toBe(50);
    expect(sheet.overall).toBeCloseTo((30 * 50 + 20 * 100) / 50, 12);
  });
});

describe('scoring method: confusion matrix', () => {
  const bands = [
    { max: 1, points: 100 },
    { min: 1, max: 5, points: 70 },
    { min: 5, points: 0 },
  ];
  const fields = { threshold: 'th', testSet: 'set', tp: 'tp', fp: 'fp', tn: 'tn', fn: 'fn' };
  const fpr = item({
    questionName: 'fp',
    principle: 'accuracy',
    scoring: { kind: 'confusion-matrix', metric: 'fpr', bands, fields },
  });
  const fnr = item({
    questionName: 'fn',
    principle: 'accuracy',
    scoring: { kind: 'confusion-matrix', metric: 'fnr', bands, fields },
  });
  const matrix = { th: '0.8', set: 'Set A v2', tp: 90, fp: 3, tn: 97, fn: 10 };

  it('computes the rates from the counts, the same way for every provider', () => {
    // FPR = 3 / (3 + 97) = 3 % → 70; FNR = 10 / (10 + 90) = 10 % → 0
    expect(points([fpr, fnr], matrix)).toEqual([70, 0]);
    // FP / (FP + TP), the false discovery rate, would be 3.2 %: the method never takes a rate on trust.
    expect(points([fpr], { ...matrix, fp: 1, tn: 999 })).toEqual([100]);
  });

  it('scores incomplete or impossible counts as 0 and a blank as the worst answer', () => {
    expect(points([fpr, fnr], { ...matrix, tp: undefined })).toEqual([0, 0]);
    expect(points([fpr, fnr], { ...matrix, fp: -1, fn: 2.5 })).toEqual([0, 0]);
    expect(points([fpr, fnr], {})).toEqual([0, 0]);
  });
});

describe('scoring method: evidence must be attached and confirmed', () => {
  const claim = item({ questionName: 'claim', principle: 'accuracy', evidenceRequired: true });
  const score = (answer: string, attached: boolean, verdict?: EvidenceVerdict) => {
    const sheet = scoreResponse(
      [claim],
      { claim: answer },
      {
        weights: EQUAL_WEIGHTS,
        attachedEvidence: new Set(attached ? ['claim'] : []),
        evidenceConfirmations: new Map(verdict ? [['claim', verdict]] : []),
      },
    );
    return [sheet.questions[0].evidence, sheet.questions[0].points, sheet.awaitingEvidenceConfirmation];
  };

  it('earns the points only when the panel confirms attached evidence', () => {
    expect(score('yes', false)).toEqual(['missing', 0, []]);
    expect(score('yes', true)).toEqual(['awaiting-confirmation', 0, ['claim']]);
    expect(score('yes', true, 'does-not-support')).toEqual(['not-supported', 0, []]);
    expect(score('yes', true, 'supports')).toEqual(['confirmed', 100, []]);
    // a confirmation recorded for evidence that is no longer attached does not count
    expect(score('partly', false, 'supports')).toEqual(['missing', 0, []]);
  });

  it('needs no evidence for the worst answer', () => {
    expect(score('no', false)).toEqual([undefined, 0, []]);
  });
});

describe('effective weights', () => {
  const items = [
    item({ questionName: 'a1', principle: 'accuracy' }),
    item({ questionName: 'a2', principle: 'accuracy' }),
    item({ questionName: 'w1', principle: 'wellbeing', weight: 2 }),
    item({ questionName: 'l1', principle: 'legitimacy' }),
    item({ questionName: 'p1', principle: 'privacy' }),
    item({ questionName: 'f1', principle: 'non-discrimination' }),
    item({ questionName: 'g1', principle: 'accountability' }),
    item({ questionName: 'hidden', principle: 'accountability', visible: false }),
    item({ questionName: 'info', principle: 'accountability', weight: 0 }),
  ];

  it('gives every question its points of 100 by its own weights, not its number of siblings', () => {
    const table = effectiveWeights(items, PUBLISHED);
    const byName = Object.fromEntries(table.rows.map((row) => [row.questionName, row.points]));
    // minimization of harm (30) shares 1 + 1 + 2 units: a1 and a2 are worth the same as any 1-unit question
    expect(byName.a1).toBeCloseTo(7.5, 12);
    expect(byName.a2).toBeCloseTo(7.5, 12);
    expect(byName.w1).toBeCloseTo(15, 12);
    expect(Object.keys(byName)).not.toContain('hidden');
    expect(Object.keys(byName)).not.toContain('info');
    expect(table.total).toBeCloseTo(100, 9);
  });

  it('matches the scorer: a perfect answer to one question adds exactly its points', () => {
    const answers = Object.fromEntries(items.map((i) => [i.questionName, 'no']));
    const table = effectiveWeights(items, PUBLISHED);
    for (const row of table.rows) {
      const sheet = scoreResponse(items, { ...answers, [row.questionName]: 'yes' }, { weights: PUBLISHED });
      expect(sheet.overall).toBeCloseTo(row.points, 9);
    }
  });

  it('marks questions worth far more or far less than the average', () => {
    const skewed = effectiveWeights(items, { ...PUBLISHED, lawfulness: 60, 'minimization-of-harm': 0 });
    const flagged = Object.fromEntries(skewed.rows.map((row) => [row.questionName, row.outlier]));
    expect(flagged.l1).toBe('high');
    expect(flagged.a1).toBe('low');
    expect(flagged.p1).toBeNull();
  });
});

describe('accuracy figures across providers', () => {
  const base = { threshold: '0.80', testSet: 'Agency set v2', tp: 100, fp: 10, tn: 890, fn: 0 };

  it('computes FPR, FNR, precision and base rate the same way for everyone', () => {
    const [a] = compareAccuracy([{ providerId: 'a', matrix: base }]);
    expect(a).toMatchObject({ fpr: (100 * 10) / 900, fnr: 0, precision: (100 * 100) / 110, baseRate: 10, issues: [] });
  });

  it('flags figures measured on another test set, threshold or base rate', () => {
    const figures = compareAccuracy([
      { providerId: 'a', matrix: base },
      { providerId: 'b', matrix: { ...base, testSet: ' agency  SET v2 ', fp: 3 } },
      { providerId: 'c', matrix: { ...base, testSet: 'Vendor benchmark', threshold: '0.5' } },
      { providerId: 'd', matrix: { ...base, tp: 10, tn: 980 } },
      { providerId: 'e', matrix: { ...base, fp: 'many' } },
    ]);
    expect(figures.map((f) => [f.providerId, f.issues])).toEqual([
      ['a', []],
      ['b', []],
      ['c', ['test-set', 'threshold']],
      ['d', ['base-rate']],
      ['e', ['no-figures']],
    ]);
  });
});
