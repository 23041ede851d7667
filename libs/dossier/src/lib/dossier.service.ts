import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPublicKey, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { JobOutbox } from '@probity/queue';
import { dossierContentHash } from '../model/content-hash';
import type { DossierInput } from '../model/dossier-input';
import { isSignedStatement, verifyStatement } from '../model/signature';
import { PdfProofReader } from '../render/pdf-proof-reader';
import { DossierSeal } from '../signing/dossier-seal';
import { padesVerification, PadesVerification } from '../signing/pades-verification';
import { DossierInputSource } from './case-dossier-source';
import { DossierVersion } from './dossier-version.entity';
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
  | {
      valid: true;
      caseReference: string;
      caseTitle: string;
      version: number;
      status: 'signed';
      pdfSha256: string;
      signed: true;
      signedAt: string;
      signers: Array<{ name: string; role: string; decision: string; decidedAt: string }>;
      keyId: string;
    };

/** Dossier versions: one per distinct input, rendered once, never replaced. */
@Injectable()
export class DossierService {
  private readonly pdfProofs = new PdfProofReader();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    return this.dataSource.transaction((manager) => this.versionFor(manager, caseId, input));
  }

  /** Same as requestRender, with an input the caller already built (in the caller's transaction). */
  async versionFor(manager: EntityManager, caseId: string, input: DossierInput): Promise<DossierVersion> {
    const snapshotHash = dossierContentHash(input);
    const repository = manager.getRepository(DossierVersion);
    // One writer per case at a time: concurrent requests must not both claim the next number.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`dossier:${caseId}`]);
    // Signing holds its version's row lock until the signed dossier is committed: waiting for it here
    // means a version being signed is never superseded (and no new version follows a signature).
    await manager.query(`SELECT id FROM dossier_versions WHERE case_id = $1 FOR UPDATE`, [caseId]);
    if (await manager.getRepository(SignedDossier).existsBy({ caseId }))
      throw new ConflictException('The dossier of this case is signed: it can no longer change.');
    const existing = await repository.findOneBy({ caseId, snapshotHash });
    if (existing && !existing.supersededAt) return existing;
    await repository.update(
      { caseId, supersededAt: IsNull(), snapshotHash: Not(snapshotHash) },
      { supersededAt: new Date() },
    );
    if (existing) {
      // The data went back to what an earlier version shows: that version (same bytes) is current again.
      await repository.update({ id: existing.id }, { supersededAt: null });
      return repository.findOneByOrFail({ id: existing.id });
    }
    const latest = await repository.findOne({ where: { caseId }, order: { version: 'DESC' } });
    const created = repository.create({
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
    await repository.save(created);
    await this.outbox.add(
      manager,
      'dossier.render',
      { dossierId: created.id },
      { jobId: DossierService.renderJobId(caseId, snapshotHash) },
    );
    return created;
  }

  async get(dossierId: string): Promise<DossierVersion> {
    const found = await this.dataSource.getRepository(DossierVersion).findOneBy({ id: dossierId });
    if (!found) throw new NotFoundException('No such dossier.');
    return found;
  }

  async versionsOf(caseId: string): Promise<DossierVersion[]> {
    return this.dataSource.getRepository(DossierVersion).find({ where: { caseId }, order: { version: 'DESC' } });
  }

  /** The review copy of a version, or null while it is being rendered. */
  async pdf(dossierId: string): Promise<Buffer | null> {
    const found = await this.dataSource
      .getRepository(DossierVersion)
      .createQueryBuilder('d')
      .addSelect('d.pdf')
      .where('d.id = :id', { id: dossierId })
      .getOne();
    return found?.pdf ?? null;
  }

  async signed(dossierId: string): Promise<SignedDossier | null> {
    return this.dataSource.getRepository(SignedDossier).findOneBy({ dossierId });
  }

  async signedPdf(dossierId: string): Promise<Buffer | null> {
    const found = await this.dataSource
      .getRepository(SignedDossier)
      .createQueryBuilder('s')
      .addSelect('s.pdf')
      .where('s.dossier_id = :id', { id: dossierId })
      .getOne();
    return found?.pdf ?? null;
  }

  /**
   * Ed25519 public keys that signed dossiers before PAdES, for verifying their statements outside
   * Probity. Sealed dossiers carry their certificate chain; the CA is at /verify/ca.pem.
   */
  async signingKeys(): Promise<Array<{ keyId: string; publicKeyPem: string }>> {
    const rows: Array<{ key_id: string; public_key: string }> = await this.dataSource.query(
      `SELECT DISTINCT key_id, public_key FROM signed_dossiers WHERE signature <> 'PAdES' ORDER BY key_id`,
    );
    return rows.map((row) => ({ keyId: row.key_id, publicKeyPem: row.public_key }));
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
      return padesVerification(
        pdfSha256,
        pades,
        await this.dataSource.getRepository(SignedDossier).existsBy({ pdfSha256 }),
      );
    const signed = await this.dataSource.getRepository(SignedDossier).findOneBy({ pdfSha256 });
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
    const review = await this.dataSource.getRepository(DossierVersion).findOneBy({ pdfSha256 });
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
      const keys = await this.dataSource
        .getRepository(SignedDossier)
        .find({ where: { keyId: embedded.keyId, caseReference: In([claimed.caseReference]) }, take: 1 });
      const genuine =
        keys.length > 0 && verifyStatement(claimed, embedded.signature, createPublicKey(keys[0].publicKey));
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
