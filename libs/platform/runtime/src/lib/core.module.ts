import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule } from '@probity/config';
import { DatabaseModule } from '@probity/database';
import { QueueModule } from '@probity/queue';
import { loggerOptions } from './logger-options';

export interface CoreModuleOptions {
  /** Whether this process executes jobs: the worker, or the single zero-setup process. */
  consumeJobs: boolean;
}

/** What every Probity process needs: validated config, logs, the database and the job queue. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, options: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule.forRoot(config, { runMigrations: config.mode === 'zero-setup' }),
        QueueModule.forRoot(config, { consume: options.consumeJobs || config.mode === 'zero-setup' }),
      ],
    };
  }
}
