import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { IdentityService } from '@probity/identity';
import { CasesService, ProviderResponse } from '@probity/cases';
import { answersAtQuality, DEMO_AGENCY_NAME, demoCase } from '@probity/demo';
import { ResponseScore } from '@probity/evaluation';
import { QuestionnaireDefinition } from '@probity/questionnaires';
import { JobQueue, SCORE_BATCH_MAX } from '@probity/queue';
import { createTestDatabase, servicesTestConfig } from '@probity/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/**
 * Scores `count` submitted responses of the built-in questionnaire through real Redis and one
 * in-process worker (concurrency 4) against real PostgreSQL; returns responses per second. `batchSize`
 * 1 sends one `scoring.score-response` job per response; more sends `scoring.score-responses` jobs of
 * that many responses each.
 */
export async function measureScoringThroughRedis(count: number, batchSize = 1): Promise<number> {
  if (batchSize > SCORE_BATCH_MAX) throw new Error(`batches hold at most ${SCORE_BATCH_MAX} responses`);
  const database = await createTestDatabase();
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(servicesTestConfig(database.url, { LOG_LEVEL: 'silent' })),
    {
      logger: false,
    },
  );
  await app.init();
  try {
    const cases = app.get(CasesService);
    const agency = await app.get(IdentityService).findOrCreateAgency(DEMO_AGENCY_NAME);
    const created = await cases.createCase(agency.id, demoCase(new Date()));
    await cases.transition(created.id, 'open');
    const definition = created.questionnaireDefinition as QuestionnaireDefinition;
    const rows = Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      caseId: created.id,
      organisationName: `Provider ${i}`,
      country: 'NL',
      legalIdentifiers: {},
      contactEmails: [`p${i}@example.test`],
      answers: answersAtQuality(definition, (i % 10) / 10),
      revision: 1,
      status: 'submitted' as const,
      submittedAt: new Date(),
      submissionHash: 'bench',
    }));
    const repository = app.get(DataSource).getRepository(ProviderResponse);
    for (let i = 0; i < rows.length; i += 500) await repository.insert(rows.slice(i, i + 500) as never);

    const jobs = app.get(JobQueue);
    const started = performance.now();
    if (batchSize === 1) {
      for (const row of rows)
        await jobs.enqueue('scoring.score-response', { responseId: row.id, revision: 1 }, { jobId: `bench-${row.id}` });
    } else {
      for (let i = 0; i < rows.length; i += batchSize) {
        const responses = rows.slice(i, i + batchSize).map((row) => ({ responseId: row.id, revision: 1 }));
        await jobs.enqueue(
          'scoring.score-responses',
          { responses },
          { jobId: `bench-batch-${responses[0].responseId}` },
        );
      }
    }
    const scores = app.get(DataSource).getRepository(ResponseScore);
    while ((await scores.countBy({ caseId: created.id })) < count) await sleep(200);
    return count / ((performance.now() - started) / 1000);
  } finally {
    await app.close();
    await database.drop();
  }
}
