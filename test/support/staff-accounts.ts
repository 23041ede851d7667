import { DataSource } from 'typeorm';
import { buildDataSourceOptions, UnitOfWork } from '@probity/database';
import { IDENTITY_ENTITIES, IdentityRepository, IdentityService, StaffRole } from '@probity/identity';

export interface StaffAccount {
  email: string;
  name: string;
  role: StaffRole;
}

/**
 * Creates staff accounts of one agency straight in a services-mode database, the way create-admin
 * does, before any built process starts; returns their ids in the order given.
 */
export async function createStaffAccounts(
  databaseUrl: string,
  agencyName: string,
  staff: ReadonlyArray<StaffAccount>,
  password: string,
): Promise<Array<StaffAccount & { id: string }>> {
  const accounts = new DataSource({
    ...buildDataSourceOptions({ mode: 'services', databaseUrl, dataDir: '' }),
    entities: IDENTITY_ENTITIES,
  });
  await accounts.initialize();
  try {
    const unitOfWork = new UnitOfWork(accounts);
    const identity = new IdentityService(new IdentityRepository(unitOfWork), unitOfWork);
    const agency = await identity.findOrCreateAgency(agencyName);
    const created: Array<StaffAccount & { id: string }> = [];
    for (const account of staff) {
      const user = await identity.createStaffUser({ agencyId: agency.id, ...account, password });
      created.push({ ...account, id: user.id });
    }
    return created;
  } finally {
    await accounts.destroy();
  }
}
