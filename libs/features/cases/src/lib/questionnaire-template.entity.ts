import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Agency, StaffUser } from '@probity/identity';

export type TemplateStatus = 'draft' | 'published';

/** One version of an agency's own questionnaire. A published version is never updated. */
@Entity('questionnaire_templates')
@Unique('questionnaire_templates_version', ['agencyId', 'key', 'version'])
@Index('questionnaire_templates_one_draft', ['agencyId', 'key'], { unique: true, where: `"status" = 'draft'` })
@Check('questionnaire_templates_status', `"status" IN ('draft', 'published')`)
@Check('questionnaire_templates_published_at', `("status" = 'published') = ("published_at" IS NOT NULL)`)
@Check('questionnaire_templates_version_positive', `"version" > 0`)
export class QuestionnaireTemplate {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'questionnaire_templates_agency_id_fkey' })
  agency?: Agency;

  @Column({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'jsonb' })
  definition: object;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'varchar', length: 20 })
  status: TemplateStatus;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => StaffUser)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'questionnaire_templates_created_by_fkey' })
  author?: StaffUser;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
