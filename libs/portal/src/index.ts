export { PortalModule } from './lib/portal.module';
export { answersFromForm, buildPortalForm, FormQuestion, FormSection } from './lib/portal-form';
