import type { QuestionnaireDefinition } from '@probity/questionnaires';
import { buildPortalForm } from './portal-form';

const DEFINITION: QuestionnaireDefinition = {
  pages: [
    {
      name: 'scope',
      elements: [{ type: 'boolean', name: 'biometric', title: { default: 'Biometric?', fr: 'Biométrique ?' } }],
    },
    {
      name: 'biometrics',
      title: { default: 'Biometrics', fr: 'Biométrie' },
      visibleIf: '{biometric} = true',
      elements: [{ type: 'comment', name: 'watchlists', title: 'Watch lists', isRequired: true }],
    },
  ],
};

describe('buildPortalForm', () => {
  it('shows only the sections the answers make visible', () => {
    expect(buildPortalForm(DEFINITION, {}).map((section) => section.name)).toEqual(['scope']);
    expect(buildPortalForm(DEFINITION, { biometric: true }).map((section) => section.name)).toEqual([
      'scope',
      'biometrics',
    ]);
  });

  it('shows every section and keeps required flags when previewing', () => {
    const sections = buildPortalForm(DEFINITION, {}, { showAll: true });
    expect(sections.map((section) => section.name)).toEqual(['scope', 'biometrics']);
    expect(sections[1].questions[0].required).toBe(true);
  });

  it('uses translations and the page language’s own words where the questionnaire has none', () => {
    const [scope] = buildPortalForm(
      DEFINITION,
      {},
      {
        locale: 'fr',
        wording: { yes: 'Oui', no: 'Non', none: 'Aucun', other: 'Autre', untitledSection: 'Section {number}' },
      },
    );
    expect(scope.title).toBe('Section 1');
    expect(scope.questions[0].title).toBe('Biométrique ?');
    expect(scope.questions[0].choices.map((choice) => choice.label)).toEqual(['Oui', 'Non']);
  });
});

describe('buildPortalForm knock-out rules', () => {
  const WITH_KNOCKOUT: QuestionnaireDefinition = {
    ...DEFINITION,
    knockouts: [
      {
        id: 'ko-biometric',
        severity: 'critical',
        title: { default: 'Biometric identification', fr: 'Identification biométrique' },
        explanation: { default: 'Not allowed in this tender.', fr: 'Non autorisée dans ce marché.' },
        expression: '{biometric} = true',
      },
    ],
    redFlags: [
      {
        id: 'rf-internal',
        severity: 'high',
        title: 'An internal red flag',
        explanation: 'Providers never see this.',
        expression: '{biometric} = true',
      },
    ],
  };

  it('shows each published knock-out rule beside the questions it reads, in the page language', () => {
    const [scope] = buildPortalForm(WITH_KNOCKOUT, {}, { locale: 'fr' });
    expect(scope.questions[0].knockouts).toEqual([
      { title: 'Identification biométrique', explanation: 'Non autorisée dans ce marché.' },
    ]);
    const [english] = buildPortalForm(WITH_KNOCKOUT, {});
    expect(english.questions[0].knockouts).toEqual([
      { title: 'Biometric identification', explanation: 'Not allowed in this tender.' },
    ]);
  });

  it('shows no rule beside a question no knock-out reads, and never a red flag', () => {
    const sections = buildPortalForm(WITH_KNOCKOUT, { biometric: true });
    expect(sections[1].questions[0].knockouts).toEqual([]);
    expect(JSON.stringify(sections)).not.toContain('internal red flag');
  });
});
