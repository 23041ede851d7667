import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { IsNull, Not } from 'typeorm';
import { Clarification, ProviderResponse } from './case.entities';

/** The `clarifications` table: providers' questions and their published answers. */
@Injectable()
export class ClarificationRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get clarifications() {
    return this.unitOfWork.manager.getRepository(Clarification);
  }

  async insert(clarification: Partial<Clarification>): Promise<Clarification> {
    await this.clarifications.save(this.clarifications.create(clarification));
    return this.clarifications.findOneByOrFail({ id: clarification.id });
  }

  findById(clarificationId: string): Promise<Clarification> {
    return this.clarifications.findOneByOrFail({ id: clarificationId });
  }

  findOfAgency(agencyId: string, clarificationId: string): Promise<Clarification | null> {
    return this.clarifications.findOne({ where: { id: clarificationId, procurementCase: { agencyId } } });
  }

  /** Locked for update until the open transaction ends, so two officers cannot publish it twice. */
  lockOfAgency(agencyId: string, clarificationId: string): Promise<Clarification | null> {
    return this.unitOfWork.transaction.getRepository(Clarification).findOne({
      where: { id: clarificationId, procurementCase: { agencyId } },
      lock: { mode: 'pessimistic_write', tables: ['clarifications'] },
    });
  }

  async publish(clarificationId: string, question: string, answer: string): Promise<void> {
    await this.clarifications.update({ id: clarificationId }, { question, answer, publishedAt: new Date() });
  }

  withAskers(caseId: string): Promise<Array<Clarification & { askedBy?: ProviderResponse }>> {
    return this.clarifications.find({ where: { caseId }, relations: { askedBy: true }, order: { askedAt: 'ASC' } });
  }

  published(caseId: string): Promise<Clarification[]> {
    return this.clarifications.find({
      where: { caseId, publishedAt: Not(IsNull()) },
      order: { publishedAt: 'ASC' },
    });
  }

  pendingOf(responseId: string): Promise<Clarification[]> {
    return this.clarifications.find({
      where: { askedByResponseId: responseId, publishedAt: IsNull() },
      order: { askedAt: 'ASC' },
    });
  }
}
