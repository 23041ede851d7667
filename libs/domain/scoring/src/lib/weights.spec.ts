import { ScoringInputError } from './errors';
import {
  assertCriteriaWeights,
  CriteriaWeights,
  EQUAL_WEIGHTS,
  resolvePrincipleWeights,
  shiftWeight,
  validateCriteriaWeights,
  validatePrincipleWeights,
} from './weights';

const total = (weights: CriteriaWeights) => Object.values(weights).reduce((a, b) => a + b, 0);

describe('validateCriteriaWeights', () => {
  it('accepts five non-negative weights adding up to 100, decimals included', () => {
    expect(validateCriteriaWeights(EQUAL_WEIGHTS)).toEqual([]);
    expect(
      validateCriteriaWeights({
        lawfulness: 33.3,
        'minimization-of-harm': 33.3,
        'human-autonomy': 33.4,
        fairness: 0,
        'good-governance': 0,
      }),
    ).toEqual([]);
  });

  it('names each problem so the officer can fix it', () => {
    expect(validateCriteriaWeights({ ...EQUAL_WEIGHTS, fairness: 30 })).toEqual([
      'weights must add up to 100 (they add up to 110)',
    ]);
    expect(validateCriteriaWeights({ lawfulness: 100, speed: 0 })).toEqual([
      'Minimization of harm: a weight is required',
      'Human autonomy: a weight is required',
      'Fairness: a weight is required',
      'Good governance: a weight is required',
      'unknown criteria: speed',
    ]);
    expect(validateCriteriaWeights({ ...EQUAL_WEIGHTS, lawfulness: -10, fairness: 50 })).toEqual([
      'Lawfulness: must be between 0 and 100',
    ]);
    expect(validateCriteriaWeights({ ...EQUAL_WEIGHTS, fairness: '20' })).toEqual(['Fairness: a weight is required']);
    expect(validateCriteriaWeights([20, 20, 20, 20, 20])).toEqual([
      'criteria weights must be an object with one number per core principle',
    ]);
  });

  it('throws a ScoringInputError through assertCriteriaWeights', () => {
    expect(() => assertCriteriaWeights({ ...EQUAL_WEIGHTS, fairness: Number.NaN })).toThrow(
      new ScoringInputError(['criteria weights: Fairness: a weight is required']),
    );
    expect(() => assertCriteriaWeights(EQUAL_WEIGHTS)).not.toThrow();
  });
});

describe('principle weights', () => {
  it('fills in weight 1 for principles not configured', () => {
    const resolved = resolvePrincipleWeights({ accuracy: 2 });
    expect(resolved.accuracy).toBe(2);
    expect(resolved.privacy).toBe(1);
    expect(Object.keys(resolved)).toHaveLength(17);
  });

  it('rejects negative weights and unknown principles', () => {
    expect(validatePrincipleWeights({ accuracy: -1, speed: 1 })).toEqual([
      'Accuracy: must be a number of 0 or more',
      'unknown instrumental principle: speed',
    ]);
    expect(() => resolvePrincipleWeights({ privacy: Number.POSITIVE_INFINITY })).toThrow(
      'principle weights: Privacy: must be a number of 0 or more',
    );
  });
});

describe('shiftWeight', () => {
  const published: CriteriaWeights = {
    lawfulness: 40,
    'minimization-of-harm': 30,
    'human-autonomy': 10,
    fairness: 10,
    'good-governance': 10,
  };

  it('moves one weight and rescales the others proportionally to keep 100', () => {
    const shifted = shiftWeight(published, 'lawfulness', 10);
    // the others had 60 and now share 50: each × 50/60
    expect(shifted.lawfulness).toBe(50);
    expect(shifted['minimization-of-harm']).toBeCloseTo(25, 12);
    expect(shifted.fairness).toBeCloseTo(10 * (50 / 60), 12);
    expect(total(shifted)).toBeCloseTo(100, 12);
  });

  it('stops at 0 and 100', () => {
    const down = shiftWeight(published, 'fairness', -15);
    expect(down.fairness).toBe(0);
    expect(down.lawfulness).toBeCloseTo(40 * (100 / 90), 12);
    expect(total(down)).toBeCloseTo(100, 12);
    expect(shiftWeight(published, 'lawfulness', 70).lawfulness).toBe(100);
  });

  it('shares the rest equally when every other criterion weighs 0', () => {
    const all = {
      ...published,
      lawfulness: 100,
      'minimization-of-harm': 0,
      'human-autonomy': 0,
      fairness: 0,
      'good-governance': 0,
    };
    const shifted = shiftWeight(all, 'lawfulness', -10);
    expect(shifted).toEqual({
      lawfulness: 90,
      'minimization-of-harm': 2.5,
      'human-autonomy': 2.5,
      fairness: 2.5,
      'good-governance': 2.5,
    });
  });
});
