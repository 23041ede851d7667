import { QuestionnaireDefinition, scopeQuestionnaire } from '@probity/questionnaires';
import { caseScopeView } from './case-scope-view';
import { messagesFor } from './i18n/catalog';
import { buildPortalForm } from './portal-form';

describe('the case scope in the provider portal', () => {
  it('lists the agency’s classification in the provider’s language', () => {
    const scope = { annexIII: ['1a', '6e'], remoteBiometricIdentification: 'post', personalData: true };
    expect(caseScopeView(scope, messagesFor('en'))?.lines).toEqual([
      'Annex III 1(a): remote biometric identification',
      'Annex III 6(e): profiling in the detection, investigation or prosecution of crime',
      'Remote biometric identification after the event (post-remote), on recorded material.',
      'The system processes personal data.',
    ]);
    expect(caseScopeView(scope, messagesFor('fr'))?.lines[0]).toMatch(/^Annexe III, point 1 a\)/);
  });

  it('says a use is not high-risk, and shows nothing for an old free-form classification', () => {
    const notHighRisk = { annexIII: [], remoteBiometricIdentification: 'none', personalData: false };
    expect(caseScopeView(notHighRisk, messagesFor('es'))?.lines[0]).toMatch(/^No es de alto riesgo/);
    expect(caseScopeView({ annexIII: '6(d)', biometric: false }, messagesFor('en'))).toBeNull();
  });

  it('tells providers in every language that a disagreement goes through a clarification', () => {
    expect(messagesFor('en').scope.intro).toMatch(/clarification question/);
    for (const language of ['fr', 'es', 'ar'])
      expect(messagesFor(language).scope.intro).not.toBe(messagesFor('en').scope.intro);
  });

  it('offers only the choices the case scope allows', () => {
    const definition: QuestionnaireDefinition = {
      pages: [
        {
          name: 'p',
          elements: [
            {
              type: 'radiogroup',
              name: 'role',
              choices: [
                { value: 'high-risk', score: 100 },
                { value: 'derogation', score: 50, visibleIf: "{case_annex_iii} notcontains '6e'" },
              ],
            },
          ],
        },
      ],
    };
    const offered = (annexIII: Array<'6e' | '6d'>) =>
      buildPortalForm(
        scopeQuestionnaire(definition, { annexIII, remoteBiometricIdentification: 'none', personalData: true }),
        {},
      )[0].questions[0].choices.map((choice) => choice.value);
    expect(offered(['6d'])).toEqual(['high-risk', 'derogation']);
    expect(offered(['6e'])).toEqual(['high-risk']);
  });
});
