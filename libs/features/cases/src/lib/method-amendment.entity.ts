import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation, Unique } from 'typeorm';
import type { ProcurementCase } from './case.entities';

import type { WeightsChangeRecord } from './method-freeze';

/** One change of the award criteria or weights, as before → after. */
export type MethodAmendmentChange = WeightsChangeRecord;

/**
 * A change of the published evaluation method before the response deadline, as published to every
 * invited provider. Numbered per case from 1; never edited or deleted.
 */
@Entity('method_amendments')
@Unique('method_amendments_case_number', ['caseId', 'number'])
@Check('method_amendments_number_check', '"number" >= 1')
export class MethodAmendment {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  // Declared so the schema the entities describe matches the migration's foreign key.
  // By name: case.entities.ts imports this file, so a class reference would be read before it exists.
  @ManyToOne('ProcurementCase')
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'method_amendments_case_id_fkey' })
  procurementCase?: Relation<ProcurementCase>;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'jsonb' })
  changes: MethodAmendmentChange;

  @Column({ type: 'text' })
  reason: string;

  /** The method hash published with this amendment (the tender's method from now on). */
  @Column({ name: 'method_hash', type: 'varchar', length: 64 })
  methodHash: string;

  /** The deadline in force before the amendment. */
  @Column({ name: 'previous_responses_due', type: 'timestamptz' })
  previousResponsesDue: Date;

  /** The extended deadline, when the amendment extended it. */
  @Column({ name: 'new_responses_due', type: 'timestamptz', nullable: true })
  newResponsesDue: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  @Column({ name: 'published_by', type: 'uuid' })
  publishedBy: string;

  /** The officer's name as it was when they published, so the record reads the same later. */
  @Column({ name: 'published_by_name', type: 'varchar', length: 300 })
  publishedByName: string;
}
