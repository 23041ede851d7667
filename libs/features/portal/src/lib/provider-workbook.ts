import { offlineWorkbook, QuestionnaireDefinition } from '@probity/questionnaires';
import { messagesFor, PortalLanguage } from './i18n/catalog';
import { questionnaireLocale } from './portal-language';

/**
 * The questionnaire as a spreadsheet to prepare answers offline, wholly in the provider's language:
 * the questionnaire's own text in its translation, and the workbook's sheet name, column labels and
 * answer formats from the portal's catalogue.
 */
export function providerWorkbook(definition: QuestionnaireDefinition, language: PortalLanguage): Promise<Buffer> {
  return offlineWorkbook(definition, questionnaireLocale(language), messagesFor(language).workbook);
}
