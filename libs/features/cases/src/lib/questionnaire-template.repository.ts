import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { QuestionnaireTemplate } from './questionnaire-template.entity';

/** The `questionnaire_templates` table: an agency's own questionnaires, version by version. */
@Injectable()
export class QuestionnaireTemplateRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get templates() {
    return this.unitOfWork.manager.getRepository(QuestionnaireTemplate);
  }

  /** Every version, or only published ones, by key and newest version first. */
  listOfAgency(agencyId: string, onlyPublished = false): Promise<QuestionnaireTemplate[]> {
    return this.templates.find({
      where: onlyPublished ? { agencyId, status: 'published' } : { agencyId },
      order: { key: 'ASC', version: 'DESC' },
    });
  }

  findOfAgency(agencyId: string, templateId: string): Promise<QuestionnaireTemplate | null> {
    return this.templates.findOneBy({ id: templateId, agencyId });
  }

  lockOfAgency(agencyId: string, templateId: string): Promise<QuestionnaireTemplate | null> {
    return this.unitOfWork.transaction
      .getRepository(QuestionnaireTemplate)
      .findOne({ where: { id: templateId, agencyId }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * The key's newest version, with imports of that key serialised until the open transaction ends, so
   * two admins never both create "the next version".
   */
  async latestLockingKey(agencyId: string, key: string): Promise<QuestionnaireTemplate | null> {
    const manager = this.unitOfWork.transaction;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`questionnaire-template:${agencyId}:${key}`]);
    return manager
      .getRepository(QuestionnaireTemplate)
      .findOne({ where: { agencyId, key }, order: { version: 'DESC' } });
  }

  /** The newest published version of a key, or the given version if it is published. */
  latestPublished(agencyId: string, key: string, version?: number): Promise<QuestionnaireTemplate | null> {
    return this.templates.findOne({
      where: { agencyId, key, status: 'published', ...(version === undefined ? {} : { version }) },
      order: { version: 'DESC' },
    });
  }

  save(template: QuestionnaireTemplate): Promise<QuestionnaireTemplate> {
    return this.templates.save(template);
  }

  create(template: Partial<QuestionnaireTemplate>): QuestionnaireTemplate {
    return this.templates.create(template);
  }
}
