import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@probity/database';
import type { RiskRow } from '../../model/risk-register';
import { AgencyRiskAppetiteEntity, RiskAcceptanceEntity, RiskRegisterRowEntity } from './risk-register.entities';

/** The risk register's tables: stored rows, reviewers' acceptances and agencies' appetites. */
@Injectable()
export class RiskRegisterRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get rows() {
    return this.unitOfWork.manager.getRepository(RiskRegisterRowEntity);
  }

  private get acceptances() {
    return this.unitOfWork.manager.getRepository(RiskAcceptanceEntity);
  }

  private get appetites() {
    return this.unitOfWork.manager.getRepository(AgencyRiskAppetiteEntity);
  }

  rowsOfCase(caseId: string): Promise<RiskRegisterRowEntity[]> {
    return this.rows.find({ where: { caseId }, order: { providerId: 'ASC', rowKey: 'ASC' } });
  }

  findRow(caseId: string, providerId: string, rowKey: string): Promise<RiskRegisterRowEntity | null> {
    return this.rows.findOneBy({ caseId, providerId, rowKey });
  }

  /** Stores proposed rows not stored yet; a row already there (edited or not) is left as it is. */
  async insertProposedIfMissing(caseId: string, providerId: string, proposed: RiskRow[]): Promise<void> {
    if (proposed.length === 0) return;
    await this.rows
      .createQueryBuilder()
      .insert()
      .values(
        proposed.map((row) => ({
          id: randomUUID(),
          caseId,
          providerId,
          rowKey: row.key,
          origin: 'proposed' as const,
          content: row,
          edited: false,
          lastReason: null,
          removedAt: null,
        })),
      )
      .orIgnore()
      .execute();
  }

  /** Replaces the content of an unedited proposed row with today's proposal. */
  async refreshProposed(id: string, content: RiskRow): Promise<void> {
    await this.rows.update({ id, edited: false }, { content });
  }

  async save(row: Omit<RiskRegisterRowEntity, 'updatedAt'>): Promise<RiskRegisterRowEntity> {
    await this.rows.save(row);
    return this.rows.findOneByOrFail({ id: row.id });
  }

  async insertAcceptance(acceptance: Omit<RiskAcceptanceEntity, 'id' | 'acceptedAt'>): Promise<RiskAcceptanceEntity> {
    const id = randomUUID();
    await this.acceptances.insert({ id, ...acceptance });
    return this.acceptances.findOneByOrFail({ id });
  }

  acceptancesOfCase(caseId: string): Promise<RiskAcceptanceEntity[]> {
    return this.acceptances.find({ where: { caseId }, order: { acceptedAt: 'ASC', id: 'ASC' } });
  }

  async appetiteOf(agencyId: string): Promise<number | null> {
    return (await this.appetites.findOneBy({ agencyId }))?.residualThreshold ?? null;
  }

  async setAppetite(agencyId: string, residualThreshold: number): Promise<void> {
    await this.appetites
      .createQueryBuilder()
      .insert()
      .values({ agencyId, residualThreshold, updatedAt: () => 'now()' })
      .orUpdate(['residual_threshold', 'updated_at'], ['agency_id'])
      .execute();
  }
}
