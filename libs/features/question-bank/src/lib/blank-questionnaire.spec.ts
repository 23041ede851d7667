import { BUILT_IN_QUESTIONNAIRES, QuestionnaireDefinition } from '@probity/questionnaires';
import { blankQuestionnaire } from './blank-questionnaire';

const highRisk = BUILT_IN_QUESTIONNAIRES.find((q) => q.key === 'responsible-ai-high-risk')!.definition;

describe('blankQuestionnaire', () => {
  it('lists every section, including those shown only for some answers, and marks them', () => {
    const view = blankQuestionnaire(highRisk, { version: 1 });
    expect(view.sections.map((section) => section.title)).toContain('Remote biometric identification');
    expect(view.sections.find((section) => section.title === 'Remote biometric identification')?.conditional).toBe(
      true,
    );
    expect(view.sections[0].conditional).toBe(false);
    expect(view.sections[0].questions[0].number).toBe('1.1');
  });

  it('gives choices as tick boxes and text questions ruled lines', () => {
    const definition: QuestionnaireDefinition = {
      title: 'Tiny',
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'checkbox', name: 'uses', title: 'Uses', choices: [{ value: 'a', text: 'Alpha' }, 'beta'] },
            { type: 'comment', name: 'why', title: 'Why?', isRequired: true },
            { type: 'boolean', name: 'ok', title: 'OK?', visibleIf: '{uses} contains "a"' },
          ],
        },
      ],
    };
    const [section] = blankQuestionnaire(definition, { version: 3 }).sections;
    expect(section.questions.map((q) => [q.title, q.choices, q.multiple, q.answerLines, q.required])).toEqual([
      ['Uses', ['Alpha', 'beta'], true, 0, false],
      ['Why?', [], false, 6, true],
      ['OK?', ['Yes', 'No'], false, 0, false],
    ]);
  });

  it('prints in French where the questionnaire has French text, with French fixed wording', () => {
    const view = blankQuestionnaire(highRisk, { version: 1, language: 'fr' });
    expect(view.lang).toBe('fr');
    expect(view.sections[0].title).toBe('Licéité : légitimité, nécessité et proportionnalité');
    expect(view.words.required).toBe('(obligatoire)');
    expect(blankQuestionnaire(highRisk, { version: 1, language: 'ar' }).dir).toBe('rtl');
  });
});
