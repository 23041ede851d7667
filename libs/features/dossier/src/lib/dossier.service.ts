import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { createPublicKey, randomUUID } from 'node:crypto';
import { UnitOfWork } from '@probity/database';
import { JobOutbox } from '@probity/queue';
import { dossierContentHash } from '../model/content-hash';
import type { DossierInput } from '../model/dossier-input';
import { isSignedStatement, verifyStatement } from '../model/signature';
import { PdfProofReader } from '../render/pdf-proof-reader';
import { DossierSeal } from '../signing/dossier-seal';
import { padesVerification, PadesVerification, SignedDossierFacts } from '../signing/pades-verification';
import { DossierInputSource } from './case-dossier-source';
import { DossierVersion } from './dossier-version.entity';
import { DossierVersionRepository } from './dossier-version.repository';
import { SignedDossier } from './review.entities';

export type DossierVerification =
  | PadesVerification
  | {
      valid: true;
      caseReference: string;
      caseTitle: string;
      version: number;
      /** rendered, superseded (a newer version replaced it) or "review copy of a signed dossier". */
      status: string;
      renderedAt: string | null;
      pdfSha256: string;
      /** False for a review copy: genuine bytes, but not the signed dossier. */
      signed: false;
    }
  /** A dossier signed before PAdES, by its Ed25519 statement. */
  | SignedDossierFacts;

/** Dossier versions: one per distinct input, rendered once, never replaced. */
@Injectable()
export class DossierService {
  private readonly pdfProofs = new PdfProofReader();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: DossierVersionRepository,
    private readonly source: DossierInputSource,
    private readonly outbox: JobOutbox,
    private readonly seal: DossierSeal,
  ) {}

  /** The render job's id: the same case and content always give the same job. */
  static renderJobId(caseId: string, snapshotHash: string): string {
    return `dossier-render-${caseId}-${snapshotHash}`;
  }

  /**
   * A dossier version per distinct input: asking again with nothing changed returns the same version;
   * any change makes the next version and supersedes the earlier unsigned ones, whose decisions then
   * stop counting. A case whose dossier is signed gets no new version.
   */
  async requestRender(caseId: string): Promise<DossierVersion> {
    const input = await this.source.inputFor(caseId);
    return this.versionFor(caseId, input);
  }

  /** Same as requestRender, with an input the caller already built (joins the caller's UnitOfWork). */
  async versionFor(caseId: string, input: DossierInput): Promise<DossierVersion> {
    return this.unitOfWork.run(async () => {
      const snapshotHash = dossierContentHash(input);
      await this.repository.lockCaseForNewVersion(caseId);
      if (await this.repository.isCaseSigned(caseId))
        throw new ConflictException('The dossier of this case is signed: it can no longer change.');
      const existing = await this.repository.findOfCaseWithHash(caseId, snapshotHash);
      if (existing && !existing.supersededAt) return existing;
      await this.repository.supersedeOthers(caseId, snapshotHash, new Date());
      // The data went back to what an earlier version shows: that version (same bytes) is current again.
      if (existing) return this.repository.reinstate(existing.id);
      return this.createVersion(caseId, input, snapshotHash);
    });
  }

  private async createVersion(caseId: string, input: DossierInput, snapshotHash: string): Promise<DossierVersion> {
    const latest = await this.repository.latestOfCase(caseId);
    const created = await this.repository.insert({
      id: randomUUID(),
      caseId,
      version: (latest?.version ?? 0) + 1,
      status: 'pending',
      snapshot: input,
      snapshotHash,
      pdf: null,
      pdfSha256: null,
      printStatus: null,
      renderProgress: 0,
      renderedAt: null,
      supersededAt: null,
    });
    await this.outbox.add(
      this.unitOfWork.transaction,
      'dossier.render',
      { dossierId: created.id },
      { jobId: DossierService.renderJobId(caseId, snapshotHash) },
    );
    return created;
  }

  async get(dossierId: string): Promise<DossierVersion> {
    const found = await this.repository.findById(dossierId);
    if (!found) throw new NotFoundException('No such dossier.');
    return found;
  }

  async versionsOf(caseId: string): Promise<DossierVersion[]> {
    return this.repository.listOfCase(caseId);
  }

  /** The review copy of a version, or null while it is being rendered. */
  async pdf(dossierId: string): Promise<Buffer | null> {
    return this.repository.pdfOf(dossierId);
  }

  async signed(dossierId: string): Promise<SignedDossier | null> {
    return this.repository.signedOf(dossierId);
  }

  async signedPdf(dossierId: string): Promise<Buffer | null> {
    return this.repository.signedPdfOf(dossierId);
  }

  /**
   * Ed25519 public keys that signed dossiers before PAdES, for verifying their statements outside
   * Probity. Sealed dossiers carry their certificate chain; the CA is at /verify/ca.pem.
   */
  async signingKeys(): Promise<Array<{ keyId: string; publicKeyPem: string }>> {
    return this.repository.signingKeys();
  }

  /**
   * Whether these exact bytes are a dossier Probity produced. A sealed dossier is checked by its
   * PAdES signature alone (so a copy never stored here verifies too); a dossier signed before PAdES
   * by its recorded SHA-256 and embedded Ed25519 statement; a review copy by its recorded SHA-256.
   * Any other bytes are not, and when they carry a genuine Probity statement the answer says so.
   */
  async verify(pdf: Buffer): Promise<DossierVerification> {
    // Anyone may upload a file here: hashing and parsing it happen off the event loop, within limits.
    const { pdfSha256, pades, embedded } = await this.pdfProofs.read(pdf, this.seal.trustAnchors());
    if (pades)
      return padesVerification(pdfSha256, pades, (await this.repository.signedByPdfSha256(pdfSha256)) !== null);
    const signed = await this.repository.signedByPdfSha256(pdfSha256);
    if (signed) {
      const statement = embedded?.statement;
      const genuine =
        embedded !== null &&
        isSignedStatement(statement) &&
        verifyStatement(statement, embedded.signature, createPublicKey(signed.publicKey));
      if (!genuine || !isSignedStatement(statement))
        return {
          valid: false,
          pdfSha256,
          reason: 'The file matches a signed dossier but its signature does not verify.',
        };
      const snapshot = signed.snapshot as DossierInput;
      return {
        valid: true,
        caseReference: statement.caseReference,
        caseTitle: snapshot.case.title,
        version: statement.version,
        status: 'signed',
        pdfSha256,
        signed: true,
        signedAt: statement.signedAt,
        signers: statement.signers,
        keyId: signed.keyId,
      };
    }
    const review = await this.repository.findByPdfSha256(pdfSha256);
    if (review) {
      return {
        valid: true,
        caseReference: (review.snapshot as DossierInput).case.reference,
        caseTitle: (review.snapshot as DossierInput).case.title,
        version: review.version,
        // A superseded copy is genuine, but whoever holds it must learn that it is no longer the dossier.
        status:
          review.status === 'signed'
            ? 'review copy of a signed dossier'
            : review.supersededAt
              ? 'superseded'
              : review.status,
        renderedAt: review.renderedAt?.toISOString() ?? null,
        pdfSha256,
        signed: false,
      };
    }
    if (embedded && isSignedStatement(embedded.statement)) {
      const claimed = embedded.statement;
      const key = await this.repository.signedWithKey(embedded.keyId, claimed.caseReference);
      const genuine = key !== null && verifyStatement(claimed, embedded.signature, createPublicKey(key.publicKey));
      return {
        valid: false,
        pdfSha256,
        reason: genuine
          ? `The file carries Probity's signature for case ${claimed.caseReference} version ${claimed.version}, but its bytes differ from the signed PDF: it was altered after signing.`
          : 'The file claims a Probity signature that does not verify: it was altered or forged.',
      };
    }
    return {
      valid: false,
      pdfSha256,
      reason: 'These bytes match no dossier Probity rendered: the file was altered or does not come from Probity.',
    };
  }
}
