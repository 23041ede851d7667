import { IMPACT_ASSESSMENT, IMPACT_ASSESSMENT_RESPONDENTS, evaluateScoringModel } from '@probity/questionnaires';
import { rankByScoringModel } from '@probity/scoring';
import { modelComparisonView } from './model-comparison-view';

describe('the comparison page’s scoring-model section', () => {
  const ranking = rankByScoringModel(
    Object.entries(IMPACT_ASSESSMENT_RESPONDENTS).map(([name, answers]) => ({
      providerId: name,
      name,
      outcome: evaluateScoringModel(IMPACT_ASSESSMENT, answers),
      knockedOut: name === 'Beta Vision',
    })),
  );

  it('states the rule and lists values with their maxima, levels and outcomes in ranking order', () => {
    const view = modelComparisonView(ranking ?? undefined, IMPACT_ASSESSMENT);
    expect(view?.rule).toBe('Ranked by Risk score, lowest first: higher means more risk.');
    expect(view?.columns).toEqual(['Impact', 'Mitigation', 'Risk score']);
    expect(view?.principlesMapped).toBe(false);
    // Beta Vision is knocked out: listed among the disqualified on the page, never ranked here.
    expect(view?.rows.map((row) => [row.rank, row.name, row.values.join(' | '), row.level, row.outcome])).toEqual([
      [1, 'Alpha Analytics', '3 of 60 | 22 of 24 | 2.7 of 60', 'Level I: little to no impact', 'passes'],
      [2, 'Epsilon Labs', '13 of 60 | 2 of 20 | 13 of 60', 'Level I: little to no impact', 'passes'],
      [3, 'Delta Data', '35 of 60 | 18 of 24 | 31.5 of 60', 'Level III: high impact', 'passes'],
      [4, 'Gamma Systems', '45 of 60 | 16 of 29 | 45 of 60', 'Level IV: very high impact', 'fails'],
    ]);
  });

  it('is absent for a questionnaire without a model', () => {
    expect(modelComparisonView(undefined, IMPACT_ASSESSMENT)).toBeNull();
    expect(modelComparisonView(ranking ?? undefined, { pages: IMPACT_ASSESSMENT.pages })).toBeNull();
  });
});
