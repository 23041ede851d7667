import 'reflect-metadata';
import { mkdir } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@probity/database';
import { loadConfigOrExit } from '@probity/runtime';

/** Applies pending migrations; in services mode this runs once before api and worker start. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.mode === 'zero-setup') await mkdir(config.dataDir, { recursive: true });
  const dataSource = new DataSource(buildDataSourceOptions(config));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length ? `applied ${applied.map((m) => m.name).join(', ')}\n` : 'database schema is up to date\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`probity migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
