export { PortalModule } from './lib/portal.module';
export { buildPortalForm, FormQuestion, FormSection } from './lib/portal-form';
export { answersFromForm } from './lib/form-answers';
export { answerSummary } from './lib/answer-summary';
export { isPortalLanguage, messagesFor, PORTAL_LANGUAGES, PortalCatalog, PortalLanguage } from './lib/i18n/catalog';
