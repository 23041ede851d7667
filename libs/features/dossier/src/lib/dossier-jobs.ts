import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AuditTrail } from '@probity/audit';
import { CasesService } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { InvalidJobPayloadError, JobContext, JobHandler, JobProcessor, ParsedJobPayload } from '@probity/queue';
import { DOSSIER_INPUT_SCHEMA_VERSION, DossierInput } from '../model/dossier-input';
import { SignedStatement } from '../model/signature';
import { DossierSeal } from '../signing/dossier-seal';
import { sealedApprovalsOf } from '../signing/sealed-approvals';
import { certificateId, pemOfCertificate } from '../signing/seal-credentials';
import { DossierInputSource } from './case-dossier-source';
import { DossierRenderer } from './dossier-renderer';
import { DossierVersion } from './dossier-version.entity';
import { DossierVersionRepository } from './dossier-version.repository';
import { ReviewRepository } from './review.repository';
import { DossierReviewService } from './review.service';
import { SignOffRequests } from './sign-off-requests';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function storedInput(version: DossierVersion, job: string): DossierInput {
  const input = version.snapshot as DossierInput;
  if (input.schemaVersion !== DOSSIER_INPUT_SCHEMA_VERSION)
    throw new InvalidJobPayloadError(
      job as 'dossier.render',
      `dossier ${version.id} was stored with input shape ${String(input.schemaVersion)}; request a new version`,
    );
  return input;
}

/** Renders a version's review copy from its stored input. Runs once per version: a stored PDF is never replaced. */
@JobProcessor('dossier.render')
@Injectable()
export class RenderDossierJob implements JobHandler<'dossier.render'> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly versions: DossierVersionRepository,
    private readonly reviewers: ReviewRepository,
    private readonly renderer: DossierRenderer,
    private readonly signOffRequests: SignOffRequests,
  ) {}

  async handle(
    { dossierId }: ParsedJobPayload<'dossier.render'>,
    context: JobContext,
  ): Promise<{ pdfSha256: string; rendered: boolean }> {
    const dossier = await this.versions.findById(dossierId);
    if (!dossier) throw new InvalidJobPayloadError('dossier.render', `dossier ${dossierId} does not exist`);
    if (dossier.pdfSha256) return { pdfSha256: dossier.pdfSha256, rendered: false };
    const input = storedInput(dossier, 'dossier.render');
    const progress = async (percent: number) => {
      await context.updateProgress(percent);
      // A concurrent run may have finished first: its 100 % must not go back to 90.
      await this.versions.setRenderProgress(dossierId, percent);
    };
    await progress(10);
    const underReview = await this.reviewers.hasReviewers(dossier.caseId);
    const printStatus = underReview ? 'under review' : 'draft';
    const { pdf } = await this.renderer.render(input, {
      version: dossier.version,
      status: printStatus,
      contentHash: dossier.snapshotHash,
      generatedAt: dossier.requestedAt.toISOString(),
    });
    await progress(90);
    const pdfSha256 = sha256(pdf);
    const { rendered, stored } = await this.unitOfWork.run(async () => {
      // Only the first completed render is kept: a concurrent or retried run never replaces it. Decided on
      // the locked row rather than on UpdateResult.affected, which the embedded PostgreSQL (PGlite) leaves
      // undefined: trusting it there skipped the reviewers' sign-off requests.
      const locked = await this.versions.lock(dossierId);
      if (!locked) throw new InvalidJobPayloadError('dossier.render', `dossier ${dossierId} does not exist`);
      const first = !locked.pdfSha256;
      const stored = first
        ? await this.versions.storeRenderedCopy(dossierId, { pdf, pdfSha256, printStatus }, new Date())
        : locked;
      // The version enters review now that its review copy exists: the reviewers are asked in the same
      // transaction, so the request goes out exactly when the copy is stored.
      if (first) await this.signOffRequests.queue(stored);
      return { rendered: first, stored };
    });
    await context.updateProgress(100);
    // Whether this run stored the PDF: comparing hashes would say so for both runs when they printed the same bytes.
    return { pdfSha256: stored.pdfSha256 as string, rendered };
  }
}

/**
 * Renders the final dossier with its sign-off page, seals the final bytes with a PAdES signature
 * (approvals.json attached, then signed last), records the final PDF's SHA-256 and stores it once
 * (the table refuses updates). Idempotent: a version already signed returns the stored result.
 */
@JobProcessor('dossier.sign')
@Injectable()
export class SignDossierJob implements JobHandler<'dossier.sign'> {
  private readonly logger = new Logger(SignDossierJob.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly versions: DossierVersionRepository,
    private readonly cases: CasesService,
    private readonly renderer: DossierRenderer,
    private readonly reviews: DossierReviewService,
    private readonly seal: DossierSeal,
    private readonly source: DossierInputSource,
    private readonly audit: AuditTrail,
  ) {}

  async handle(
    { dossierId }: ParsedJobPayload<'dossier.sign'>,
    context: JobContext,
  ): Promise<{ signed: boolean; pdfSha256?: string; reason?: string }> {
    const existing = await this.versions.signedOf(dossierId);
    if (existing) return { signed: true, pdfSha256: existing.pdfSha256 };
    const version = await this.versions.findById(dossierId);
    if (!version) throw new InvalidJobPayloadError('dossier.sign', `dossier ${dossierId} does not exist`);
    if (version.supersededAt || !version.pdfSha256)
      return { signed: false, reason: 'the version is superseded or not rendered' };
    const { signOff, approved, approvals } = await this.reviews.signOffFor(version);
    // A reviewer may have changed their mind between the last approval and this job.
    if (!approved) return { signed: false, reason: 'not every required reviewer approves this version' };
    await context.updateProgress(10);

    const input = storedInput(version, 'dossier.sign');
    const signedAt = new Date();
    const finalInput: DossierInput = { ...input, signOff: { ...signOff, signedAt: signedAt.toISOString() } };
    const statement: SignedStatement = {
      issuer: 'Probity',
      caseId: version.caseId,
      caseReference: input.case.reference,
      version: version.version,
      snapshotHash: version.snapshotHash,
      reviewedPdfSha256: version.pdfSha256,
      signers: approvals.map((d) => ({
        name: d.reviewerName,
        role: d.reviewerRole,
        decision: d.decision,
        decidedAt: d.decidedAt.toISOString(),
      })),
      signedAt: signedAt.toISOString(),
    };
    const { pdf: rendered } = await this.renderer.render(finalInput, {
      version: version.version,
      status: 'signed',
      contentHash: version.snapshotHash,
      generatedAt: statement.signedAt,
    });
    // The seal comes last, over the final bytes: whatever the renderer embedded is covered by it.
    const { pdf, certificate } = await this.seal.seal(
      rendered,
      sealedApprovalsOf(
        {
          caseId: version.caseId,
          caseReference: input.case.reference,
          caseTitle: input.case.title,
          version: version.version,
          snapshotHash: version.snapshotHash,
          sealedBy: input.agency.name,
          signedAt: statement.signedAt,
        },
        approvals,
      ),
    );
    // The seal certificate takes the columns of the former Ed25519 key (its id and its PEM).
    const key = { keyId: certificateId(certificate), publicKeyPem: pemOfCertificate(certificate) };
    const signature = 'PAdES';
    await context.updateProgress(90);
    const pdfSha256 = sha256(pdf);
    const id = randomUUID();
    const stored = await this.unitOfWork.run(async () => {
      // Decisions take the same lock: none can slip in between this check and the insert, and once the
      // version is signed, DossierReviewService refuses new ones.
      const locked = await this.versions.lock(dossierId);
      if (locked?.supersededAt) return null;
      const now = await this.reviews.signOffFor(version);
      // The printed sign-off page must be the record as it stands: same approvals, same comments.
      const unchanged =
        now.approved &&
        now.approvals.length === approvals.length &&
        now.approvals.every((decision, index) => decision.id === approvals[index].id) &&
        now.signOff.comments.length === signOff.comments.length &&
        now.signOff.decisions.length === signOff.decisions.length;
      const alreadySigned = (await this.versions.signedOf(dossierId)) !== null;
      if (!unchanged && !alreadySigned) return null;
      await this.versions.insertSigned({
        id,
        dossierId,
        caseId: version.caseId,
        caseReference: input.case.reference,
        version: version.version,
        snapshotHash: version.snapshotHash,
        reviewedPdfSha256: version.pdfSha256 as string,
        snapshot: finalInput,
        statement,
        signature,
        keyId: key.keyId,
        publicKey: key.publicKeyPem,
        pdf,
        pdfSha256,
        signedAt,
      });
      await this.versions.markSigned(dossierId);
      if (!alreadySigned) {
        const { agencyId } = await this.cases.getCase(version.caseId);
        await this.audit.recordChange(
          { type: 'system', id: null, label: 'Dossier signing job' },
          {
            agencyId,
            action: 'dossier.signed',
            subject: { type: 'dossier', id: dossierId },
            before: { status: 'rendered', reviewedPdfSha256: version.pdfSha256 },
            after: { status: 'signed', pdfSha256, keyId: key.keyId, signers: statement.signers },
          },
        );
      }
      const signedNow = await this.versions.signedOf(dossierId);
      if (!signedNow) throw new Error(`signed dossier ${dossierId} missing right after it was stored`);
      return signedNow;
    });
    // A decision or comment came in while the PDF was being printed: sign the record as it stands now.
    if (!stored) return this.handle({ dossierId }, context);
    // Only the run that stored the signed dossier moves the case on; a concurrent run found it stored.
    if (stored.id === id) await this.source.markSignedOff(version.caseId);
    this.logger.log({ dossierId, pdfSha256: stored.pdfSha256 }, 'dossier signed');
    return { signed: true, pdfSha256: stored.pdfSha256 };
  }
}
