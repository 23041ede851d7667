import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { ProcurementCase } from '@probity/cases';

/** The agency's own text under one Art. 27(1) heading of a case's FRIA; one row per written heading. */
@Entity('fria_headings')
@Check('fria_headings_key_check', `"heading_key" IN ('a', 'b', 'c', 'd', 'e', 'f')`)
export class FriaHeadingText {
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'fria_headings_pkey' })
  caseId: string;

  @PrimaryColumn({ name: 'heading_key', type: 'varchar', length: 1, primaryKeyConstraintName: 'fria_headings_pkey' })
  headingKey: string;

  // Declared so the schema the entities describe matches the migration's foreign key.
  @ManyToOne('ProcurementCase')
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fria_headings_case_id_fkey' })
  procurementCase?: Relation<ProcurementCase>;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'written_by', type: 'uuid' })
  writtenBy: string;

  /** The author's name as it was when they wrote, so the record reads the same later. */
  @Column({ name: 'written_by_name', type: 'varchar', length: 300 })
  writtenByName: string;

  @Column({ name: 'written_at', type: 'timestamptz' })
  writtenAt: Date;
}

/** One consultation of stakeholders for the FRIA: who, when, what was said and what the agency changed. */
@Entity('stakeholder_consultations')
export class StakeholderConsultation {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne('ProcurementCase')
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'stakeholder_consultations_case_id_fkey' })
  procurementCase?: Relation<ProcurementCase>;

  /** One of CONSULTED_GROUPS. */
  @Column({ name: 'consulted_group', type: 'varchar', length: 40 })
  consultedGroup: string;

  /** Who was consulted: an organisation, a body or a named person. */
  @Column({ type: 'varchar', length: 300 })
  stakeholder: string;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ type: 'text' })
  said: string;

  @Column({ type: 'text' })
  changed: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_by_name', type: 'varchar', length: 300 })
  recordedByName: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
