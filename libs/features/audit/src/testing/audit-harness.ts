import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@probity/database';
import { createTestDatabase, TestDatabase, typeOrmTestModule } from '@probity/testing';
import { AuditChainAppender } from '../lib/audit-chain-appender';
import { AuditEntry } from '../lib/audit-entry.entity';
import { AuditEntryRepository } from '../lib/audit-entry.repository';
import { AuditTrail } from '../lib/audit-trail.service';

/** The audit trail alone on a database of its own, for the int-specs of the chain. */
export interface AuditHarness {
  moduleRef: TestingModule;
  trail: AuditTrail;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A harness started before the suite's tests and closed after them; its fields are there once they run. */
export function auditHarnessForSuite(): AuditHarness {
  const harness = {} as AuditHarness;
  beforeAll(async () => {
    Object.assign(harness, await startAuditHarness());
  });
  afterAll(() => harness.close?.());
  return harness;
}

export async function startAuditHarness(): Promise<AuditHarness> {
  const database: TestDatabase = await createTestDatabase();
  const moduleRef: TestingModule = await Test.createTestingModule({
    imports: [typeOrmTestModule(database.url), TypeOrmModule.forFeature([AuditEntry])],
    providers: [AuditTrail, AuditChainAppender, AuditEntryRepository, UnitOfWork],
  }).compile();
  return {
    moduleRef,
    trail: moduleRef.get(AuditTrail),
    dataSource: moduleRef.get(DataSource),
    close: async () => {
      await moduleRef.close();
      await database.drop();
    },
  };
}

/** Edits a row the way only a superuser can: with the append-only trigger switched off. */
export async function tamperWithAuditEntries(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[],
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(`ALTER TABLE "audit_entries" DISABLE TRIGGER USER`);
    await manager.query(sql, parameters);
    await manager.query(`ALTER TABLE "audit_entries" ENABLE TRIGGER USER`);
  });
}

export { anAuditInput } from './audit-inputs';
