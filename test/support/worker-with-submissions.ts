import { INestApplicationContext } from '@nestjs/common';
import { CasesService } from '@probity/cases';
import { DEMO_AGENCY_NAME, demoCase, submitDemoResponses } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { QuestionnaireDefinition } from '@probity/questionnaires';
import { createTestDatabase, servicesTestConfig } from '@probity/testing';
import { startTestWorker } from './e2e-app';

/**
 * A worker on a database of its own with the demo case open and its three providers' responses submitted
 * (each submission queues its scoring job). No HTTP server: the suites drive the services directly.
 */
export interface WorkerWithSubmissions {
  app: INestApplicationContext;
  caseId: string;
  close(): Promise<void>;
}

export async function workerWithSubmissions(): Promise<WorkerWithSubmissions> {
  const database = await createTestDatabase();
  const app = await startTestWorker(servicesTestConfig(database.url));
  const cases = app.get(CasesService);
  const agency = await app.get(IdentityService).findOrCreateAgency(DEMO_AGENCY_NAME);
  const created = await cases.createCase(agency.id, demoCase(new Date('2026-11-01T00:00:00Z')));
  await cases.transition(created.id, 'open');
  await submitDemoResponses(app, created.id, created.questionnaireDefinition as QuestionnaireDefinition);
  return {
    app,
    caseId: created.id,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** `workerWithSubmissions` for one suite: started before its tests (then `then`), closed after them. */
export function workerWithSubmissionsForSuite(then?: (world: WorkerWithSubmissions) => Promise<unknown>) {
  const world = {} as WorkerWithSubmissions;
  beforeAll(async () => {
    Object.assign(world, await workerWithSubmissions());
    await then?.(world);
  });
  afterAll(() => world.close?.());
  return world;
}
