import { mkdir } from 'node:fs/promises';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@probity/config';
import { buildDataSourceOptions } from './data-source-options';
import { measurePoolWaits } from './pool-wait';

export interface DatabaseModuleOptions {
  /** Apply pending migrations at start-up (zero-setup and tests); services mode runs them as a separate step. */
  runMigrations: boolean;
}

@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            if (config.mode === 'zero-setup') await mkdir(config.dataDir, { recursive: true });
            return {
              ...buildDataSourceOptions(config),
              migrationsRun: options.runMigrations,
              autoLoadEntities: true,
              retryAttempts: 2,
              retryDelay: 1000,
            };
          },
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('DatabaseModule: no data source options');
            const dataSource = new DataSource(options);
            measurePoolWaits(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
