import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { ProcurementCase } from '@probity/cases';

export type DossierStatus = 'pending' | 'rendered';

/** One rendered dossier: the exact snapshot it came from, and the PDF with its hash. */
@Entity('dossier_versions')
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
  status: DossierStatus;

  @Column({ type: 'jsonb' })
  snapshot: object;

  @Column({ name: 'snapshot_hash', type: 'varchar', length: 64 })
  snapshotHash: string;

  @Column({ type: 'bytea', nullable: true, select: false })
  pdf: Buffer | null;

  @Column({ name: 'pdf_sha256', type: 'varchar', length: 64, nullable: true })
  pdfSha256: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ name: 'rendered_at', type: 'timestamptz', nullable: true })
  renderedAt: Date | null;
}
