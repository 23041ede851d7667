import type {
  ChoiceDefinition,
  ElementDefinition,
  LocalisedText,
  PageDefinition,
  QuestionnaireDefinition,
  RuleDefinition,
} from '../../lib/definition';

/**
 * One language's texts for the built-in bank, kept apart from the bank so that the English
 * wording, the scoring and the rules stay in one place and each language reads as a whole.
 * Questions and pages are keyed by name, choices, rows and columns by value, rules by id.
 * Translations never carry points, expressions or references: they cannot change a score.
 */
export interface QuestionTranslation {
  title: string;
  description: string;
  choices?: Record<string, string>;
  rows?: Record<string, string>;
  columns?: Record<string, string>;
}

export interface BankTranslation {
  /** Questionnaire title and description, keyed by the English title. */
  questionnaires: Record<string, { title: string; description: string }>;
  pages: Record<string, { title: string; description?: string }>;
  questions: Record<string, QuestionTranslation>;
  rules: Record<string, { title: string; explanation: string }>;
  /** Choice texts many questions share ("No", "Partly"), keyed by their English text. */
  sharedChoices: Record<string, string>;
  /** Units of numbers ("years"), keyed by their English text. */
  units: Record<string, string>;
}

/** The languages of INTERPOL besides English (the bank's `default`). */
export const BANK_LANGUAGES = ['fr', 'es', 'ar'] as const;
export type BankLanguage = (typeof BANK_LANGUAGES)[number];

const englishOf = (text: LocalisedText | undefined): string =>
  text === undefined ? '' : typeof text === 'string' ? text : text.default;

/**
 * The text with every language the translations give; a language already written inline in the bank
 * is kept. Missing translations stay missing here: the bank's unit test names them.
 */
function localise(
  text: LocalisedText | undefined,
  pick: (translation: BankTranslation) => string | undefined,
  translations: Record<BankLanguage, BankTranslation>,
): LocalisedText | undefined {
  if (text === undefined) return undefined;
  const merged: Record<string, string> = { default: englishOf(text) };
  for (const language of BANK_LANGUAGES) {
    const translated = pick(translations[language]);
    if (translated) merged[language] = translated;
  }
  return { ...merged, ...(typeof text === 'string' ? {} : text) } as LocalisedText;
}

function localiseOptions(
  options: Array<ChoiceDefinition | string | number> | undefined,
  field: 'choices' | 'rows' | 'columns',
  questionName: string,
  translations: Record<BankLanguage, BankTranslation>,
) {
  return options?.map((option) => {
    if (typeof option !== 'object' || option.text === undefined) return option;
    const value = String(option.value);
    const english = englishOf(option.text);
    const text = localise(
      option.text,
      (translation) => translation.questions[questionName]?.[field]?.[value] ?? translation.sharedChoices[english],
      translations,
    );
    return { ...option, text };
  });
}

function localiseElement(
  element: ElementDefinition,
  translations: Record<BankLanguage, BankTranslation>,
): ElementDefinition {
  const name = element.name;
  const localised: ElementDefinition = {
    ...element,
    title: localise(element.title, (translation) => translation.questions[name]?.title, translations),
    description: localise(element.description, (translation) => translation.questions[name]?.description, translations),
  };
  if (element.unit !== undefined)
    localised.unit = localise(element.unit, (translation) => translation.units[englishOf(element.unit)], translations);
  if (element.elements) localised.elements = element.elements.map((child) => localiseElement(child, translations));
  for (const field of ['choices', 'rows', 'columns'] as const)
    if (element[field]) localised[field] = localiseOptions(element[field], field, name, translations) as never;
  return dropUndefined(localised);
}

function localisePage(page: PageDefinition, translations: Record<BankLanguage, BankTranslation>): PageDefinition {
  return dropUndefined({
    ...page,
    title: localise(page.title, (translation) => translation.pages[page.name]?.title, translations),
    description: localise(page.description, (translation) => translation.pages[page.name]?.description, translations),
    elements: page.elements.map((element) => localiseElement(element, translations)),
  });
}

function localiseRule(rule: RuleDefinition, translations: Record<BankLanguage, BankTranslation>): RuleDefinition {
  return {
    ...rule,
    title: localise(rule.title, (translation) => translation.rules[rule.id]?.title, translations) ?? rule.title,
    explanation:
      localise(rule.explanation, (translation) => translation.rules[rule.id]?.explanation, translations) ??
      rule.explanation,
  };
}

/** The questionnaire with the translated texts of every title, help, choice, page and rule message. */
export function translateQuestionnaire(
  definition: QuestionnaireDefinition,
  translations: Record<BankLanguage, BankTranslation>,
): QuestionnaireDefinition {
  const key = englishOf(definition.title);
  return dropUndefined({
    ...definition,
    title: localise(definition.title, (translation) => translation.questionnaires[key]?.title, translations),
    description: localise(
      definition.description,
      (translation) => translation.questionnaires[key]?.description,
      translations,
    ),
    pages: definition.pages.map((page) => localisePage(page, translations)),
    knockouts: definition.knockouts?.map((rule) => localiseRule(rule, translations)),
    redFlags: definition.redFlags?.map((rule) => localiseRule(rule, translations)),
  });
}

/** Keeps the definition's JSON (and so its content hash) free of keys that hold nothing. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
