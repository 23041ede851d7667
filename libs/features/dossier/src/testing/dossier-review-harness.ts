import { Test, TestingModule } from '@nestjs/testing';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CasesModule, CasesService } from '@probity/cases';
import { IdentityService } from '@probity/identity';
import { DEMO_AGENCY_NAME, demoCase } from '@probity/demo';
import { JobContext, OutboxEntry } from '@probity/queue';
import { CoreModule } from '@probity/runtime';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import type { DossierInput } from '../model/dossier-input';
import { DossierSeal } from '../signing/dossier-seal';
import { DossierInputSource } from '../lib/case-dossier-source';
import { RenderDossierJob, SignDossierJob } from '../lib/dossier-jobs';
import { DossierModule } from '../lib/dossier.module';
import { DossierService } from '../lib/dossier.service';
import { DossierVersion } from '../lib/dossier-version.entity';
import { DossierReviewService, ReviewerIdentity } from '../lib/review.service';

/**
 * The dossier's input per case, as a test-controlled implementation of the DossierInputSource port (the
 * documented seam): the sample dossier, re-keyed to a real case row. Changing `extra` changes the data
 * behind a case, as new scores or a published clarification would.
 */
class SampleInputSource extends DossierInputSource {
  readonly extra = new Map<string, string>();
  readonly signedOff: string[] = [];
  private readonly base = sampleDossierInput();

  async inputFor(caseId: string): Promise<DossierInput> {
    const extra = this.extra.get(caseId);
    return {
      ...this.base,
      case: { ...this.base.case, id: caseId },
      clarifications: extra
        ? [...this.base.clarifications, { question: extra, answer: 'Yes.', publishedAt: '2026-11-12T12:00:00Z' }]
        : this.base.clarifications,
    };
  }

  async markSignedOff(caseId: string): Promise<void> {
    this.signedOff.push(caseId);
  }
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const context = (jobId: string): JobContext => ({ jobId, attempt: 1, updateProgress: async () => undefined });

export const legal: ReviewerIdentity = { id: randomUUID(), name: 'L. Reviewer', role: 'Legal reviewer' };
export const officer: ReviewerIdentity = { id: randomUUID(), name: 'P. Officer', role: 'Procurement officer' };
export const outsider: ReviewerIdentity = { id: randomUUID(), name: 'O. Outsider', role: 'Evaluator' };

export interface DossierReviewModule {
  database: TestDatabase;
  moduleRef: TestingModule;
  dossiers: DossierService;
  reviews: DossierReviewService;
  renderJob: RenderDossierJob;
  signJob: SignDossierJob;
  dataSource: DataSource;
}

/**
 * The dossier module on its own database (real PostgreSQL, Redis and Chromium) with the sample input source,
 * for the review and signing int-specs. Call inside `describe`: it registers the suite's beforeAll/afterAll;
 * `ready` holds the module once beforeAll ran.
 */
export function dossierReviewHarness<Source extends DossierInputSource = SampleInputSource>(
  // Another input source for a suite that needs one; it may read the module (ready once beforeAll ran).
  sourceOf: (moduleRef: () => TestingModule) => Source = () => new SampleInputSource() as unknown as Source,
) {
  const ready = {} as DossierReviewModule;
  const source = sourceOf(() => ready.moduleRef);
  let keyDir: string;

  beforeAll(async () => {
    ready.database = await createTestDatabase();
    keyDir = await mkdtemp(join(tmpdir(), 'probity-dossier-key-'));
    const config = servicesTestConfig(ready.database.url, { DATA_DIR: keyDir });
    ready.moduleRef = await Test.createTestingModule({
      imports: [CoreModule.forRoot(config, { consumeJobs: false }), CasesModule, DossierModule],
    })
      .overrideProvider(DossierInputSource)
      .useValue(source)
      .compile();
    await ready.moduleRef.init();
    ready.dossiers = ready.moduleRef.get(DossierService);
    ready.reviews = ready.moduleRef.get(DossierReviewService);
    // The installation's seal exists before any test signs: generating its keys is set-up, not signing time.
    ready.moduleRef.get(DossierSeal).credentials();
    ready.renderJob = ready.moduleRef.get(RenderDossierJob);
    ready.signJob = ready.moduleRef.get(SignDossierJob);
    ready.dataSource = ready.moduleRef.get(DataSource);
  });

  afterAll(async () => {
    await ready.moduleRef?.close();
    await ready.database?.drop();
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
  });

  async function newCase(): Promise<string> {
    const demo = demoCase(new Date('2026-11-01T00:00:00Z'));
    const reference = `${demo.reference}-${randomUUID().slice(0, 8)}`;
    const agency = await ready.moduleRef.get(IdentityService).findOrCreateAgency(DEMO_AGENCY_NAME);
    return (await ready.moduleRef.get(CasesService).createCase(agency.id, { ...demo, reference })).id;
  }

  async function renderedVersion(caseId: string): Promise<DossierVersion> {
    const version = await ready.dossiers.requestRender(caseId);
    await ready.renderJob.handle({ dossierId: version.id }, context(`render-${version.id}`));
    return ready.dossiers.get(version.id);
  }

  /** The outbox entries of one job name for one dossier version, oldest first. */
  const outbox = (jobName: string, dossierId: string) =>
    ready.dataSource
      .getRepository(OutboxEntry)
      .createQueryBuilder('e')
      .where('e.job_name = :jobName', { jobName })
      .andWhere(`e.payload->>'dossierId' = :dossierId`, { dossierId })
      .orderBy('e.created_at', 'ASC')
      .getMany();

  return { ready, source, newCase, renderedVersion, outbox };
}
