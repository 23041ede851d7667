import type { QuestionnaireDefinition } from '@probity/questionnaires';
import { NOT_APPLICABLE } from '@probity/rubric';
import { answerSummary } from './answer-summary';
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

describe('answerSummary', () => {
  const QUESTIONS: QuestionnaireDefinition = {
    pages: [
      {
        name: 'scope',
        title: 'Scope',
        elements: [
          { type: 'boolean', name: 'rbi_emotion_categorisation', title: 'Does it recognise emotions?' },
          {
            type: 'checkbox',
            name: 'uses',
            title: 'Uses',
            choices: [
              { value: 'search', text: 'Searching footage' },
              { value: 'alerts', text: 'Live alerts' },
            ],
          },
          { type: 'comment', name: 'purpose', title: 'Purpose', naAllowed: true },
          { type: 'text', inputType: 'number', name: 'accuracy', title: 'Accuracy', unit: '%' },
          { type: 'file', name: 'acc_test_report', title: 'Accuracy test report' },
        ],
      },
    ],
  };

  it('words every answer with its question and choice texts, never internal keys', () => {
    const summary = answerSummary(
      QUESTIONS,
      { rbi_emotion_categorisation: true, uses: ['search', 'alerts'], purpose: NOT_APPLICABLE, accuracy: 97.5 },
      {
        evidence: { acc_test_report: [{ id: 'e1', fileName: 'report.pdf', sizeBytes: 10, sha256: 'ab' }] },
        wording: { notApplicable: 'Not applicable to our system', notAnswered: 'Not answered' },
      },
    );
    expect(summary).toEqual([
      {
        title: 'Scope',
        answers: [
          { question: 'Does it recognise emotions?', answer: 'Yes' },
          { question: 'Uses', answer: 'Searching footage, Live alerts' },
          { question: 'Purpose', answer: 'Not applicable to our system' },
          { question: 'Accuracy', answer: '97.5 %' },
          { question: 'Accuracy test report', answer: 'report.pdf' },
        ],
      },
    ]);
    expect(JSON.stringify(summary)).not.toMatch(/rbi_emotion_categorisation|acc_test_report|"search"/);
  });

  it('says plainly when a question was not answered', () => {
    const [scope] = answerSummary(QUESTIONS, {}, { wording: { notApplicable: 'N/A', notAnswered: 'Not answered' } });
    expect(scope.answers[0]).toEqual({ question: 'Does it recognise emotions?', answer: 'Not answered' });
  });
});
