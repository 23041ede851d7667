import fc from 'fast-check';
import { INSTRUMENTAL_PRINCIPLES, NOT_APPLICABLE } from '@probity/rubric';
import { scoreResponse } from './score-response';
import { ANSWERS, byName, item, ITEMS, PANEL, PUBLISHED } from './testing/rubric-fixtures';

describe('scoreResponse: breakdown', () => {
  const sheet = scoreResponse(ITEMS, ANSWERS, { weights: PUBLISHED, panelScores: PANEL });
  const questions = byName(sheet);

  it('gives each question its share of the overall score', () => {
    // acc1: criterion share 30/70 × instrumental share 1/1 × question share 2/3 × 50 points
    expect(questions.acc1.contribution).toBeCloseTo((30 / 70) * (2 / 3) * 50, 12);
    // ho2 counts as 0 points: it lowers the mean but contributes nothing
    expect(questions.ho2.contribution).toBe(0);
    expect(questions.rob1.contribution).toBe(0);
    // gov1: 10/70 × 1/2 of the criterion's units (gov2 counts as a blank) × 75
    expect(questions.gov1.contribution).toBeCloseTo((10 / 70) * (1 / 2) * 75, 12);
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
