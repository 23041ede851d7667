import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { FindOptionsSelect } from 'typeorm';
import { PanelMember, ProcurementCase } from './case.entities';

/** The `procurement_cases` table: the only place cases are read or written. */
@Injectable()
export class CaseRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get cases() {
    return this.unitOfWork.manager.getRepository(ProcurementCase);
  }

  existsWithReference(agencyId: string, reference: string): Promise<boolean> {
    return this.cases.existsBy({ agencyId, reference });
  }

  async insert(procurementCase: Partial<ProcurementCase>): Promise<ProcurementCase> {
    return this.cases.save(this.cases.create(procurementCase));
  }

  save(procurementCase: ProcurementCase): Promise<ProcurementCase> {
    return this.cases.save(procurementCase);
  }

  /** Every column but the questionnaire copy, which can be large and is cached by its hash instead. */
  findWithoutDefinition(caseId: string): Promise<ProcurementCase | null> {
    return this.cases.findOne({ where: { id: caseId }, select: this.columnsBesideDefinition() });
  }

  async definitionOf(caseId: string): Promise<object> {
    const { questionnaireDefinition } = await this.cases.findOneOrFail({
      where: { id: caseId },
      select: { id: true, questionnaireDefinition: true },
    });
    return questionnaireDefinition;
  }

  findOfAgency(agencyId: string, caseId: string): Promise<ProcurementCase | null> {
    return this.cases.findOneBy({ id: caseId, agencyId });
  }

  /** The case locked for update until the open transaction ends: lifecycle steps and panel changes serialise on it. */
  lockForUpdate(caseId: string): Promise<ProcurementCase | null> {
    return this.unitOfWork.transaction
      .getRepository(ProcurementCase)
      .findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  }

  /** A published amendment may extend the response deadline. */
  async setResponsesDue(caseId: string, responsesDue: Date): Promise<void> {
    await this.cases.update({ id: caseId }, { responsesDue });
  }

  async setPanel(caseId: string, panel: PanelMember[]): Promise<void> {
    await this.cases.update({ id: caseId }, { panel });
  }

  /** The agency's cases whose panel seats the staff member as evaluator, latest deadline first. */
  listWithEvaluator(agencyId: string, userId: string): Promise<ProcurementCase[]> {
    return this.cases
      .createQueryBuilder('c')
      .select(['c.id', 'c.reference', 'c.title', 'c.status', 'c.responsesDue'])
      .where('c.agency_id = :agencyId', { agencyId })
      .andWhere('c.panel @> CAST(:member AS jsonb)', { member: JSON.stringify([{ userId, role: 'evaluator' }]) })
      .orderBy('c.responses_due', 'DESC')
      .getMany();
  }

  async listOfAgency(
    agencyId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: ProcurementCase[]; total: number }> {
    const [items, total] = await this.cases.findAndCount({
      where: { agencyId },
      order: { createdAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        reference: true,
        title: true,
        status: true,
        responsesDue: true,
        createdAt: true,
        publishedAt: true,
        agencyId: true,
      },
    });
    return { items, total };
  }

  private columnsBesideDefinition(): FindOptionsSelect<ProcurementCase> {
    return Object.fromEntries(
      this.unitOfWork.manager.connection
        .getMetadata(ProcurementCase)
        .columns.filter((column) => column.propertyName !== 'questionnaireDefinition')
        .map((column) => [column.propertyName, true]),
    );
  }
}
