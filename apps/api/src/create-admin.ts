import 'reflect-metadata';
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, UnitOfWork } from '@probity/database';
import { IDENTITY_ENTITIES, IdentityRepository, IdentityService, newToken } from '@probity/identity';
import type { AppConfig } from '@probity/config';
import { loadConfigOrExit } from '@probity/runtime';
import { createAdministrator, createAdministratorThroughServer, NewAdministrator } from './local-administration';

const USAGE =
  'usage: npm run create-admin -- --agency "Agency name" --email admin@agency.example --name "Full Name"\n' +
  '       (password from PROBITY_ADMIN_PASSWORD, or a random one printed once)\n';

/** Creates an agency's first administrator; the agency is created too when it does not exist yet. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { agency: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } },
  });
  if (!values.agency || !values.email || !values.name) {
    process.stderr.write(USAGE);
    process.exit(64);
  }
  const config = loadConfigOrExit({ LOG_LEVEL: 'warn', ...process.env });
  const input = {
    agency: values.agency,
    email: values.email,
    name: values.name,
    password: process.env.PROBITY_ADMIN_PASSWORD ?? newToken(),
  };
  // A running zero-setup server holds the embedded database: it creates the account for us.
  const created =
    (config.mode === 'zero-setup' && (await createAdministratorThroughServer(config.dataDir, input))) ||
    (await createAdministratorDirectly(config, input));
  process.stdout.write(`created admin ${created.email} for ${created.agencyName}\n`);
  if (!process.env.PROBITY_ADMIN_PASSWORD) process.stdout.write(`password (shown once): ${input.password}\n`);
}

async function createAdministratorDirectly(config: AppConfig, input: NewAdministrator) {
  if (config.mode === 'zero-setup') await mkdir(config.dataDir, { recursive: true });
  const dataSource = new DataSource({ ...buildDataSourceOptions(config), entities: IDENTITY_ENTITIES });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    return await createAdministrator(identityServiceOn(dataSource), input);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  const detail = (error as { response?: { message?: string } }).response?.message;
  process.stderr.write(
    `probity create-admin failed: ${detail ?? (error instanceof Error ? error.message : String(error))}\n`,
  );
  process.exit(1);
});

/** The identity service on a data source opened without NestJS. */
function identityServiceOn(dataSource: DataSource): IdentityService {
  const unitOfWork = new UnitOfWork(dataSource);
  return new IdentityService(new IdentityRepository(unitOfWork), unitOfWork);
}
