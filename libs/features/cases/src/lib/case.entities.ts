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
  VersionColumn,
} from 'typeorm';
import { Agency } from '@probity/identity';
import type { CaseStatus } from './case-lifecycle';
import { MethodAmendment } from './method-amendment.entity';
import { QuestionnaireTemplate } from './questionnaire-template.entity';

const numeric = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity('procurement_cases')
@Unique('procurement_cases_reference', ['agencyId', 'reference'])
export class ProcurementCase {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'procurement_cases_agency_id_fkey' })
  agency?: Agency;

  @Column({ type: 'varchar', length: 100 })
  reference: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'intended_use', type: 'text' })
  intendedUse: string;

  /**
   * The case scope the officer set (a `CaseScope`: Annex III points, remote biometric identification,
   * personal data). It is also fixed in the questionnaire copy, where it decides which questions apply.
   */
  @Column({ name: 'ai_act_classification', type: 'jsonb' })
  aiActClassification: Record<string, unknown>;

  @Column({ name: 'estimated_value', type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numeric })
  estimatedValue: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ name: 'questions_due', type: 'timestamptz', nullable: true })
  questionsDue: Date | null;

  @Column({ name: 'responses_due', type: 'timestamptz' })
  responsesDue: Date;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: CaseStatus;

  @Column({ name: 'criteria_weights', type: 'jsonb' })
  criteriaWeights: Record<string, number>;

  /** The evaluators and legal reviewers on this case: staff of the same agency. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  panel: PanelMember[];

  @Column({ name: 'questionnaire_key', type: 'varchar', length: 100 })
  questionnaireKey: string;

  @Column({ name: 'questionnaire_version', type: 'integer' })
  questionnaireVersion: number;

  /** A copy frozen at publication: later template edits never change what providers answer. */
  @Column({ name: 'questionnaire_definition', type: 'jsonb' })
  questionnaireDefinition: object;

  @Column({ name: 'questionnaire_hash', type: 'varchar', length: 64 })
  questionnaireHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** When the case left "open" (closed early or cancelled); null while open. See responsesClosedAt(). */
  @Column({ name: 'responses_closed_at', type: 'timestamptz', nullable: true })
  responsesClosedAt: Date | null;

  @VersionColumn()
  version: number;

  /** Set once the award criteria weights are final: by hand, or when the dossier goes to review. */
  @Column({ name: 'weights_locked_at', type: 'timestamptz', nullable: true })
  weightsLockedAt: Date | null;

  /** The staff member who locked the weights; null when the move to dossier review locked them. */
  @Column({ name: 'weights_locked_by', type: 'uuid', nullable: true })
  weightsLockedBy: string | null;

  /** Share of the price in the final ranking (0–100); null when the case has no price criterion. */
  @Column({ name: 'price_weight', type: 'smallint', nullable: true })
  @Check('procurement_cases_price_weight', '"price_weight" BETWEEN 0 AND 100')
  priceWeight: number | null;
}

export interface PanelMember {
  userId: string;
  role: 'evaluator' | 'legal_reviewer';
}

export type ResponseStatus = 'invited' | 'in_progress' | 'submitted';

@Entity('provider_responses')
@Index('provider_responses_by_case', ['caseId'])
export class ProviderResponse {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => ProcurementCase)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'provider_responses_case_id_fkey' })
  procurementCase?: ProcurementCase;

  @Column({ name: 'organisation_name', type: 'varchar', length: 300 })
  organisationName: string;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ name: 'legal_identifiers', type: 'jsonb' })
  legalIdentifiers: Record<string, string>;

  @Column({ name: 'contact_emails', type: 'jsonb' })
  contactEmails: string[];

  /** When a provider first opened their invite link: the "opened" column of the progress table. */
  @Column({ name: 'first_opened_at', type: 'timestamptz', nullable: true })
  firstOpenedAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, unknown>;

  /** Bumped on every accepted save; a save that names an older revision is refused (409). */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  @Column({ type: 'varchar', length: 20, default: 'invited' })
  status: ResponseStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submission_hash', type: 'varchar', length: 64, nullable: true })
  submissionHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('evidence_files')
@Index('evidence_files_by_response', ['responseId'])
export class EvidenceFile {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'response_id', type: 'uuid' })
  responseId: string;

  @ManyToOne(() => ProviderResponse)
  @JoinColumn({ name: 'response_id', foreignKeyConstraintName: 'evidence_files_response_id_fkey' })
  response?: ProviderResponse;

  @Column({ name: 'question_name', type: 'varchar', length: 200 })
  questionName: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** The file itself; null only for files recorded before contents were kept. */
  @Column({ type: 'bytea', nullable: true, select: false })
  content: Buffer | null;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}

/**
 * A provider's way into the portal. The token itself goes only into the e-mail; the database keeps its
 * SHA-256. Re-issuing revokes every earlier link of the response.
 */
@Entity('invite_links')
@Unique('invite_links_token', ['tokenHash'])
@Index('invite_links_by_response', ['responseId'])
export class InviteLink {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'response_id', type: 'uuid' })
  responseId: string;

  @ManyToOne(() => ProviderResponse)
  @JoinColumn({ name: 'response_id', foreignKeyConstraintName: 'invite_links_response_id_fkey' })
  response?: ProviderResponse;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

/** A provider's question; its answer is published to every invited provider without the asker's name. */
@Entity('clarifications')
@Index('clarifications_by_case', ['caseId'])
export class Clarification {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => ProcurementCase)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'clarifications_case_id_fkey' })
  procurementCase?: ProcurementCase;

  @Column({ name: 'asked_by_response_id', type: 'uuid', nullable: true })
  askedByResponseId: string | null;

  @ManyToOne(() => ProviderResponse)
  @JoinColumn({ name: 'asked_by_response_id', foreignKeyConstraintName: 'clarifications_asked_by_response_id_fkey' })
  askedBy?: ProviderResponse;

  @Column({ type: 'text' })
  question: string;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @CreateDateColumn({ name: 'asked_at', type: 'timestamptz' })
  askedAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}

export const CASE_ENTITIES = [
  ProcurementCase,
  ProviderResponse,
  EvidenceFile,
  InviteLink,
  Clarification,
  QuestionnaireTemplate,
  MethodAmendment,
];
