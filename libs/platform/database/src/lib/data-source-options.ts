import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { DATABASE_POOL_DEFAULTS, type AppConfig } from '@probity/config';
import { MIGRATIONS } from '../migrations';

type DatabaseConfig = Pick<AppConfig, 'mode' | 'databaseUrl' | 'dataDir'> &
  Partial<Pick<AppConfig, 'databasePoolSize' | 'databasePoolWaitMs'>>;

/**
 * typeorm-pglite's "pool" is one EventEmitter that every query runner receives as its connection, and
 * TypeORM adds an `error` listener to it per connected runner (removed on release). Eleven runners open at
 * once (a few concurrent requests and jobs) are normal, not a leak, but Node's default limit of 10 printed
 * `MaxListenersExceededWarning … PGlitePool`. A finite limit still reports a real leak of runners.
 */
export const PGLITE_POOL_MAX_LISTENERS = 1000;

type PoolClass = new () => { setMaxListeners(limit: number): unknown };

function pgliteDriver(dataDir: string): { Pool: PoolClass } {
  const { Pool } = new PGliteDriver({ dataDir: join(dataDir, 'pglite') }).driver as unknown as { Pool: PoolClass };
  class ManyRunnersPool extends Pool {
    constructor() {
      super();
      this.setMaxListeners(PGLITE_POOL_MAX_LISTENERS);
    }
  }
  return { Pool: ManyRunnersPool };
}

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
    // A request that waits longer than DATABASE_POOL_WAIT_MS for a connection fails with pg-pool's
    // "timeout exceeded when trying to connect", which the error filter answers with 503 and Retry-After.
    const pool = {
      max: config.databasePoolSize ?? DATABASE_POOL_DEFAULTS.size,
      connectionTimeoutMillis: config.databasePoolWaitMs ?? DATABASE_POOL_DEFAULTS.waitMs,
    };
    return { ...common, url: config.databaseUrl, extra: pool };
  }
  return {
    ...common,
    driver: pgliteDriver(config.dataDir),
    // One embedded engine serves one connection at a time. typeorm-pglite's pool hands every caller the
    // same engine at once (its queries queue inside PGlite), so there is no wait for a connection to time out.
    extra: { max: 1 },
  };
}
