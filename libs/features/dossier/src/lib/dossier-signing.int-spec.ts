import { ConflictException } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { PDFDocument } from 'pdf-lib';
import type { DataSource } from 'typeorm';
import { BrowserPool } from '@probity/pdf-rendering';
import { TestDatabase, waitFor } from '@probity/testing';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import type { DossierInput } from '../model/dossier-input';
import { DossierSeal } from '../signing/dossier-seal';
import { verifyPades } from '../signing/pades-verifier';
import { context, dossierReviewHarness, legal, officer, sha256 } from '../testing/dossier-review-harness';
import { SignDossierJob } from './dossier-jobs';
import { DossierService } from './dossier.service';
import { DossierVersion } from './dossier-version.entity';
import { DossierReviewComment, SignedDossier } from './review.entities';
import { DossierReviewService } from './review.service';

describe('dossier signing and verification (real PostgreSQL, Redis and Chromium)', () => {
  const harness = dossierReviewHarness();
  const { source, newCase, renderedVersion, outbox } = harness;
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let dossiers: DossierService;
  let reviews: DossierReviewService;
  let signJob: SignDossierJob;
  let dataSource: DataSource;

  beforeAll(() => {
    ({ database, moduleRef, dossiers, reviews, signJob, dataSource } = harness.ready);
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
