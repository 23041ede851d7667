import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { FriaHeadingText, StakeholderConsultation } from './fria.entities';

/** The `fria_headings` and `stakeholder_consultations` tables: the agency's FRIA of a case. */
@Injectable()
export class FriaRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get headings() {
    return this.unitOfWork.manager.getRepository(FriaHeadingText);
  }

  private get consultations() {
    return this.unitOfWork.manager.getRepository(StakeholderConsultation);
  }

  headingsOf(caseId: string): Promise<FriaHeadingText[]> {
    return this.headings.find({ where: { caseId }, order: { headingKey: 'ASC' } });
  }

  heading(caseId: string, headingKey: string): Promise<FriaHeadingText | null> {
    return this.headings.findOneBy({ caseId, headingKey });
  }

  async saveHeading(row: Omit<FriaHeadingText, 'procurementCase'>): Promise<void> {
    await this.headings.upsert(row, ['caseId', 'headingKey']);
  }

  async removeHeading(caseId: string, headingKey: string): Promise<void> {
    await this.headings.delete({ caseId, headingKey });
  }

  consultationsOf(caseId: string): Promise<StakeholderConsultation[]> {
    return this.consultations.find({ where: { caseId }, order: { heldOn: 'ASC', recordedAt: 'ASC' } });
  }

  async insertConsultation(row: StakeholderConsultation): Promise<StakeholderConsultation> {
    return this.consultations.save(this.consultations.create(row));
  }
}
