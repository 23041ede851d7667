// Test support for the repository integration specs (`*.repository.int-spec.ts`): a fresh PostgreSQL
// database with every migration, evaluation's repositories over it, and rows its foreign keys need.
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { CASE_ENTITIES, ProcurementCase, ProviderResponse } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { Agency, IDENTITY_ENTITIES } from '@probity/identity';
import { aCase, aResponse, createTestDatabase, TestDatabase, typeOrmTestModule } from '@probity/testing';
import { EVALUATION_ENTITIES } from './evaluation.entities';
import { PanelRepository } from './panel.repository';
import { PriceRepository } from './price.repository';
import { ScoringResultsRepository } from './scoring-results.repository';

export interface RepositoryTestModule {
  database: TestDatabase;
  moduleRef: TestingModule;
  unitOfWork: UnitOfWork;
  /** A case of a new agency with one submitted response, as rows the price table's foreign keys point to. */
  aCaseWithResponse(): Promise<{ caseId: string; responseId: string }>;
  close(): Promise<void>;
}

export async function repositoryTestModule(): Promise<RepositoryTestModule> {
  const database = await createTestDatabase();
  const moduleRef = await Test.createTestingModule({
    imports: [
      typeOrmTestModule(database.url),
      TypeOrmModule.forFeature([...EVALUATION_ENTITIES, ...CASE_ENTITIES, ...IDENTITY_ENTITIES]),
    ],
    providers: [UnitOfWork, PanelRepository, ScoringResultsRepository, PriceRepository],
  }).compile();
  const unitOfWork = moduleRef.get(UnitOfWork);
  const { manager } = unitOfWork;
  return {
    database,
    moduleRef,
    unitOfWork,
    async aCaseWithResponse() {
      const agencyId = randomUUID();
      await manager.getRepository(Agency).insert({ id: agencyId, name: `Agency ${agencyId}` });
      const procurementCase = aCase({ agencyId, status: 'evaluation' });
      await manager.getRepository(ProcurementCase).insert(procurementCase as never);
      const response = aResponse({ caseId: procurementCase.id, status: 'submitted', submittedAt: new Date() });
      await manager.getRepository(ProviderResponse).insert(response as never);
      return { caseId: procurementCase.id, responseId: response.id };
    },
    async close() {
      await moduleRef.close();
      await database.drop();
    },
  };
}
