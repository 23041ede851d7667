import { CatalogueDraft, catalogueEntries as entriesOf, withEnglishFallback } from '@probity/questionnaires';
import { DossierLanguage, DOSSIER_LANGUAGES } from '../dossier-language';
import { AR } from './ar';
import { DossierCatalogue, EN } from './en';
import { ES } from './es';
import { FR } from './fr';

export { DossierCatalogue, EN };

/** A translation being written: any entry may still be missing and then falls back to English. */
export type DossierCatalogueDraft = CatalogueDraft<DossierCatalogue>;

const DRAFTS: Record<DossierLanguage, DossierCatalogueDraft> = { en: EN, fr: FR, es: ES, ar: AR };

/**
 * Entries whose translation is rightly the same as the English: words spelt alike in both languages
 * (French "Question", "Section", "Signature"; Spanish "Residual"; the initial "I" of impact). Anything else equal to English is
 * an entry someone forgot to translate (a unit test checks).
 */
export const SAME_AS_ENGLISH: Record<Exclude<DossierLanguage, 'en'>, readonly string[]> = {
  fr: [
    'cover.questionnaire',
    'cover.questionCount',
    'procedure.question',
    'provider.question',
    'provider.justification',
    'provider.consensus',
    'aiAct.obligation',
    'aiAct.clause',
    'model.measuredPoints',
    'risk.impactShort',
    'risk.condition',
    'fria.question',
    'answers.section',
    'answers.question',
    'answers.points',
    'signOff.signature',
    'signOff.section',
  ],
  es: ['risk.impactShort', 'risk.residual', 'signOff.residual'],
  ar: [],
};

/** The dossier's wording in a language, each missing entry taken from English. */
export function dossierWordsFor(language: DossierLanguage): DossierCatalogue {
  return withEnglishFallback(EN, DRAFTS[language]);
}

/** Every entry as `group.key` → text, for the checks on the catalogues. */
export function catalogueEntries(language: DossierLanguage): Map<string, string | undefined> {
  return entriesOf(EN, DRAFTS[language]);
}

/** `{name}` placeholders filled in; the value is escaped later by the template, never here. */
export function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (placeholder, name: string) =>
    values[name] === undefined || values[name] === null ? placeholder : String(values[name]),
  );
}

export { DOSSIER_LANGUAGES };
