import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { ProcurementCase, ProviderResponse } from '@probity/cases';
import { EvidenceConfirmation } from './evidence-confirmation.entity';

@Entity('conflict_declarations')
@Unique('conflict_declarations_once', ['caseId', 'evaluatorId'])
export class ConflictDeclaration {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId: string;

  @Column({ name: 'has_conflict', type: 'boolean' })
  hasConflict: boolean;

  @Column({ type: 'text' })
  statement: string;

  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' })
  declaredAt: Date;
}

@Entity('panel_scores')
@Check('panel_scores_score_check', '"score" BETWEEN 0 AND 4')
@Unique('panel_scores_one_per_evaluator', ['responseId', 'questionName', 'evaluatorId'])
export class PanelScoreEntry {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'response_id', type: 'uuid' })
  responseId: string;

  @Column({ name: 'question_name', type: 'varchar', length: 200 })
  questionName: string;

  @Column({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId: string;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'text' })
  justification: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('panel_submissions')
@Unique('panel_submissions_once', ['responseId', 'evaluatorId'])
export class PanelSubmission {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'response_id', type: 'uuid' })
  responseId: string;

  @Column({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
}

@Entity('moderated_scores')
@Check('moderated_scores_consensus_score_check', '"consensus_score" BETWEEN 0 AND 4')
@Unique('moderated_scores_once', ['responseId', 'questionName'])
export class ModeratedScore {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'response_id', type: 'uuid' })
  responseId: string;

  @Column({ name: 'question_name', type: 'varchar', length: 200 })
  questionName: string;

  @Column({ name: 'consensus_score', type: 'smallint' })
  consensusScore: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'moderated_by', type: 'uuid' })
  moderatedBy: string;

  @CreateDateColumn({ name: 'moderated_at', type: 'timestamptz' })
  moderatedAt: Date;
}

/** One scoring of one response revision; never updated, a re-score adds a row. */
@Entity('response_scores')
@Unique('response_scores_once', ['responseId', 'responseRevision', 'scoringVersion', 'inputHash'])
@Index('response_scores_by_case', ['caseId'])
export class ResponseScore {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'response_id', type: 'uuid' })
  responseId: string;

  @Column({ name: 'response_revision', type: 'integer' })
  responseRevision: number;

  @Column({ name: 'scoring_version', type: 'varchar', length: 40 })
  scoringVersion: string;

  /** Hash of everything the score depends on (answers, frozen questionnaire, weights, panel scores). */
  @Column({ name: 'input_hash', type: 'varchar', length: 64 })
  inputHash: string;

  @Column({ type: 'double precision', nullable: true })
  overall: number | null;

  @Column({ type: 'jsonb' })
  sheet: object;

  @Column({ type: 'jsonb' })
  findings: object;

  @CreateDateColumn({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}

@Entity('case_comparisons')
@Unique('case_comparisons_once', ['caseId', 'inputHash'])
export class CaseComparison {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'input_hash', type: 'varchar', length: 64 })
  inputHash: string;

  @Column({ type: 'jsonb' })
  comparison: object;

  @CreateDateColumn({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}

const money = {
  to: (value: number) => value,
  from: (value: string) => Number(value),
};

/**
 * A provider's price offer, recorded by the officer when the price envelopes are opened. Quality
 * evaluators never see it: the price criterion is scored apart from the quality criteria.
 */
@Entity('provider_prices')
@Check('provider_prices_amount', '"amount" > 0')
@Index('provider_prices_by_case', ['caseId'])
export class ProviderPrice {
  @PrimaryColumn({ name: 'response_id', type: 'uuid' })
  responseId: string;

  @ManyToOne(() => ProviderResponse)
  @JoinColumn({ name: 'response_id', foreignKeyConstraintName: 'provider_prices_response_id_fkey' })
  response?: ProviderResponse;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => ProcurementCase)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'provider_prices_case_id_fkey' })
  procurementCase?: ProcurementCase;

  /** In the case's currency. */
  @Column({ type: 'numeric', precision: 16, scale: 2, transformer: money })
  amount: number;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

export const EVALUATION_ENTITIES = [
  EvidenceConfirmation,
  ConflictDeclaration,
  PanelScoreEntry,
  PanelSubmission,
  ModeratedScore,
  ResponseScore,
  CaseComparison,
  ProviderPrice,
];
