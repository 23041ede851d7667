import { Column, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';

/**
 * One panel member's verdict on one evidence claim of a response: does the attached evidence
 * support the answer? Blind like panel scores (each member sees only their own), changeable while
 * the panel scores; every change re-scores the response.
 */
@Entity('evidence_confirmations')
@Unique('evidence_confirmations_one_per_evaluator', ['responseId', 'questionName', 'evaluatorId'])
@Index('evidence_confirmations_by_case', ['caseId'])
export class EvidenceConfirmation {
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

  /** True: the evidence supports the claim; false: it does not. */
  @Column({ type: 'boolean' })
  supports: boolean;

  /** The panel member's short reason, kept in the dossier's audit trail. */
  @Column({ type: 'text' })
  note: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
