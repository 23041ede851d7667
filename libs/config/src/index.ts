export { AppConfig, ConfigError, loadConfig, RuntimeMode } from './lib/app-config';
export { AppConfigModule } from './lib/app-config.module';
