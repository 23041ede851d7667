export { CoreModule, CoreModuleOptions } from './lib/core.module';
export { loadConfigOrExit } from './lib/load-config-or-exit';
export { loggableError, loggablePath, loggerOptions } from './lib/logger-options';
export {
  agreeOnSharedSecrets,
  disagreeingSecrets,
  disagreementMessage,
  exitUnlessSecretsAgree,
  secretFingerprint,
  sessionSecretOf,
  SharedSecret,
} from './lib/shared-secrets';
export { RedisExpiringStore } from './lib/redis-expiring-store';
