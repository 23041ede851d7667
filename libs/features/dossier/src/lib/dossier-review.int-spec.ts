import { BadRequestException, ConflictException, ForbiddenException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { context, dossierReviewHarness, legal, officer, outsider, sha256 } from '../testing/dossier-review-harness';
import { RenderDossierJob, SignDossierJob } from './dossier-jobs';
import { DossierService } from './dossier.service';
import { DossierVersion } from './dossier-version.entity';
import { DossierReviewDecision, SignedDossier } from './review.entities';
import { DossierReviewService } from './review.service';

describe('dossier versions and review (real PostgreSQL, Redis and Chromium)', () => {
  const harness = dossierReviewHarness();
  const { source, newCase, renderedVersion, outbox } = harness;
  let dossiers: DossierService;
  let reviews: DossierReviewService;
  let renderJob: RenderDossierJob;
  let signJob: SignDossierJob;
  let dataSource: DataSource;

  beforeAll(() => {
    ({ dossiers, reviews, renderJob, signJob, dataSource } = harness.ready);
  });

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
});
