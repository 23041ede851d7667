import { Check, Column, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn, CreateDateColumn } from 'typeorm';
import type { RiskRow } from '../../model/risk-register';

/**
 * A row of a provider's risk register as the officer keeps it. Proposed rows are stored when the
 * officer opens the register; an unedited proposed row follows the evaluation, an edited one is the
 * officer's (with the reason of the last change), a removed one stays removed.
 */
@Entity('risk_register_rows')
@Check('risk_register_rows_origin_check', `"origin" IN ('proposed', 'added')`)
@Unique('risk_register_rows_one_per_key', ['caseId', 'providerId', 'rowKey'])
export class RiskRegisterRowEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** The provider's response id. */
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ name: 'row_key', type: 'varchar', length: 240 })
  rowKey: string;

  @Column({ type: 'varchar', length: 20 })
  origin: 'proposed' | 'added';

  @Column({ type: 'jsonb' })
  content: RiskRow;

  @Column({ type: 'boolean', default: false })
  edited: boolean;

  @Column({ name: 'last_reason', type: 'text', nullable: true })
  lastReason: string | null;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A legal reviewer's explicit acceptance of one residual risk above the agency's appetite (append-only). */
@Entity('risk_acceptances')
@Index('risk_acceptances_by_case', ['caseId'])
export class RiskAcceptanceEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ name: 'row_key', type: 'varchar', length: 240 })
  rowKey: string;

  /** The residual score accepted: a row whose residual changes later needs a new acceptance. */
  @Column({ type: 'integer' })
  residual: number;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  @Column({ name: 'reviewer_name', type: 'varchar', length: 200 })
  reviewerName: string;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'accepted_at', type: 'timestamptz' })
  acceptedAt: Date;
}

/** Each agency's risk appetite: the highest residual score (1–25) it carries without an explicit acceptance. */
@Entity('agency_risk_appetites')
@Check('agency_risk_appetites_threshold_check', `"residual_threshold" BETWEEN 1 AND 25`)
export class AgencyRiskAppetiteEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ name: 'residual_threshold', type: 'integer' })
  residualThreshold: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const RISK_ENTITIES = [RiskRegisterRowEntity, RiskAcceptanceEntity, AgencyRiskAppetiteEntity];
