import { BUILT_IN_QUESTIONNAIRES, MARKING_GUIDES, type QuestionnaireDefinition } from '@probity/questionnaires';
import { NOT_APPLICABLE } from '@probity/rubric';
import { answerSummary } from './answer-summary';
import { answersFromForm } from './form-answers';
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
        wording: {
          notApplicable: 'Sans objet',
          yes: 'Oui',
          no: 'Non',
          none: 'Aucun',
          other: 'Autre',
          untitledSection: 'Section {number}',
        },
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

describe('buildPortalForm marking guides', () => {
  const bank = BUILT_IN_QUESTIONNAIRES.find((q) => q.key === 'responsible-ai-high-risk')!.definition;
  const questionNamed = (locale: string, name: string) =>
    buildPortalForm(bank, {}, { showAll: true, locale })
      .flatMap((section) => section.questions)
      .find((question) => question.name === name);

  it('publishes the marking guide of a judgement question in the portal’s language', () => {
    expect(questionNamed('fr', 'law_misuse')?.markingGuide).toEqual([
      { score: 0, text: MARKING_GUIDES.law_misuse[0].fr },
      { score: 2, text: MARKING_GUIDES.law_misuse[2].fr },
      { score: 4, text: MARKING_GUIDES.law_misuse[4].fr },
    ]);
    expect(questionNamed('ar', 'fair_mitigation')?.markingGuide?.[1].text).toBe(MARKING_GUIDES.fair_mitigation[2].ar);
  });

  it('has no guide on a question scored by published rules', () => {
    expect(questionNamed('en', 'harm_security_testing')?.markingGuide).toBeNull();
  });

  it('words the unit of a number in the portal’s language', () => {
    expect(['en', 'fr', 'es', 'ar'].map((locale) => questionNamed(locale, 'eff_support_years')?.unit)).toEqual([
      'years',
      'ans',
      'años',
      'سنوات',
    ]);
  });
});

describe('tables with rows the method lets be N/A', () => {
  const definition = {
    pages: [
      {
        name: 'fairness',
        elements: [
          {
            type: 'matrix',
            name: 'groups',
            title: 'Error rate by group',
            rows: [
              { value: 'women', text: 'Women' },
              { value: 'darker-skin', text: 'Darker skin tones' },
            ],
            columns: [
              { value: 'ok', text: 'Within 2 points', score: 100 },
              { value: 'gap', text: 'Larger gap', score: 40 },
            ],
            naRows: ['darker-skin'],
          },
        ],
      },
    ],
  };

  it('offers an N/A choice only on those rows and reads it back as N/A', () => {
    const [section] = buildPortalForm(definition, { groups: { women: 'ok', 'darker-skin': NOT_APPLICABLE } });
    const matrix = section.questions[0].matrix!;
    expect(matrix.hasNaColumn).toBe(true);
    expect(matrix.rows.map((row) => row.naCell?.checked ?? null)).toEqual([null, true]);
    expect(answersFromForm(section, { groups__women: 'gap', 'groups__darker-skin': NOT_APPLICABLE })).toEqual({
      groups: { women: 'gap', 'darker-skin': NOT_APPLICABLE },
    });
    const [summary] = answerSummary(
      definition,
      { groups: { women: 'ok', 'darker-skin': NOT_APPLICABLE } },
      {
        wording: { notApplicable: 'N/A', notAnswered: 'Not answered' },
      },
    );
    expect(summary.answers[0].answer).toBe('Women: Within 2 points; Darker skin tones: Not applicable');
  });
});
