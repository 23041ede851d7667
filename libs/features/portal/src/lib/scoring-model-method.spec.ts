import { IMPACT_ASSESSMENT, QuestionnaireDefinition } from '@probity/questionnaires';
import { messagesFor } from './i18n/catalog';
import { providerScoringModel } from './scoring-model-method';

/**
 * The "How you are scored" section for a questionnaire with its own model. The impact assessment's
 * maxima are worked out by hand in libs/domain/scoring/src/lib/impact-assessment.spec.ts: impact 60 (all
 * 18 questions), mitigation 29 (all 14 measures, when every one is shown).
 */
describe('the portal’s view of a questionnaire’s own scoring model', () => {
  const english = providerScoringModel(IMPACT_ASSESSMENT, 'en', messagesFor('en'));
  const french = providerScoringModel(IMPACT_ASSESSMENT, 'fr', messagesFor('fr'));

  it('is null for a questionnaire scored by the principle method alone', () => {
    const { scoringModel: _model, ...withoutModel } = IMPACT_ASSESSMENT;
    expect(providerScoringModel(withoutModel as QuestionnaireDefinition, 'en', messagesFor('en'))).toBeNull();
  });

  it('publishes each group with its maximum rule, and the group that runs the other way', () => {
    expect(english?.direction).toBe('Higher values mean more risk: the lower the result, the better.');
    const [impact, mitigation] = english?.groups ?? [];
    expect(impact.caption).toBe('Impact: the points of each answer (18 questions)');
    expect(impact.maximum).toContain('Its maximum is 60 points: every question of the group counts in it');
    expect(impact.direction).toBe('');
    expect(mitigation.maximum).toContain('only the questions shown to you (at most 29 points)');
    expect(mitigation.direction).toBe(messagesFor('en').model.groupBetter);
  });

  it('shows how every answer maps to points, with weights and how multiple answers add up', () => {
    const impact = english?.groups[0].questions ?? [];
    expect(impact[0]).toEqual({
      title: 'What does the system do with its output?',
      weight: '',
      note: '',
      answers: [
        { label: 'Assists an officer', points: '1' },
        { label: 'Recommends a decision', points: '2' },
        { label: 'Makes the decision', points: '4' },
      ],
    });
    const automation = impact.find((q) => q.title === 'How much does a person oversee each output?');
    expect(automation?.weight).toBe('Points × 2 (question weight)');
    const liberty = impact.find((q) => q.title === 'Can the outcome affect a person’s liberty?');
    expect(liberty?.answers).toEqual([
      { label: 'Yes', points: '4' },
      { label: 'No', points: '0' },
    ]);
    const checkbox = impact.find((q) => q.answers.some((a) => a.label === 'Asylum seekers'));
    expect(checkbox?.note).toBe('Each chosen answer adds its points.');
  });

  it('publishes the derived value’s formula, the names it uses, the levels and the ranking rule', () => {
    expect(english?.values).toEqual([
      {
        title: 'Risk score',
        expression: 'iif({mitigation} >= 0.75 * {mitigationMax}, {impact} * 0.9, {impact})',
        maximum: '{impactMax}',
      },
    ]);
    expect(english?.variables).toContainEqual({ name: '{mitigationMax}', meaning: 'the maximum of “Mitigation”' });
    expect(english?.variables).toContainEqual({ name: '{impact}', meaning: 'the total of “Impact”' });
    expect(english?.variables).toContainEqual({ name: '{riskScore}', meaning: 'the value of “Risk score”' });
    expect(english?.levels?.intro).toBe('The level is set by “Risk score” as a percentage of its maximum.');
    expect(english?.levels?.bands.map((band) => [band.title, band.range, band.outcome])).toEqual([
      ['Level I: little to no impact', 'below 25', 'Passes'],
      ['Level II: moderate impact', '25 to under 50', 'Passes'],
      ['Level III: high impact', '50 to under 75', 'Passes'],
      ['Level IV: very high impact', '75 or more', 'Fails'],
    ]);
    expect(english?.ranking).toBe('Responses are ranked by “Risk score”, lowest first; equal values share a rank.');
    expect(english?.principlesMapped).toBe(false);
  });

  it('says all of it in French, with the questionnaire’s French texts', () => {
    expect(french?.direction).toBe(messagesFor('fr').model.riskier);
    expect(french?.groups[1].caption).toBe('Atténuation : les points de chaque réponse (14 questions)');
    expect(french?.groups[0].questions[0].answers[0]).toEqual({ label: 'Assiste un agent', points: '1' });
    expect(french?.levels?.bands.map((band) => [band.title, band.range, band.outcome])).toEqual([
      ['Niveau I : impact faible ou nul', 'moins de 25', 'Retenue'],
      ['Niveau II : impact modéré', 'de 25 à moins de 50', 'Retenue'],
      ['Niveau III : impact élevé', 'de 50 à moins de 75', 'Retenue'],
      ['Niveau IV : impact très élevé', '75 ou plus', 'Non retenue'],
    ]);
    expect(french?.ranking).toBe(
      'Les réponses sont classées par « Score de risque », la plus basse en premier ; des valeurs égales partagent un rang.',
    );
  });

  it('lists the knock-out rules and states the ranking rules a model can choose', () => {
    const knockouts: QuestionnaireDefinition['knockouts'] = [
      {
        id: 'no-oversight',
        title: { default: 'No human oversight', fr: 'Aucun contrôle humain' },
        explanation: { default: 'Outputs act without a person.', fr: 'Les résultats agissent sans personne.' },
        expression: "{automation_level} = 'autonomous'",
        severity: 'critical',
      },
    ];
    const model = IMPACT_ASSESSMENT.scoringModel;
    const variant = (ranking: NonNullable<typeof model>['ranking'], direction = model?.direction) =>
      providerScoringModel(
        { ...IMPACT_ASSESSMENT, knockouts, scoringModel: { ...model!, direction: direction!, ranking } },
        'fr',
        messagesFor('fr'),
      );
    expect(variant({ by: 'none' })?.knockouts).toEqual([
      { title: 'Aucun contrôle humain', explanation: 'Les résultats agissent sans personne.' },
    ]);
    expect(variant({ by: 'none' })?.ranking).toBe(messagesFor('fr').model.rankNone);
    expect(variant({ by: 'level' })?.ranking).toBe(messagesFor('fr').model.rankByLevelLowest);
    expect(variant({ by: 'level' }, 'higher-is-better')?.ranking).toBe(messagesFor('fr').model.rankByLevelHighest);
  });
});
