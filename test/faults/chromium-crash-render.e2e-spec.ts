import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { CasesService, EvidenceService, ProviderInvitesService, ResponsesService } from '@probity/cases';
import { answersAtQuality, DEMO_PROVIDERS, demoCase, demoEvidencePdf } from '@probity/demo';
import { DossierService } from '@probity/dossier';
import { EvaluationResultsService } from '@probity/evaluation';
import { IdentityService } from '@probity/identity';
import { QuestionnaireDefinition } from '@probity/questionnaires';
import { createTestDatabase, servicesTestConfig, TestDatabase, waitFor } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { startTestWorker } from '../support/e2e-app';

/** Chromium main processes started by this test process (the in-process worker's browser pool). */
function chromiumChildren(): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)])
      .toString()
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([, command]) => command?.startsWith('chrom'))
      .map(([pid]) => Number(pid));
  } catch {
    return [];
  }
}

describe('Chromium crashes while a dossier job renders (real services)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let worker: INestApplicationContext;
  let caseId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = servicesTestConfig(database.url);
    worker = await startTestWorker(config);
    app = await createApp(config);
    await app.init();
    const agency = await app.get(IdentityService).createAgency('Chromium crash agency');
    const cases = app.get(CasesService);
    const created = await cases.createCase(agency.id, { ...demoCase(new Date()), questionsDue: undefined });
    caseId = created.id;
    await cases.transition(caseId, 'open');
    const definition = created.questionnaireDefinition as QuestionnaireDefinition;
    for (const provider of DEMO_PROVIDERS.slice(0, 2)) {
      const { response } = await app.get(ProviderInvitesService).inviteProvider(caseId, provider.invite);
      await app
        .get(ResponsesService)
        .saveAnswers(response.id, answersAtQuality(definition, provider.quality, provider.overrides), 0);
      for (const file of provider.evidence)
        await app
          .get(EvidenceService)
          .addEvidence(response.id, file.questionName, file.fileName, await demoEvidencePdf('a', 'b'));
      await app.get(ResponsesService).submit(response.id);
    }
    await cases.transition(caseId, 'closed');
    await cases.transition(caseId, 'evaluation');
    await waitFor(async () => app.get(EvaluationResultsService).latestComparison(caseId), 120_000);
  });

  afterAll(async () => {
    await app?.close();
    await worker?.close();
    await database?.drop();
  });

  it('the job is retried on a new browser and the PDF arrives; the api answers throughout', async () => {
    const before = new Set(chromiumChildren());
    const dossiers = app.get(DossierService);
    const version = await waitFor(() => dossiers.requestRender(caseId).catch(() => null), 60_000);
    // Kill the browser the render job launched as soon as it exists.
    const victim = await waitFor(async () => chromiumChildren().find((pid) => !before.has(pid)), 60_000);
    await sleep(200);
    process.kill(victim, 'SIGKILL');
    const started = Date.now();
    let slowest = 0;
    let pdf: Buffer | null = null;
    while (!pdf && Date.now() - started < 150_000) {
      const sent = Date.now();
      await request(app.getHttpServer()).get('/health/live').expect(200);
      slowest = Math.max(slowest, Date.now() - sent);
      pdf = await dossiers.pdf(version.id);
      if (!pdf) await sleep(500);
    }
    expect(pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The retry rendered on a browser launched after the crash.
    const survivors = chromiumChildren();
    expect(survivors).not.toContain(victim);
    expect(survivors.filter((pid) => !before.has(pid)).length).toBeGreaterThan(0);
    expect(slowest).toBeLessThan(2000);
  });
});
