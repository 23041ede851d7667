import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { ProcurementCase } from '@probity/cases';

/** pending → rendered → signed; an unsigned version is superseded when the data it shows changes. */
export type DossierVersionStatus = 'pending' | 'rendered' | 'signed';

/** One dossier version: the exact input it came from, and the review copy PDF with its hash. */
@Entity('dossier_versions')
@Check('dossier_versions_render_progress_check', `"render_progress" BETWEEN 0 AND 100`)
@Unique('dossier_versions_snapshot', ['caseId', 'snapshotHash'])
@Unique('dossier_versions_number', ['caseId', 'version'])
export class DossierVersion {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => ProcurementCase)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'dossier_versions_case_id_fkey' })
  procurementCase?: ProcurementCase;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 20 })
  status: DossierVersionStatus;

  /** The DossierInput rendered, without sign-off records. */
  @Column({ type: 'jsonb' })
  snapshot: object;

  /** dossierContentHash of the snapshot. */
  @Column({ name: 'snapshot_hash', type: 'varchar', length: 64 })
  snapshotHash: string;

  @Column({ type: 'bytea', nullable: true, select: false })
  pdf: Buffer | null;

  @Column({ name: 'pdf_sha256', type: 'varchar', length: 64, nullable: true })
  pdfSha256: string | null;

  /** The status printed on the review copy: draft, or under review once reviewers are assigned. */
  @Column({ name: 'print_status', type: 'varchar', length: 20, nullable: true })
  printStatus: string | null;

  @Column({ name: 'render_progress', type: 'smallint', default: 0 })
  renderProgress: number;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ name: 'rendered_at', type: 'timestamptz', nullable: true })
  renderedAt: Date | null;

  /** Set when a newer version replaced this one; its decisions no longer count. */
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;
}
