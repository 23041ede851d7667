import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@probity/database';

export interface TestDatabase {
  url: string;
  name: string;
  /** A migrated connection to the database, for arranging and asserting in tests. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** The server tests create their databases on; CI points it at the real PostgreSQL. */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/**
 * A fresh, fully migrated PostgreSQL database per test file, so files run in parallel without
 * seeing each other's rows. Fails loudly when PostgreSQL is unreachable: these tests never skip.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = adminDatabaseUrl();
  const name = `probity_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = new DataSource(
    buildDataSourceOptions({ mode: 'services', databaseUrl: url.toString(), dataDir: '' }),
  );
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    url: url.toString(),
    name,
    dataSource,
    async drop() {
      await dataSource.destroy();
      const cleanup = new Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
