import { PUBLISHED_RULES, RED_FLAG_LABEL } from '@probity/rubric';
import { RESPONSIBLE_AI_HIGH_RISK } from '../bank/responsible-ai-bank';
import { importQuestionnaire } from './import-questionnaire';
import { IMPACT_ASSESSMENT } from '../fixtures/impact-assessment';
import { publishedView, SCORING_MODEL_RULES } from './published-view';
import { questionsOf } from './walk';

describe('published view for providers: the complete method', () => {
  const published = publishedView(RESPONSIBLE_AI_HIGH_RISK, {
    effectiveWeights: { acc_fpr: 1.25, ho_stop: 2.5 },
    criteriaWeights: { lawfulness: 20 },
  });
  const json = JSON.stringify(published);

  it('keeps every weight, choice point, band and knock-out, and imports as SurveyJS JSON', () => {
    expect(json).toBe(JSON.stringify(published));
    const internal = JSON.stringify(RESPONSIBLE_AI_HIGH_RISK);
    for (const property of ['"score"', '"scoreBands"', '"scoreTrue"', '"scoreFalse"', '"weight"'])
      expect(json.split(property).length).toBe(internal.split(property).length);
    expect(published.knockouts).toEqual(RESPONSIBLE_AI_HIGH_RISK.knockouts);
    expect(importQuestionnaire(json).ok).toBe(true);
  });

  it('gives each scored question its effective weight and publishes the rules', () => {
    const byName = new Map(questionsOf(published).map(({ question }) => [question.name, question]));
    expect(byName.get('acc_fpr')?.effectiveWeight).toBe(1.25);
    expect(byName.get('ho_stop')?.effectiveWeight).toBe(2.5);
    expect(byName.get('scope_rbi')?.effectiveWeight).toBeUndefined();
    expect(published.method).toEqual({ criteriaWeights: { lawfulness: 20 }, rules: PUBLISHED_RULES });
  });

  it('publishes red flags labelled as risks for the contract, not award criteria', () => {
    expect(published.redFlags).toHaveLength(RESPONSIBLE_AI_HIGH_RISK.redFlags!.length);
    expect(published.redFlags!.every((rule) => rule.label === RED_FLAG_LABEL)).toBe(true);
  });

  it('leaves the internal definition untouched', () => {
    expect(RESPONSIBLE_AI_HIGH_RISK.method).toBeUndefined();
    expect(RESPONSIBLE_AI_HIGH_RISK.redFlags?.every((rule) => !('label' in rule))).toBe(true);
  });
});

describe('published view of a questionnaire with its own scoring model', () => {
  const published = publishedView(IMPACT_ASSESSMENT);

  it('keeps the model as declared and spells out what its JSON leaves implicit', () => {
    expect(published.scoringModel).toEqual(IMPACT_ASSESSMENT.scoringModel);
    // Maxima worked out by hand in libs/domain/scoring/src/lib/impact-assessment.spec.ts: impact 60, mitigation 29.
    expect(published.method).toEqual({
      rules: PUBLISHED_RULES,
      scoringModel: {
        direction: 'higher-is-riskier',
        ranking: { by: 'value', value: 'riskScore' },
        groups: [
          { name: 'impact', questions: 18, maximum: 'all', maximumPoints: 60, direction: 'higher-is-riskier' },
          { name: 'mitigation', questions: 14, maximum: 'visible', maximumPoints: 29, direction: 'higher-is-better' },
        ],
        principlesMapped: false,
        rules: SCORING_MODEL_RULES,
      },
    });
  });

  it('fills in the default ranking (the levels’ value) and imports back as the same model', () => {
    const { ranking: _ranking, ...withoutRanking } = IMPACT_ASSESSMENT.scoringModel!;
    const view = publishedView({ ...IMPACT_ASSESSMENT, scoringModel: withoutRanking });
    expect((view.method as { scoringModel: { ranking: unknown } }).scoringModel.ranking).toEqual({
      by: 'value',
      value: 'riskScore',
    });
    const imported = importQuestionnaire(JSON.stringify(published));
    expect(imported.ok).toBe(true);
  });
});
