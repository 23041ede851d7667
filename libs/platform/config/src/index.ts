export { AppConfig, ConfigError, DATABASE_POOL_DEFAULTS, loadConfig, RuntimeMode } from './lib/app-config';
export { AppConfigModule } from './lib/app-config.module';
