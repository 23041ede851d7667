import {
  importQuestionnaire,
  THIRD_PARTY_ASSESSMENT_JSON,
  toRubricItems,
  validateAnswers,
  type QuestionnaireDefinition,
} from '@probity/questionnaires';
import { answersFromForm } from './form-answers';
import { buildPortalForm, FormQuestion } from './portal-form';

function imported(): QuestionnaireDefinition {
  const result = importQuestionnaire(THIRD_PARTY_ASSESSMENT_JSON);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.definition;
}

const questionOf = (definition: QuestionnaireDefinition, name: string, answers = {}, options = {}) =>
  buildPortalForm(definition, answers, options)
    .flatMap((section) => section.questions)
    .find((question) => question.name === name) as FormQuestion;

describe('html blocks in the portal (regression: they were dropped)', () => {
  it('shows each html block in place, sanitised, in the provider’s language', () => {
    const [project] = buildPortalForm(imported(), {}, { locale: 'fr' });
    expect(project.items.map((item) => item.kind)).toEqual(['html', 'single', 'boolean']);
    expect(project.items[0]).toMatchObject({
      kind: 'html',
      html: "<h3>Avant de commencer</h3><p>Répondez à <strong>chaque</strong> question pour le système tel qu'il sera déployé.</p>",
    });
    // Progress still counts questions only.
    expect(project.questions).toHaveLength(2);
  });

  it('hides a lead-in with its panel, and shows it when the panel is shown', () => {
    const hidden = buildPortalForm(imported(), { personalData: false });
    expect(hidden[0].items.filter((item) => item.kind === 'html')).toHaveLength(1);
    const shown = buildPortalForm(imported(), { personalData: true });
    expect(shown[0].items.map((item) => item.name)).toEqual([
      'instructions',
      'decisionType',
      'personalData',
      'dataLeadIn',
      'dataKinds',
    ]);
  });

  it('drops an unsafe link handler but keeps the link', () => {
    const mitigation = buildPortalForm(imported(), {})[1];
    expect(mitigation.items[0]).toMatchObject({
      html: '<p>Describe the measures <a href="https://example.org/guide" rel="noopener noreferrer">in the guide</a>.</p>',
    });
  });
});

describe('SurveyJS display and logic properties', () => {
  it('orders choices by choicesOrder, by the label in the provider’s language', () => {
    expect(questionOf(imported(), 'decisionType').choices.map((choice) => choice.value)).toEqual([
      'benefit',
      'alert',
      'triage',
    ]);
    const french = buildPortalForm(imported(), {}, { locale: 'fr' })[0].questions[0];
    expect(french.choices.map((choice) => choice.label)).toEqual([
      'Accès à une prestation',
      'Alertes au personnel',
      'Tri des dossiers',
    ]);
  });

  it('keeps one random order per respondent, different between respondents, None and Other last', () => {
    const definition: QuestionnaireDefinition = {
      pages: [
        {
          name: 'p',
          elements: [
            {
              type: 'radiogroup',
              name: 'q',
              choicesOrder: 'random',
              showNoneItem: true,
              choices: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
            },
          ],
        },
      ],
    };
    const order = (seed: string) =>
      questionOf(definition, 'q', {}, { choiceSeed: seed }).choices.map((choice) => choice.value);
    expect(order('response-1')).toEqual(order('response-1'));
    expect(order('response-1')).not.toEqual(order('response-2'));
    expect([...order('response-1')].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'none']);
    expect(order('response-1').at(-1)).toBe('none');
    // Without a respondent (preview, blank PDF) the written order is shown.
    expect(
      questionOf(definition, 'q')
        .choices.map((choice) => choice.value)
        .join(''),
    ).toBe('abcdefghnone');
  });

  it('hides a title with titleLocation "hidden" from sight only, and shows descriptions', () => {
    expect(questionOf(imported(), 'humanReview').titleHidden).toBe(true);
    expect(questionOf(imported(), 'personalData').titleHidden).toBe(false);
    expect(questionOf(imported(), 'decisionType', {}, { locale: 'fr' }).description).toBe(
      'Choisissez la description la plus proche.',
    );
  });

  it('requires a question by requiredIf in the portal, the validation and the scoring', () => {
    const answers = { personalData: true, dataKinds: ['biometric'] };
    expect(questionOf(imported(), 'biometricBasis', answers).required).toBe(false);
    const benefit = { ...answers, decisionType: 'benefit' };
    expect(questionOf(imported(), 'biometricBasis', benefit).required).toBe(true);
    const problems = validateAnswers(imported(), benefit, { forSubmit: true });
    expect(problems.map((problem) => [problem.questionName, problem.code])).toContainEqual([
      'biometricBasis',
      'required',
    ]);
    const withPrinciple = imported();
    const panel = withPrinciple.pages[0].elements[3];
    Object.assign(panel.elements?.[2] ?? {}, { principle: 'legitimacy' });
    expect(toRubricItems(withPrinciple, benefit).find((item) => item.questionName === 'biometricBasis')).toMatchObject({
      required: true,
      visible: true,
    });
    expect(toRubricItems(withPrinciple, answers).find((item) => item.questionName === 'biometricBasis')).toMatchObject({
      required: false,
    });
  });

  it('disables a question by enableIf: shown read-only, never required, its answer kept on save', () => {
    const definition = imported();
    const enabled = questionOf(definition, 'reviewShare', { humanReview: false });
    expect(enabled.enabled).toBe(true);
    const disabled = questionOf(definition, 'reviewShare', { humanReview: true, reviewShare: 40 });
    expect(disabled).toMatchObject({ enabled: false, value: '40' });
    const section = buildPortalForm(definition, { humanReview: true, reviewShare: 40 })[1];
    // A disabled input is not posted: the saved answer stays as it was.
    expect(answersFromForm(section, { humanReview: 'true' })).toEqual({ humanReview: true });
    const required = {
      ...definition,
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'text', name: 'a' },
            { type: 'text', name: 'b', isRequired: true, enableIf: "{a} = 'go'" },
          ],
        },
      ],
    };
    expect(validateAnswers(required, { a: 'stop' }, { forSubmit: true })).toEqual([]);
    expect(validateAnswers(required, { a: 'go' }, { forSubmit: true }).map((problem) => problem.code)).toEqual([
      'required',
    ]);
  });

  it('answers a rating as a whole number in its range', () => {
    const definition: QuestionnaireDefinition = {
      pages: [{ name: 'p', elements: [{ type: 'rating', name: 'r', rateMin: 0, rateMax: 10 }] }],
    };
    const [section] = buildPortalForm(definition, {});
    expect(section.questions[0]).toMatchObject({ kind: 'number', min: '0', max: '10' });
    const answers = answersFromForm(section, { r: '7' });
    expect(answers).toEqual({ r: 7 });
    expect(validateAnswers(definition, answers, { forSubmit: true })).toEqual([]);
    expect(validateAnswers(definition, { r: 11 }, { forSubmit: true })).toHaveLength(1);
  });
});

describe('panels', () => {
  const definition: QuestionnaireDefinition = {
    pages: [
      {
        name: 'p',
        elements: [
          { type: 'boolean', name: 'uses' },
          {
            type: 'panel',
            name: 'details',
            title: { default: 'Details <of use>', fr: 'Détails' },
            description: 'Only if used.',
            visibleIf: '{uses} = true',
            elements: [{ type: 'text', name: 'how' }],
          },
        ],
      },
    ],
  };

  it('shows a panel’s title and description before its questions, as escaped text, while the panel is shown', () => {
    const shown = buildPortalForm(definition, { uses: true })[0].items;
    expect(shown.map((item) => item.kind)).toEqual(['boolean', 'html', 'text']);
    expect(shown[1]).toMatchObject({ html: '<p><strong>Details &lt;of use&gt;</strong></p><p>Only if used.</p>' });
    expect(buildPortalForm(definition, { uses: false })[0].items.map((item) => item.kind)).toEqual(['boolean']);
    expect(buildPortalForm(definition, {}, { locale: 'fr', showAll: true })[0].items[1]).toMatchObject({
      html: '<p><strong>Détails</strong></p><p>Only if used.</p>',
    });
  });
});
