import type { LocalisedText, QuestionnaireDefinition } from '../../lib/definition';
import { localised } from '../../lib/localise';
import { BUILT_IN_QUESTIONNAIRES } from '../index';
import { BANK_LANGUAGES, BANK_TRANSLATIONS, withBankTranslations } from './index';

/** Texts that are rightly the same as the English in a language: the word itself is the same. */
const SAME_AS_ENGLISH: Record<string, Set<string>> = { fr: new Set(), es: new Set(['No']), ar: new Set() };

interface LocalisableString {
  path: string;
  text: LocalisedText | undefined;
}

/** Every string a person reads in a questionnaire: titles, help, choices, table rows and columns, rule messages. */
function localisableStrings(definition: QuestionnaireDefinition): LocalisableString[] {
  const found: LocalisableString[] = [
    { path: 'title', text: definition.title },
    { path: 'description', text: definition.description },
  ];
  definition.pages.forEach((page) => {
    found.push({ path: `pages.${page.name}.title`, text: page.title });
    if (page.description) found.push({ path: `pages.${page.name}.description`, text: page.description });
    const visit = (elements: typeof page.elements) =>
      elements.forEach((element) => {
        found.push({ path: `${element.name}.title`, text: element.title });
        found.push({ path: `${element.name}.description`, text: element.description });
        if (element.unit !== undefined) found.push({ path: `${element.name}.unit`, text: element.unit });
        for (const field of ['choices', 'rows', 'columns'] as const)
          for (const option of element[field] ?? [])
            if (typeof option === 'object')
              found.push({ path: `${element.name}.${field}.${String(option.value)}`, text: option.text });
            else found.push({ path: `${element.name}.${field}.${String(option)}`, text: String(option) });
        visit(element.elements ?? []);
      });
    visit(page.elements);
  });
  for (const rule of [...(definition.knockouts ?? []), ...(definition.redFlags ?? [])]) {
    found.push({ path: `${rule.id}.title`, text: rule.title });
    found.push({ path: `${rule.id}.explanation`, text: rule.explanation });
  }
  return found;
}

const everyString = BUILT_IN_QUESTIONNAIRES.flatMap(({ key, definition }) =>
  localisableStrings(definition).map((entry) => ({ ...entry, path: `${key}: ${entry.path}` })),
);

describe('built-in bank in INTERPOL’s four languages', () => {
  it('finds every kind of text of the bank', () => {
    expect(everyString.length).toBeGreaterThan(500);
    const paths = everyString.map((entry) => entry.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'responsible-ai-high-risk: title',
        'responsible-ai-high-risk: pages.prohibited-practices.description',
        'responsible-ai-high-risk: law_prohibited_uses.choices.partly',
        'responsible-ai-high-risk: fair_group_results.rows.darker-skin',
        'responsible-ai-high-risk: fair_group_results.columns.within-2',
        'responsible-ai-high-risk: ko-no-human-review.explanation',
        'responsible-ai-high-risk: eff_support_years.unit',
        'responsible-ai-light: rf-no-exit.title',
      ]),
    );
  });

  it.each(['default', ...BANK_LANGUAGES])('every text has a non-empty %s version', (language) => {
    const missing = everyString
      .filter(({ text }) => typeof text !== 'object' || !text[language]?.trim())
      .map(({ path }) => path);
    expect(missing).toEqual([]);
  });

  it.each(BANK_LANGUAGES)('no %s text is left in English', (language) => {
    const untranslated = everyString
      .filter(({ text }) => {
        const translated = localised(text, language);
        return translated === localised(text) && !SAME_AS_ENGLISH[language].has(translated);
      })
      .map(({ path, text }) => `${path}: ${localised(text)}`);
    expect(untranslated).toEqual([]);
  });

  it('holds no translation for a question, page or rule the bank no longer has', () => {
    const highRisk = BUILT_IN_QUESTIONNAIRES[0].definition;
    const questions = new Set(localisableStrings(highRisk).map(({ path }) => path.split('.')[0]));
    const pages = new Set(highRisk.pages.map((page) => page.name));
    const stale = BANK_LANGUAGES.flatMap((language) => {
      const translation = BANK_TRANSLATIONS[language];
      return [
        ...Object.keys(translation.questions).filter((name) => !questions.has(name)),
        ...Object.keys(translation.rules).filter((id) => !questions.has(id)),
        ...Object.keys(translation.pages).filter((name) => !pages.has(name)),
      ].map((name) => `${language}: ${name}`);
    });
    expect(stale).toEqual([]);
  });

  it('only adds languages to texts: the English-only bank translates back to the same questionnaire', () => {
    const englishOnly = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(englishOnly);
      if (value === null || typeof value !== 'object') return value;
      if ('default' in value) return (value as { default: string }).default;
      return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, englishOnly(entry)]));
    };
    for (const { definition } of BUILT_IN_QUESTIONNAIRES) {
      const stripped = englishOnly(definition) as QuestionnaireDefinition;
      expect(JSON.stringify(stripped)).not.toMatch(/"fr":/);
      expect(withBankTranslations(stripped)).toEqual(definition);
    }
  });

  it('reads a question in each language', () => {
    const question = BUILT_IN_QUESTIONNAIRES[0].definition.pages[0].elements[0];
    expect(localised(question.title, 'fr')).toMatch(/notice d’utilisation/);
    expect(localised(question.title, 'es')).toMatch(/instrucciones de uso/);
    expect(localised(question.title, 'ar')).toMatch(/تعليمات الاستخدام/);
    expect(localised(question.title, 'fr-BE')).toBe(localised(question.title, 'fr'));
  });
});
