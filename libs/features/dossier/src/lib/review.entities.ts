import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { DossierVersion } from './dossier-version.entity';
import type { ReviewDecisionKind } from '../model/dossier-input';

/** A legal reviewer whose approval a case's dossier needs before it is signed. */
@Entity('dossier_reviewers')
export class DossierReviewer {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @PrimaryColumn({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  role: string;

  @Column({ name: 'assigned_at', type: 'timestamptz', default: () => 'now()' })
  assignedAt: Date;
}

/** A reviewer's comment on one section of one review copy. Append-only. */
@Entity('dossier_review_comments')
@Index('dossier_review_comments_by_dossier', ['dossierId'])
export class DossierReviewComment {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierVersion)
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'dossier_review_comments_dossier_id_fkey' })
  dossier?: DossierVersion;

  @Column({ name: 'pdf_sha256', type: 'varchar', length: 64 })
  pdfSha256: string;

  @Column({ type: 'varchar', length: 200 })
  section: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ name: 'author_name', type: 'varchar', length: 200 })
  authorName: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/**
 * A reviewer's decision on the exact review copy with this hash. Append-only: a reviewer who changes
 * their mind adds a newer decision; the latest one per reviewer counts.
 */
@Entity('dossier_review_decisions')
@Index('dossier_review_decisions_by_dossier', ['dossierId', 'reviewerId', 'decidedAt'])
@Check('dossier_review_decisions_kind', `"decision" IN ('approve', 'approve-with-conditions', 'request-changes')`)
@Check('dossier_review_decisions_conditions', `("decision" = 'approve-with-conditions') = ("conditions" IS NOT NULL)`)
@Check('dossier_review_decisions_reason', `("decision" = 'request-changes') = ("reason" IS NOT NULL)`)
export class DossierReviewDecision {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierVersion)
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'dossier_review_decisions_dossier_id_fkey' })
  dossier?: DossierVersion;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'pdf_sha256', type: 'varchar', length: 64 })
  pdfSha256: string;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  @Column({ name: 'reviewer_name', type: 'varchar', length: 200 })
  reviewerName: string;

  @Column({ name: 'reviewer_role', type: 'varchar', length: 200 })
  reviewerRole: string;

  @Column({ type: 'varchar', length: 30 })
  decision: ReviewDecisionKind;

  @Column({ type: 'text', nullable: true })
  conditions: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', default: () => 'now()' })
  decidedAt: Date;
}

/** The signed, final dossier: stored once, never updated or deleted (a database trigger refuses both). */
@Entity('signed_dossiers')
@Unique('signed_dossiers_once', ['dossierId'])
@Unique('signed_dossiers_pdf', ['pdfSha256'])
export class SignedDossier {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId: string;

  @ManyToOne(() => DossierVersion)
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'signed_dossiers_dossier_id_fkey' })
  dossier?: DossierVersion;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'case_reference', type: 'varchar', length: 100 })
  caseReference: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'snapshot_hash', type: 'varchar', length: 64 })
  snapshotHash: string;

  @Column({ name: 'reviewed_pdf_sha256', type: 'varchar', length: 64 })
  reviewedPdfSha256: string;

  /** The DossierInput of the final render, sign-off records included. */
  @Column({ type: 'jsonb' })
  snapshot: object;

  @Column({ type: 'jsonb' })
  statement: object;

  @Column({ type: 'text' })
  signature: string;

  @Column({ name: 'key_id', type: 'varchar', length: 16 })
  keyId: string;

  /** SPKI PEM of the key that signed, so verification never needs the private key. */
  @Column({ name: 'public_key', type: 'text' })
  publicKey: string;

  @Column({ type: 'bytea', select: false })
  pdf: Buffer;

  @Column({ name: 'pdf_sha256', type: 'varchar', length: 64 })
  pdfSha256: string;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt: Date;
}

export const DOSSIER_ENTITIES = [DossierReviewer, DossierReviewComment, DossierReviewDecision, SignedDossier];
