import type { QuestionnaireDefinition } from '../../lib/definition';
import { AR } from './ar';
import { type BankLanguage, type BankTranslation, translateQuestionnaire } from './bank-translation';
import { ES } from './es';
import { FR } from './fr';

export { BANK_LANGUAGES, type BankLanguage, type BankTranslation } from './bank-translation';

export const BANK_TRANSLATIONS: Record<BankLanguage, BankTranslation> = { fr: FR, es: ES, ar: AR };

/** A built-in questionnaire in INTERPOL's four languages (English as `default`, French, Spanish, Arabic). */
export const withBankTranslations = (definition: QuestionnaireDefinition): QuestionnaireDefinition =>
  translateQuestionnaire(definition, BANK_TRANSLATIONS);
