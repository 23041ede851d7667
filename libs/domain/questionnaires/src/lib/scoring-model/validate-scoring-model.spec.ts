import { contentHash } from '../content-hash';
import type { QuestionnaireDefinition } from '../definition';
import { importQuestionnaire } from '../import-questionnaire';
import { publishedView } from '../published-view';
import type { ScoringModelDefinition } from './scoring-model';

const questionnaire = (scoringModel: unknown): QuestionnaireDefinition => ({
  pages: [
    {
      name: 'p',
      elements: [
        {
          type: 'radiogroup',
          name: 'q1',
          choices: [
            { value: 'a', score: -5 },
            { value: 'b', score: 250 },
          ],
        },
        { type: 'boolean', name: 'q2', scoreTrue: 3, scoreFalse: 0 },
        { type: 'comment', name: 'notes' },
      ],
    },
  ],
  scoringModel: scoringModel as ScoringModelDefinition,
});
const valid: ScoringModelDefinition = {
  direction: 'higher-is-better',
  groups: [{ name: 'total', questions: ['q1', 'q2'] }],
  values: [{ name: 'scaled', expression: 'round({total} / {totalMax} * 10, 1)', maximum: '10' }],
  levels: {
    of: 'scaled',
    basis: 'points',
    bands: [
      { name: 'weak', to: 4, pass: false },
      { name: 'good', from: 4 },
    ],
  },
  ranking: { by: 'level' },
};
const errorsOf = (model: unknown) => {
  const result = importQuestionnaire(questionnaire(model));
  return result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
};

describe('validation of a scoring model', () => {
  it('accepts any number of points for questions the model scores, without a principle', () => {
    const result = importQuestionnaire(questionnaire(valid));
    expect(result.ok && result.warnings.map((warning) => warning.path)).toEqual(['$.pages[0].elements[2]']);
  });

  it('keeps points outside 0–100 refused where no model scores the question', () => {
    expect(errorsOf(undefined)).toEqual(
      expect.arrayContaining(['$.pages[0].elements[0].choices[1].score: points must be a number from 0 to 100']),
    );
  });

  it('names unknown and unscored questions and clashing names', () => {
    expect(
      errorsOf({
        ...valid,
        groups: [
          { name: 'total', questions: ['q1', 'q9', 'notes', 'q1'] },
          { name: 'q2', questions: ['q2'] },
        ],
      }),
    ).toEqual([
      '$.scoringModel.groups[0].questions[1]: unknown question "q9"',
      '$.scoringModel.groups[0].questions[2]: "notes" (comment) has no points: give its choices a "score"',
      '$.scoringModel.groups[0].questions[3]: "q1" is listed twice in group "total"',
      '$.scoringModel.groups[1].name: "q2" is already the name of a question, group or value',
    ]);
    const clash = questionnaire(valid);
    clash.pages[0].elements[2].name = 'totalMax';
    expect(importQuestionnaire(clash)).toMatchObject({
      ok: false,
      errors: [
        { path: '$.scoringModel.groups[0].name', message: '"totalMax", the name of its maximum, is already taken' },
      ],
    });
  });

  it('refuses expressions that do not parse, read unknown or later names, or call unknown functions', () => {
    const withValues = (values: unknown) =>
      errorsOf({ ...valid, values, levels: undefined, ranking: { by: 'value', value: 'total' } });
    expect(withValues([{ name: 'x', expression: '{total} * ' }])).toEqual([
      '$.scoringModel.values[0].expression: cannot parse "{total} * " at character 10',
    ]);
    expect(
      withValues([
        { name: 'x', expression: '{y} + 1' },
        { name: 'y', expression: '{x}' },
      ]),
    ).toEqual(['$.scoringModel.values[0].expression: refers to {y}, which is no question, group or earlier value']);
    expect(withValues([{ name: 'x', expression: 'frobnicate({total})' }])).toEqual([
      '$.scoringModel.values[0].expression: calls frobnicate(), which SurveyJS does not define',
    ]);
  });

  it('refuses overlapping bands, gaps, open bounds in the middle and percentages without a maximum', () => {
    const withBands = (bands: unknown, basis = 'points', of = 'scaled') =>
      errorsOf({ ...valid, levels: { of, basis, bands } });
    expect(
      withBands([
        { name: 'a', to: 5 },
        { name: 'b', from: 4, to: 8 },
        { name: 'c', from: 9 },
      ]),
    ).toEqual([
      '$.scoringModel.levels.bands[1]: overlaps "a": it starts at 4, before "a" ends at 5',
      '$.scoringModel.levels.bands[2]: leaves a gap: values from 8 up to 9 would have no level',
    ]);
    expect(withBands([{ name: 'a' }, { name: 'a', from: 3, to: 2 }])).toEqual([
      '$.scoringModel.levels.bands[0].to: only the last band may leave out "to"',
      '$.scoringModel.levels.bands[1].name: duplicate level "a"',
      '$.scoringModel.levels.bands[1]: "from" (3) must be below "to" (2)',
    ]);
    expect(
      errorsOf({
        ...valid,
        values: [{ name: 'scaled', expression: '{total}' }],
        levels: { ...valid.levels, basis: 'percent-of-maximum' },
      }),
    ).toEqual(['$.scoringModel.levels.basis: "scaled" has no maximum: give the derived value a "maximum" expression']);
  });

  it('needs a direction, and levels for ranking by level or pass/fail', () => {
    expect(errorsOf({ groups: valid.groups, ranking: { by: 'none' } })).toEqual([
      '$.scoringModel.direction: must be higher-is-better or higher-is-riskier',
      '$.scoringModel.ranking: ranking "none" needs levels',
    ]);
  });

  it('is part of the content hash and of the published method', () => {
    const changed = { ...valid, values: [{ ...valid.values![0], expression: 'round({total} / {totalMax} * 10, 2)' }] };
    expect(contentHash(questionnaire(valid))).not.toBe(contentHash(questionnaire(changed)));
    expect(publishedView(questionnaire(valid)).scoringModel).toEqual(valid);
  });
});
