import { NOT_APPLICABLE } from '@probity/rubric';
import type { QuestionnaireDefinition } from '../definition';
import { evaluateScoringModel } from './evaluate-scoring-model';

const definition: QuestionnaireDefinition = {
  pages: [
    {
      name: 'p',
      elements: [
        {
          type: 'radiogroup',
          name: 'policy',
          weight: 3,
          naAllowed: true,
          choices: [
            { value: 'none', score: -2 },
            { value: 'draft', score: 1 },
            { value: 'adopted', score: 5 },
          ],
        },
        { type: 'rating', name: 'maturity', rateMin: 1, rateMax: 5 },
        {
          type: 'matrix',
          name: 'controls',
          rows: ['access', 'logging'],
          columns: [
            { value: 'no', score: 0 },
            { value: 'yes', score: 2 },
          ],
        },
        { type: 'boolean', name: 'audited', scoreTrue: 4, scoreFalse: 0, visibleIf: "{policy} = 'adopted'" },
      ],
    },
  ],
  scoringModel: {
    direction: 'higher-is-better',
    groups: [{ name: 'readiness', questions: ['policy', 'maturity', 'controls', 'audited'], maximum: 'visible' }],
    values: [{ name: 'share', expression: '{readiness} / {readinessMax}' }],
    levels: {
      of: 'readiness',
      basis: 'points',
      bands: [
        { name: 'low', to: 10, pass: false },
        { name: 'high', from: 10 },
      ],
    },
    ranking: { by: 'none' },
  },
};
const evaluate = (answers: Record<string, unknown>) => evaluateScoringModel(definition, answers);

describe('scoring-model evaluation', () => {
  it('multiplies points (any number) by weight, sums tables and ratings, and counts only shown questions', () => {
    // policy adopted 5 × 3 = 15 (max 15) + maturity 4 (max 5) + controls 2 + 0 (max 4) + audited 4 (max 4) = 25 of 28
    const outcome = evaluate({
      policy: 'adopted',
      maturity: 4,
      controls: { access: 'yes', logging: 'no' },
      audited: true,
    });
    expect(outcome?.groups[0]).toMatchObject({ total: 25, maximum: 28 });
    expect(outcome?.values[1]).toEqual({ name: 'share', value: 25 / 28, maximum: null });
    expect(outcome?.level).toEqual({
      of: 'readiness',
      measured: 25,
      basis: 'points',
      level: 'high',
      index: 1,
      pass: true,
    });
    expect(outcome?.ranking).toEqual({ by: 'none' });
  });

  it('counts a blank as the lowest points when higher is better, and N/A leaves total and maximum', () => {
    // policy none −2 × 3 = −6 (max 15) + maturity blank → 1 (max 5) + controls with a row missing → blank → 0 (max 4);
    // audited hidden (maximum "visible": not counted) → −5 of 24
    const blank = evaluate({ policy: 'none', controls: { access: 'yes' }, audited: true });
    expect(blank?.groups[0]).toMatchObject({ total: -5, maximum: 24 });
    expect(blank?.groups[0].questions.map((q) => q.status)).toEqual(['answered', 'blank', 'blank', 'hidden']);
    // N/A policy: maturity 5 + controls 4 = 9 of 9
    const notApplicable = evaluate({
      policy: NOT_APPLICABLE,
      maturity: 5,
      controls: { access: 'yes', logging: 'yes' },
    });
    expect(notApplicable?.groups[0]).toMatchObject({ total: 9, maximum: 9 });
    expect(notApplicable?.level).toMatchObject({ level: 'low', pass: false });
  });

  it('gives no value, and so no level, when an expression has no finite result', () => {
    const outcome = evaluateScoringModel(
      {
        ...definition,
        scoringModel: { ...definition.scoringModel!, levels: { ...definition.scoringModel!.levels!, of: 'share' } },
      },
      { policy: NOT_APPLICABLE, maturity: 'x' },
    );
    // maturity "x" is blank → 1 of 5; controls blank → 0 of 4: share = 1 / 9, finite
    expect(outcome?.values[1].value).toBeCloseTo(1 / 9, 12);
    const empty = evaluateScoringModel(
      {
        ...definition,
        scoringModel: {
          ...definition.scoringModel!,
          values: [{ name: 'share', expression: '{readiness} / 0' }],
          levels: { ...definition.scoringModel!.levels!, of: 'share' },
        },
      },
      {},
    );
    expect(empty?.values[1].value).toBeNull();
    expect(empty?.level).toMatchObject({ measured: null, level: null, pass: null });
  });

  it('is null for a questionnaire without a model', () => {
    expect(evaluateScoringModel({ pages: definition.pages }, {})).toBeNull();
  });
});
