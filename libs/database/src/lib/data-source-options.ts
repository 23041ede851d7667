import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import type { AppConfig } from '@probity/config';
import { MIGRATIONS } from '../migrations';

type DatabaseConfig = Pick<AppConfig, 'mode' | 'databaseUrl' | 'dataDir'>;

/**
 * Real PostgreSQL in services mode; embedded PGlite (PostgreSQL compiled to WebAssembly, same SQL
 * and the same migrations) in zero-setup mode. The schema only ever changes through migrations.
 */
export function buildDataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    // TypeORM 1.x would otherwise try CREATE EXTENSION, which PGlite does not ship.
    installExtensions: false,
  };
  if (config.mode === 'services') {
    return { ...common, url: config.databaseUrl, extra: { max: 10, connectionTimeoutMillis: 5000 } };
  }
  return {
    ...common,
    driver: new PGliteDriver({ dataDir: join(config.dataDir, 'pglite') }).driver,
    // One embedded engine serves one connection at a time.
    extra: { max: 1 },
  };
}
