import { BadRequestException, ConflictException, ForbiddenException } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { CasesModule, CasesService } from '@probity/cases';
import { IdentityService } from '@probity/identity';
import { DEMO_AGENCY_NAME, demoCase } from '@probity/demo';
import { JobContext, OutboxEntry } from '@probity/queue';
import { CoreModule } from '@probity/runtime';
import { BrowserPool } from '@probity/pdf-rendering';
import { createTestDatabase, servicesTestConfig, TestDatabase, waitFor } from '@probity/testing';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import type { DossierInput } from '../model/dossier-input';
import { DossierSeal } from '../signing/dossier-seal';
import { verifyPades } from '../signing/pades-verifier';
import { DossierInputSource } from './case-dossier-source';
import { RenderDossierJob, SignDossierJob } from './dossier-jobs';
import { DossierModule } from './dossier.module';
import { DossierService } from './dossier.service';
import { DossierVersion } from './dossier-version.entity';
import { DossierReviewComment, DossierReviewDecision, SignedDossier } from './review.entities';
import { DossierReviewService, ReviewerIdentity } from './review.service';

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

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const context = (jobId: string): JobContext => ({ jobId, attempt: 1, updateProgress: async () => undefined });

describe('dossier versions, review and sign-off (real PostgreSQL, Redis and Chromium)', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let keyDir: string;
  let dossiers: DossierService;
  let reviews: DossierReviewService;
  let renderJob: RenderDossierJob;
  let signJob: SignDossierJob;
  let dataSource: DataSource;
  const source = new SampleInputSource();

  const legal: ReviewerIdentity = { id: randomUUID(), name: 'L. Reviewer', role: 'Legal reviewer' };
  const officer: ReviewerIdentity = { id: randomUUID(), name: 'P. Officer', role: 'Procurement officer' };
  const outsider: ReviewerIdentity = { id: randomUUID(), name: 'O. Outsider', role: 'Evaluator' };

  beforeAll(async () => {
    database = await createTestDatabase();
    keyDir = await mkdtemp(join(tmpdir(), 'probity-dossier-key-'));
    const config = servicesTestConfig(database.url, {
      DATA_DIR: keyDir,
    });
    moduleRef = await Test.createTestingModule({
      imports: [CoreModule.forRoot(config, { consumeJobs: false }), CasesModule, DossierModule],
    })
      .overrideProvider(DossierInputSource)
      .useValue(source)
      .compile();
    await moduleRef.init();
    dossiers = moduleRef.get(DossierService);
    reviews = moduleRef.get(DossierReviewService);
    // The installation's seal exists before any test signs: generating its keys is set-up, not signing time.
    moduleRef.get(DossierSeal).credentials();
    renderJob = moduleRef.get(RenderDossierJob);
    signJob = moduleRef.get(SignDossierJob);
    dataSource = moduleRef.get(DataSource);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
    await rm(keyDir, { recursive: true, force: true });
  });

  async function newCase(): Promise<string> {
    const demo = demoCase(new Date('2026-11-01T00:00:00Z'));
    const reference = `${demo.reference}-${randomUUID().slice(0, 8)}`;
    const agency = await moduleRef.get(IdentityService).findOrCreateAgency(DEMO_AGENCY_NAME);
    return (await moduleRef.get(CasesService).createCase(agency.id, { ...demo, reference })).id;
  }

  async function renderedVersion(caseId: string): Promise<DossierVersion> {
    const version = await dossiers.requestRender(caseId);
    await renderJob.handle({ dossierId: version.id }, context(`render-${version.id}`));
    return dossiers.get(version.id);
  }

  const outbox = (jobName: string, dossierId: string) =>
    dataSource
      .getRepository(OutboxEntry)
      .createQueryBuilder('e')
      .where('e.job_name = :jobName', { jobName })
      .andWhere(`e.payload->>'dossierId' = :dossierId`, { dossierId })
      .orderBy('e.created_at', 'ASC')
      .getMany();

  describe('rendering', () => {
    it('makes one version per snapshot and enqueues its render once', async () => {
      const caseId = await newCase();
      const first = await dossiers.requestRender(caseId);
      const second = await dossiers.requestRender(caseId);
      expect(second.id).toBe(first.id);
      expect(first).toMatchObject({ version: 1, status: 'pending', pdfSha256: null, supersededAt: null });
      const jobs = await outbox('dossier.render', first.id);
      expect(jobs.map((j) => j.jobId)).toEqual([DossierService.renderJobId(caseId, first.snapshotHash)]);
    });

    it('stores one PDF whose hash never changes when the render job runs again', async () => {
      const caseId = await newCase();
      const version = await dossiers.requestRender(caseId);
      const first = await renderJob.handle({ dossierId: version.id }, context('a'));
      expect(first.rendered).toBe(true);
      const stored = await dossiers.get(version.id);
      const pdf = (await dossiers.pdf(version.id))!;
      expect(stored).toMatchObject({ status: 'rendered', renderProgress: 100, printStatus: 'draft' });
      expect(stored.pdfSha256).toBe(first.pdfSha256);
      expect(sha256(pdf)).toBe(first.pdfSha256);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

      const again = await renderJob.handle({ dossierId: version.id }, context('b'));
      expect(again).toEqual({ pdfSha256: first.pdfSha256, rendered: false });
      expect(sha256((await dossiers.pdf(version.id))!)).toBe(first.pdfSha256);
      expect((await dossiers.get(version.id)).renderedAt).toEqual(stored.renderedAt);
    });

    it('keeps the first of two concurrent renders: both report its hash and progress stays at 100', async () => {
      const caseId = await newCase();
      const version = await dossiers.requestRender(caseId);
      const results = await Promise.all([
        renderJob.handle({ dossierId: version.id }, context('c1')),
        renderJob.handle({ dossierId: version.id }, context('c2')),
      ]);
      const stored = await dossiers.get(version.id);
      expect(results.map((r) => r.pdfSha256)).toEqual([stored.pdfSha256, stored.pdfSha256]);
      expect(results.filter((r) => r.rendered)).toHaveLength(1);
      expect(sha256((await dossiers.pdf(version.id))!)).toBe(stored.pdfSha256);
      expect(stored.renderProgress).toBe(100);
      expect(await dataSource.getRepository(DossierVersion).countBy({ caseId })).toBe(1);
    });

    it('supersedes the current version when the data changes, and reinstates it when the data goes back', async () => {
      const caseId = await newCase();
      const v1 = await dossiers.requestRender(caseId);
      source.extra.set(caseId, 'May the system run offline?');
      const v2 = await dossiers.requestRender(caseId);
      expect(v2.version).toBe(2);
      expect((await dossiers.get(v1.id)).supersededAt).not.toBeNull();
      source.extra.delete(caseId);
      const back = await dossiers.requestRender(caseId);
      expect(back.id).toBe(v1.id);
      expect(back.supersededAt).toBeNull();
      expect((await dossiers.get(v2.id)).supersededAt).not.toBeNull();
    });
  });

  describe('review', () => {
    let caseId: string;
    let version: DossierVersion;

    beforeAll(async () => {
      caseId = await newCase();
      await reviews.assignReviewers(caseId, [legal, officer]);
      version = await renderedVersion(caseId);
    });

    it('prints "under review" on a copy rendered once reviewers are assigned', () => {
      expect(version.printStatus).toBe('under review');
    });

    it('refuses a reviewer list that is empty or names someone twice', async () => {
      await expect(reviews.assignReviewers(caseId, [])).rejects.toThrow(BadRequestException);
      await expect(reviews.assignReviewers(caseId, [legal, legal])).rejects.toThrow(/listed twice/);
    });

    it('records comments of assigned reviewers on known sections, bound to the review copy', async () => {
      const comment = await reviews.comment(version.id, legal, { section: 'fria', body: ' Check heading (c). ' });
      expect(comment).toMatchObject({ section: 'fria', body: 'Check heading (c).', pdfSha256: version.pdfSha256 });
      await expect(reviews.comment(version.id, legal, { section: 'nowhere', body: 'x' })).rejects.toThrow(
        /Unknown section "nowhere"/,
      );
      await expect(reviews.comment(version.id, legal, { section: 'summary', body: '  ' })).rejects.toThrow(
        BadRequestException,
      );
      await expect(reviews.comment(version.id, outsider, { section: 'summary', body: 'Hi' })).rejects.toThrow(
        ForbiddenException,
      );
      expect((await reviews.state(version.id)).comments.map((c) => c.body)).toEqual(['Check heading (c).']);
    });

    it('refuses a decision from someone who is not an assigned reviewer with 403', async () => {
      const attempt = reviews.decide(version.id, outsider, { decision: 'approve', pdfSha256: version.pdfSha256! });
      await expect(attempt).rejects.toThrow(ForbiddenException);
      await expect(attempt).rejects.toThrow('You are not a reviewer of this dossier.');
      // Even with the wrong hash: an outsider learns nothing about the review copy.
      await expect(
        reviews.decide(version.id, outsider, { decision: 'approve', pdfSha256: 'f'.repeat(64) }),
      ).rejects.toThrow(ForbiddenException);
    });

    it('refuses a decision on other bytes than the current review copy with 409', async () => {
      const attempt = reviews.decide(version.id, legal, { decision: 'approve', pdfSha256: 'f'.repeat(64) });
      await expect(attempt).rejects.toThrow(ConflictException);
      await expect(attempt).rejects.toThrow(/other bytes .* than the current review copy of version 1/);
    });

    it('refuses incomplete decisions with 400', async () => {
      const pdfSha256 = version.pdfSha256!;
      await expect(
        reviews.decide(version.id, legal, { decision: 'approve-with-conditions', pdfSha256 }),
      ).rejects.toThrow(BadRequestException);
      await expect(
        reviews.decide(version.id, legal, { decision: 'request-changes', reason: ' ', pdfSha256 }),
      ).rejects.toThrow(/needs a reason/);
    });

    it('counts the latest decision per reviewer and hands over to signing only when all approve', async () => {
      const pdfSha256 = version.pdfSha256!;
      await reviews.decide(version.id, legal, { decision: 'approve', pdfSha256 });
      await reviews.decide(version.id, legal, { decision: 'request-changes', reason: 'Clause 7 missing.', pdfSha256 });
      await reviews.decide(version.id, officer, { decision: 'approve', pdfSha256 });
      let state = await reviews.state(version.id);
      expect(state.reviewers.map((r) => [r.name, r.decision])).toEqual([
        ['L. Reviewer', 'request-changes'],
        ['P. Officer', 'approve'],
      ]);
      expect(state.decisions).toHaveLength(3);
      expect(await outbox('dossier.sign', version.id)).toHaveLength(0);

      const last = await reviews.decide(version.id, legal, {
        decision: 'approve-with-conditions',
        conditions: 'Add MCC-AI Art. 7.',
        pdfSha256,
      });
      expect(last).toMatchObject({ decision: 'approve-with-conditions', conditions: 'Add MCC-AI Art. 7.', pdfSha256 });
      state = await reviews.state(version.id);
      expect(state.reviewers.map((r) => r.decision)).toEqual(['approve-with-conditions', 'approve']);
      const decidedAt = state.decisions.map((d) => d.decidedAt.getTime());
      expect(decidedAt).toEqual([...decidedAt].sort((a, b) => a - b));
      expect(await outbox('dossier.sign', version.id)).toHaveLength(1);
    });

    it('re-enqueues signing when approvals complete again after a signing job found them incomplete', async () => {
      const pdfSha256 = version.pdfSha256!;
      // The officer changes their mind before the queued signing job runs: the job must not sign.
      await reviews.decide(version.id, officer, { decision: 'request-changes', reason: 'Wait for DPO.', pdfSha256 });
      const refused = await signJob.handle({ dossierId: version.id }, context('sign-1'));
      expect(refused).toEqual({ signed: false, reason: 'not every required reviewer approves this version' });
      expect(await dossiers.signed(version.id)).toBeNull();

      await reviews.decide(version.id, officer, { decision: 'approve', pdfSha256 });
      const jobs = await outbox('dossier.sign', version.id);
      expect(jobs).toHaveLength(2);
      expect(new Set(jobs.map((j) => j.jobId)).size).toBe(2);
    });
  });

  describe('stale versions', () => {
    it('refuses decisions on a version whose data changed, and on a superseded version, with 409', async () => {
      const caseId = await newCase();
      await reviews.assignReviewers(caseId, [legal]);
      const v1 = await renderedVersion(caseId);
      source.extra.set(caseId, 'Is on-premises hosting allowed?');

      const changed = reviews.decide(v1.id, legal, { decision: 'approve', pdfSha256: v1.pdfSha256! });
      await expect(changed).rejects.toThrow(ConflictException);
      await expect(changed).rejects.toThrow(/The data behind version 1 changed since it was rendered: version 2/);

      const v2 = (await dossiers.versionsOf(caseId))[0];
      expect(v2.version).toBe(2);
      const superseded = reviews.decide(v1.id, legal, { decision: 'approve', pdfSha256: v1.pdfSha256! });
      await expect(superseded).rejects.toThrow(ConflictException);
      await expect(superseded).rejects.toThrow('Version 1 is stale: version 2 replaced it. Review the new version.');
      await expect(reviews.comment(v1.id, legal, { section: 'summary', body: 'x' })).rejects.toThrow(/stale/);

      // The review copy of version 1 does not stand in for version 2 either.
      await renderJob.handle({ dossierId: v2.id }, context('v2'));
      await expect(reviews.decide(v2.id, legal, { decision: 'approve', pdfSha256: v1.pdfSha256! })).rejects.toThrow(
        ConflictException,
      );
      expect(await dataSource.getRepository(DossierReviewDecision).countBy({ caseId })).toBe(0);
      expect((await reviews.state(v1.id)).status).toBe('superseded');

      // Whoever holds the old copy learns it is genuine but no longer the dossier.
      expect(await dossiers.verify((await dossiers.pdf(v1.id))!)).toMatchObject({
        valid: true,
        signed: false,
        version: 1,
        status: 'superseded',
      });
      expect(await dossiers.verify((await dossiers.pdf(v2.id))!)).toMatchObject({
        valid: true,
        version: 2,
        status: 'rendered',
      });
    });

    it('names the current version, not the highest number, when an older version became current again', async () => {
      const caseId = await newCase();
      await reviews.assignReviewers(caseId, [legal]);
      const v1 = await renderedVersion(caseId);
      source.extra.set(caseId, 'Temporary change');
      const v2 = await renderedVersion(caseId);
      source.extra.delete(caseId);
      expect((await dossiers.requestRender(caseId)).id).toBe(v1.id);
      await expect(reviews.decide(v2.id, legal, { decision: 'approve', pdfSha256: v2.pdfSha256! })).rejects.toThrow(
        'Version 2 is stale: version 1 replaced it. Review the new version.',
      );
    });
  });

  describe('reviewer list changes', () => {
    it('hands the version to signing when the new list only names reviewers who already approved', async () => {
      const caseId = await newCase();
      await reviews.assignReviewers(caseId, [legal, officer]);
      const version = await renderedVersion(caseId);
      await reviews.decide(version.id, legal, { decision: 'approve', pdfSha256: version.pdfSha256! });
      expect(await outbox('dossier.sign', version.id)).toHaveLength(0);

      await reviews.assignReviewers(caseId, [legal, outsider]);
      expect(await outbox('dossier.sign', version.id)).toHaveLength(0);
      await reviews.assignReviewers(caseId, [legal]);
      expect(await outbox('dossier.sign', version.id)).toHaveLength(1);

      const result = await signJob.handle({ dossierId: version.id }, context('after-reassign'));
      expect(result.signed).toBe(true);
      const signed = await dataSource.getRepository(SignedDossier).findOneByOrFail({ dossierId: version.id });
      expect((signed.statement as { signers: Array<{ name: string }> }).signers.map((s) => s.name)).toEqual([
        'L. Reviewer',
      ]);
    });
  });

  describe('records that change while the signed PDF is printed', () => {
    async function approvedVersion(): Promise<DossierVersion> {
      const caseId = await newCase();
      await reviews.assignReviewers(caseId, [legal, officer]);
      const version = await renderedVersion(caseId);
      await reviews.decide(version.id, legal, { decision: 'approve', pdfSha256: version.pdfSha256! });
      await reviews.decide(version.id, officer, { decision: 'approve', pdfSha256: version.pdfSha256! });
      return version;
    }
    // Once Chromium prints, the job has read the sign-off records it prints.
    const printing = () => waitFor(async () => moduleRef.get(BrowserPool).stats.active > 0, 30000, 10);

    it('prints a comment made meanwhile on the signed dossier', async () => {
      const version = await approvedVersion();
      const signing = signJob.handle({ dossierId: version.id }, context('sign-with-comment'));
      await printing();
      await reviews.comment(version.id, officer, { section: 'summary', body: 'Late but relevant.' });
      expect((await signing).signed).toBe(true);
      const signed = await dataSource.getRepository(SignedDossier).findOneByOrFail({ dossierId: version.id });
      expect((signed.snapshot as DossierInput).signOff?.comments.map((c) => c.text)).toEqual(['Late but relevant.']);
    });

    it('does not sign when a reviewer requests changes meanwhile', async () => {
      const version = await approvedVersion();
      const signing = signJob.handle({ dossierId: version.id }, context('sign-with-change'));
      await printing();
      await reviews.decide(version.id, officer, {
        decision: 'request-changes',
        reason: 'Found a problem.',
        pdfSha256: version.pdfSha256!,
      });
      expect(await signing).toMatchObject({ signed: false });
      expect(await dossiers.signed(version.id)).toBeNull();
      expect((await dossiers.get(version.id)).status).toBe('rendered');
    });
  });

  describe('data that changes while the signed PDF is printed', () => {
    it('does not sign a version superseded meanwhile', async () => {
      const caseId = await newCase();
      await reviews.assignReviewers(caseId, [legal]);
      const version = await renderedVersion(caseId);
      await reviews.decide(version.id, legal, { decision: 'approve', pdfSha256: version.pdfSha256! });
      const signing = signJob.handle({ dossierId: version.id }, context('sign-while-superseded'));
      await waitFor(async () => moduleRef.get(BrowserPool).stats.active > 0, 30000, 10);
      source.extra.set(caseId, 'New clarification during signing');
      const next = await dossiers.requestRender(caseId);
      expect(next.version).toBe(2);
      expect(await signing).toMatchObject({ signed: false });
      expect(await dataSource.getRepository(SignedDossier).countBy({ caseId })).toBe(0);
      expect((await dossiers.get(version.id)).status).toBe('rendered');
    });
  });

  describe('sign-off and verification', () => {
    let caseId: string;
    let version: DossierVersion;
    let reviewCopy: Buffer;
    let signedPdf: Buffer;

    beforeAll(async () => {
      caseId = await newCase();
      await reviews.assignReviewers(caseId, [legal, officer]);
      version = await renderedVersion(caseId);
      reviewCopy = (await dossiers.pdf(version.id))!;
      await reviews.comment(version.id, officer, { section: 'summary', body: 'Agreed with the recommendation.' });
      await reviews.decide(version.id, legal, { decision: 'approve', pdfSha256: version.pdfSha256! });
      await reviews.decide(version.id, officer, { decision: 'approve', pdfSha256: version.pdfSha256! });
    });

    it('signs once: concurrent and repeated runs give one row, one PDF and one hash', async () => {
      expect(await outbox('dossier.sign', version.id)).toHaveLength(1);
      const concurrent = await Promise.all([
        signJob.handle({ dossierId: version.id }, context('s1')),
        signJob.handle({ dossierId: version.id }, context('s2')),
      ]);
      const again = await signJob.handle({ dossierId: version.id }, context('s3'));
      const rows = await dataSource.getRepository(SignedDossier).findBy({ dossierId: version.id });
      expect(rows).toHaveLength(1);
      signedPdf = (await dossiers.signedPdf(version.id))!;
      expect(sha256(signedPdf)).toBe(rows[0].pdfSha256);
      for (const result of [...concurrent, again])
        expect(result).toEqual({ signed: true, pdfSha256: rows[0].pdfSha256 });
      expect(rows[0]).toMatchObject({
        caseId,
        version: 1,
        snapshotHash: version.snapshotHash,
        reviewedPdfSha256: version.pdfSha256,
      });
      expect(signedPdf.equals(reviewCopy)).toBe(false);
      expect((await dossiers.get(version.id)).status).toBe('signed');
      expect(source.signedOff.filter((id) => id === caseId)).toEqual([caseId]);
    });

    it('seals the PDF with one PAdES signature whose approvals.json names the case, version, review copy and signers', async () => {
      const report = await verifyPades(signedPdf, moduleRef.get(DossierSeal).trustAnchors());
      expect(report).toMatchObject({ valid: true, signatureCount: 1, subFilter: 'ETSI.CAdES.detached', trusted: true });
      expect(report?.approvals).toMatchObject({
        issuer: 'Probity',
        caseId,
        version: 1,
        snapshotHash: version.snapshotHash,
        approvals: [
          expect.objectContaining({ name: 'L. Reviewer', decision: 'approve', reviewCopySha256: version.pdfSha256 }),
          expect.objectContaining({ name: 'P. Officer', decision: 'approve', reviewCopySha256: version.pdfSha256 }),
        ],
      });
      // Ed25519 keys are listed only for dossiers signed before PAdES.
      expect(await dossiers.signingKeys()).toEqual([]);
    });

    it('verifies the signed PDF as genuine and identifies its case and version', async () => {
      const result = await dossiers.verify(signedPdf);
      expect(result).toMatchObject({
        valid: true,
        signed: true,
        status: 'signed',
        caseReference: sampleDossierInput().case.reference,
        caseTitle: sampleDossierInput().case.title,
        version: 1,
        pdfSha256: sha256(signedPdf),
        signers: [expect.objectContaining({ name: 'L. Reviewer' }), expect.objectContaining({ name: 'P. Officer' })],
      });
    });

    it('recognises the review copy as genuine but not as the signed dossier', async () => {
      expect(await dossiers.verify(reviewCopy)).toMatchObject({
        valid: true,
        signed: false,
        version: 1,
        status: 'review copy of a signed dossier',
      });
    });

    it('refuses a signed PDF with one byte flipped, anywhere', async () => {
      for (const offset of [100, Math.floor(signedPdf.length / 2), signedPdf.length - 100]) {
        const tampered = Buffer.from(signedPdf);
        tampered[offset] ^= 0x01;
        const result = await dossiers.verify(tampered);
        expect(result).toMatchObject({ valid: false, pdfSha256: sha256(tampered) });
        expect((result as { reason: string }).reason).toMatch(/altered|changed after signing|does not verify/);
      }
    });

    it('says a copy rewritten by a PDF editor around the genuine signature was changed after signing', async () => {
      const document = await PDFDocument.load(signedPdf, { updateMetadata: false });
      document.setTitle('Edited');
      const rewritten = Buffer.from(await document.save({ useObjectStreams: false }));
      expect(await dossiers.verify(rewritten)).toMatchObject({
        valid: false,
        reason: expect.stringMatching(/changed after signing|byte range/),
      });
    });

    it('refuses a PDF Probity never produced', async () => {
      const document = await PDFDocument.create();
      document.addPage();
      const unknown = Buffer.from(await document.save());
      expect(await dossiers.verify(unknown)).toMatchObject({
        valid: false,
        reason: expect.stringMatching(/match no dossier Probity rendered/),
      });
    });

    it('freezes a signed dossier: no decisions, comments, reviewer changes or new versions', async () => {
      await expect(
        reviews.decide(version.id, legal, { decision: 'approve', pdfSha256: version.pdfSha256! }),
      ).rejects.toThrow(ConflictException);
      await expect(reviews.comment(version.id, legal, { section: 'summary', body: 'Late.' })).rejects.toThrow(
        ConflictException,
      );
      await expect(reviews.assignReviewers(caseId, [legal])).rejects.toThrow(ConflictException);
      source.extra.set(caseId, 'After signing');
      await expect(dossiers.requestRender(caseId)).rejects.toThrow(/signed: it can no longer change/);
      source.extra.delete(caseId);
      expect((await reviews.state(version.id)).signed).toMatchObject({ pdfSha256: sha256(signedPdf) });
    });

    it('lets the database refuse UPDATE and DELETE on decisions, comments and signed dossiers', async () => {
      const raw = database.dataSource;
      for (const table of ['dossier_review_decisions', 'dossier_review_comments', 'signed_dossiers']) {
        const [{ count }] = await raw.query(`SELECT count(*)::int AS count FROM "${table}" WHERE dossier_id = $1`, [
          version.id,
        ]);
        expect(count).toBeGreaterThan(0);
        await expect(raw.query(`DELETE FROM "${table}" WHERE dossier_id = $1`, [version.id])).rejects.toThrow(
          `${table} is append-only`,
        );
        await expect(
          raw.query(`UPDATE "${table}" SET pdf_sha256 = $2 WHERE dossier_id = $1`, [version.id, 'f'.repeat(64)]),
        ).rejects.toThrow(`${table} is append-only`);
      }
      await expect(
        raw.query(
          `UPDATE "dossier_review_decisions" SET decision = 'request-changes', reason = 'x' WHERE dossier_id = $1`,
          [version.id],
        ),
      ).rejects.toThrow(/append-only/);
      const signed = await dataSource.getRepository(SignedDossier).findOneByOrFail({ dossierId: version.id });
      expect(signed.pdfSha256).toBe(sha256(signedPdf));
      expect(await dataSource.getRepository(DossierReviewComment).countBy({ dossierId: version.id })).toBe(1);
    });
  });
});
