export { PortalModule } from './lib/portal.module';
export { answersFromForm, answerSummary, buildPortalForm, FormQuestion, FormSection } from './lib/portal-form';
export { isPortalLanguage, messagesFor, PORTAL_LANGUAGES, PortalCatalog, PortalLanguage } from './lib/i18n/catalog';
