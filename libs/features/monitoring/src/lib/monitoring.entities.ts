import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation, Unique } from 'typeorm';
import type { ProcurementCase } from '@probity/cases';

/** One dated check of a case's post-award monitoring schedule, with its owner and reminder state. */
@Entity('monitoring_checks')
@Unique('monitoring_checks_case_key', ['caseId', 'checkKey'])
export class MonitoringCheck {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne('ProcurementCase')
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'monitoring_checks_case_id_fkey' })
  procurementCase?: Relation<ProcurementCase>;

  @Column({ name: 'check_key', type: 'varchar', length: 80 })
  checkKey: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 300 })
  basis: string;

  @Column({ type: 'text' })
  because: string;

  /** The staff member reminded when the check is due. */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ name: 'owner_name', type: 'varchar', length: 300 })
  ownerName: string;

  /** The officer who started monitoring: the monthly summary goes to them. */
  @Column({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  /** Set in the transaction that queues the owner's reminder: a check is reminded once. */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;
}

/** A monthly monitoring summary sent for a case: one row per case and month, so it goes out once. */
@Entity('monitoring_summaries')
export class MonitoringSummarySent {
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'monitoring_summaries_pkey' })
  caseId: string;

  /** YYYY-MM. */
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'monitoring_summaries_pkey' })
  month: string;

  @ManyToOne('ProcurementCase')
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'monitoring_summaries_case_id_fkey' })
  procurementCase?: Relation<ProcurementCase>;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}

export const MONITORING_ENTITIES = [MonitoringCheck, MonitoringSummarySent];
