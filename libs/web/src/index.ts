export { configureWebApp } from './lib/configure-web-app';
export { ErrorBody, HttpErrorFilter } from './lib/http-error.filter';
export { templatesDir } from './lib/templates-dir';
export { formatMessage, VIEW_HELPERS } from './lib/view-helpers';
export { API_PREFIX } from './lib/api-prefix';
export { WebModule } from './lib/web.module';
export { CsrfGuard, csrfTokenFor, SESSION_COOKIE } from './lib/csrf';
export { loadOrCreateSecretFile } from './lib/secret-file';
export { FormBody, formFieldsOf, formObjectOf } from './lib/form-body';
