import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CoreModule } from '@probity/runtime';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { ReadinessModule } from '../lib/readiness.module';

/** ReadinessModule (FRIA and checklist) on a database of its own, jobs not consumed. */
export interface ReadinessHarness {
  moduleRef: TestingModule;
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function startReadinessHarness(): Promise<ReadinessHarness> {
  const database: TestDatabase = await createTestDatabase();
  const moduleRef = await Test.createTestingModule({
    imports: [CoreModule.forRoot(servicesTestConfig(database.url), { consumeJobs: false }), ReadinessModule],
  }).compile();
  await moduleRef.init();
  return {
    moduleRef,
    dataSource: moduleRef.get(DataSource),
    close: async () => {
      await moduleRef.close();
      await database.drop();
    },
  };
}

/** The officer who writes the agency's assessments in these tests. */
export const anOfficerAuthor = () => ({ userId: randomUUID(), name: 'Olga Officer', role: 'procurement_officer' });

/** Every FRIA heading written, so the FRIA item of the checklist can be closed. */
export const ALL_FRIA_HEADINGS = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [k, `Heading ${k}.`]));
