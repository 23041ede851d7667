export { CoreModule, CoreModuleOptions } from './lib/core.module';
export { loadConfigOrExit } from './lib/load-config-or-exit';
export { loggableError, loggablePath, loggerOptions } from './lib/logger-options';
