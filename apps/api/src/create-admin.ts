import 'reflect-metadata';
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@probity/database';
import { IDENTITY_ENTITIES, IdentityService, newToken } from '@probity/identity';
import { loadConfigOrExit } from '@probity/runtime';

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
  if (config.mode === 'zero-setup') await mkdir(config.dataDir, { recursive: true });
  const dataSource = new DataSource({ ...buildDataSourceOptions(config), entities: IDENTITY_ENTITIES });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const identity = new IdentityService(dataSource);
    const agency = await identity.findOrCreateAgency(values.agency);
    const password = process.env.PROBITY_ADMIN_PASSWORD ?? newToken();
    const user = await identity.createStaffUser({
      agencyId: agency.id,
      email: values.email,
      name: values.name,
      role: 'admin',
      password,
    });
    process.stdout.write(`created admin ${user.email} for ${agency.name}\n`);
    if (!process.env.PROBITY_ADMIN_PASSWORD) process.stdout.write(`password (shown once): ${password}\n`);
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
