import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { In, IsNull, Not } from 'typeorm';
import { DossierVersion } from './dossier-version.entity';
import { SignedDossier } from './review.entities';

/** What the render job stores once a version's review copy exists. */
export type RenderedCopy = Pick<DossierVersion, 'pdf' | 'pdfSha256' | 'printStatus'>;

/** The `dossier_versions` and `signed_dossiers` tables: a case's dossier versions and the one signed dossier. */
@Injectable()
export class DossierVersionRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get versions() {
    return this.unitOfWork.manager.getRepository(DossierVersion);
  }

  private get signedDossiers() {
    return this.unitOfWork.manager.getRepository(SignedDossier);
  }

  findById(dossierId: string): Promise<DossierVersion | null> {
    return this.versions.findOneBy({ id: dossierId });
  }

  findByPdfSha256(pdfSha256: string): Promise<DossierVersion | null> {
    return this.versions.findOneBy({ pdfSha256 });
  }

  findOfCaseWithHash(caseId: string, snapshotHash: string): Promise<DossierVersion | null> {
    return this.versions.findOneBy({ caseId, snapshotHash });
  }

  /** Newest number first. */
  listOfCase(caseId: string): Promise<DossierVersion[]> {
    return this.versions.find({ where: { caseId }, order: { version: 'DESC' } });
  }

  latestOfCase(caseId: string): Promise<DossierVersion | null> {
    return this.versions.findOne({ where: { caseId }, order: { version: 'DESC' } });
  }

  /** The version not superseded (the highest number if, briefly, more than one). */
  currentOfCase(caseId: string): Promise<DossierVersion | null> {
    return this.versions.findOne({ where: { caseId, supersededAt: IsNull() }, order: { version: 'DESC' } });
  }

  /** The current version locked until the open transaction ends: reviewers, decisions and signing take this lock. */
  lockCurrentOfCase(caseId: string): Promise<DossierVersion | null> {
    return this.unitOfWork.transaction
      .getRepository(DossierVersion)
      .findOne({ where: { caseId, supersededAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  /** The version locked until the open transaction ends. */
  lock(dossierId: string): Promise<DossierVersion | null> {
    return this.unitOfWork.transaction
      .getRepository(DossierVersion)
      .findOne({ where: { id: dossierId }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * One writer per case until the open transaction ends: concurrent requests must not both claim the next
   * number. Signing holds its version's row lock until the signed dossier is committed, so waiting for every
   * version row here means a version being signed is never superseded (and no new version follows a signature).
   */
  async lockCaseForNewVersion(caseId: string): Promise<void> {
    const manager = this.unitOfWork.transaction;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`dossier:${caseId}`]);
    await manager.query(`SELECT id FROM dossier_versions WHERE case_id = $1 FOR UPDATE`, [caseId]);
  }

  /** Rendered current versions of these cases, oldest rendering first. */
  currentRenderedOfCases(caseIds: string[]): Promise<DossierVersion[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    return this.versions.find({
      where: { caseId: In(caseIds), supersededAt: IsNull(), status: 'rendered' },
      order: { renderedAt: 'ASC' },
    });
  }

  async insert(version: Partial<DossierVersion>): Promise<DossierVersion> {
    return this.versions.save(this.versions.create(version));
  }

  /** Supersedes the case's current versions that show other content than `snapshotHash`. */
  async supersedeOthers(caseId: string, snapshotHash: string, at: Date): Promise<void> {
    await this.versions.update(
      { caseId, supersededAt: IsNull(), snapshotHash: Not(snapshotHash) },
      { supersededAt: at },
    );
  }

  async reinstate(dossierId: string): Promise<DossierVersion> {
    await this.versions.update({ id: dossierId }, { supersededAt: null });
    return this.versions.findOneByOrFail({ id: dossierId });
  }

  /** Progress of a render still running; a finished render's 100 % never goes back. */
  async setRenderProgress(dossierId: string, percent: number): Promise<void> {
    await this.versions.update({ id: dossierId, pdfSha256: IsNull() }, { renderProgress: percent });
  }

  async storeRenderedCopy(dossierId: string, copy: RenderedCopy, renderedAt: Date): Promise<DossierVersion> {
    await this.versions.update({ id: dossierId }, { ...copy, status: 'rendered', renderProgress: 100, renderedAt });
    return this.versions.findOneByOrFail({ id: dossierId });
  }

  async markSigned(dossierId: string): Promise<void> {
    await this.versions.update({ id: dossierId }, { status: 'signed' });
  }

  /** The review copy of a version (the bytes every other read leaves out), or null while it is being rendered. */
  async pdfOf(dossierId: string): Promise<Buffer | null> {
    const found = await this.versions
      .createQueryBuilder('d')
      .addSelect('d.pdf')
      .where('d.id = :id', { id: dossierId })
      .getOne();
    return found?.pdf ?? null;
  }

  isCaseSigned(caseId: string): Promise<boolean> {
    return this.signedDossiers.existsBy({ caseId });
  }

  signedOf(dossierId: string): Promise<SignedDossier | null> {
    return this.signedDossiers.findOneBy({ dossierId });
  }

  signedByPdfSha256(pdfSha256: string): Promise<SignedDossier | null> {
    return this.signedDossiers.findOneBy({ pdfSha256 });
  }

  /** A signed dossier of this case reference signed with this key, to check a statement found in other bytes. */
  signedWithKey(keyId: string, caseReference: string): Promise<SignedDossier | null> {
    return this.signedDossiers.findOne({ where: { keyId, caseReference } });
  }

  async signedPdfOf(dossierId: string): Promise<Buffer | null> {
    const found = await this.signedDossiers
      .createQueryBuilder('s')
      .addSelect('s.pdf')
      .where('s.dossier_id = :id', { id: dossierId })
      .getOne();
    return found?.pdf ?? null;
  }

  /** Stores the signed dossier once: a second insert for the same version is ignored (the table refuses updates). */
  async insertSigned(signed: Omit<SignedDossier, 'dossier'>): Promise<void> {
    await this.unitOfWork.manager.createQueryBuilder().insert().into(SignedDossier).values(signed).orIgnore().execute();
  }

  /** Public keys that have signed dossiers. */
  async signingKeys(): Promise<Array<{ keyId: string; publicKeyPem: string }>> {
    const rows: Array<{ key_id: string; public_key: string }> = await this.unitOfWork.manager.query(
      `SELECT DISTINCT key_id, public_key FROM signed_dossiers WHERE signature <> 'PAdES' ORDER BY key_id`,
    );
    return rows.map((row) => ({ keyId: row.key_id, publicKeyPem: row.public_key }));
  }
}
