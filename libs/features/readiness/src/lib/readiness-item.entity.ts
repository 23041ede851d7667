import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { ProcurementCase } from '@probity/cases';

/** What the agency recorded for one item of a case's readiness checklist; untouched items have no row. */
@Entity('readiness_items')
@Check('readiness_items_status_check', `"status" IN ('not-started', 'in-progress', 'done', 'not-applicable')`)
export class ReadinessItemRecord {
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'readiness_items_pkey' })
  caseId: string;

  @PrimaryColumn({ name: 'item_key', type: 'varchar', length: 40, primaryKeyConstraintName: 'readiness_items_pkey' })
  itemKey: string;

  @ManyToOne('ProcurementCase')
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'readiness_items_case_id_fkey' })
  procurementCase?: Relation<ProcurementCase>;

  @Column({ type: 'varchar', length: 20 })
  status: string;

  /** Who is responsible for closing the item: a person or a unit, as the agency names them. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  owner: string | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'text' })
  evidence: string;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy: string;

  @Column({ name: 'updated_by_name', type: 'varchar', length: 300 })
  updatedByName: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
