import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { FindOptionsWhere, IsNull, LessThanOrEqual } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { MonitoringCheck, MonitoringSummarySent } from './monitoring.entities';

/** The `monitoring_checks` and `monitoring_summaries` tables. */
@Injectable()
export class MonitoringRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get checks() {
    return this.unitOfWork.manager.getRepository(MonitoringCheck);
  }

  ofCase(caseId: string): Promise<MonitoringCheck[]> {
    return this.checks.find({ where: { caseId }, order: { dueOn: 'ASC', checkKey: 'ASC' } });
  }

  async insertAll(rows: Array<Omit<MonitoringCheck, 'procurementCase'>>): Promise<void> {
    await this.checks.insert(rows);
  }

  /** Checks due on or before the day, not done and not yet reminded, oldest first. */
  dueUnreminded(today: string, limit: number): Promise<MonitoringCheck[]> {
    return this.checks.find({
      where: { dueOn: LessThanOrEqual(today), doneAt: IsNull(), remindedAt: IsNull() },
      order: { dueOn: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /**
   * Updates one row if it still matches; true when it did. Counted from RETURNING: the embedded
   * PostgreSQL (PGlite) leaves UpdateResult.affected undefined, which made every call look refused.
   */
  private async updatedOne(where: FindOptionsWhere<MonitoringCheck>, set: QueryDeepPartialEntity<MonitoringCheck>) {
    const result = await this.checks.createQueryBuilder().update().set(set).where(where).returning(['id']).execute();
    return (result.raw as unknown[]).length === 1;
  }

  /** Marks the check reminded unless another run did first; true when this call claimed it. */
  claimReminder(id: string, at: Date): Promise<boolean> {
    return this.updatedOne({ id, remindedAt: IsNull() }, { remindedAt: at });
  }

  markDone(caseId: string, id: string, at: Date): Promise<boolean> {
    return this.updatedOne({ id, caseId, doneAt: IsNull() }, { doneAt: at });
  }

  /** A new owner for an open check; its reminder goes out again, to them. True when the check was open. */
  reassign(caseId: string, id: string, ownerId: string, ownerName: string): Promise<boolean> {
    return this.updatedOne({ id, caseId, doneAt: IsNull() }, { ownerId, ownerName, remindedAt: null });
  }

  /** Cases with a monitoring schedule, and the officer who started it. */
  async monitoredCases(): Promise<Array<{ caseId: string; officerId: string }>> {
    const rows = await this.checks
      .createQueryBuilder('scheduled')
      .select('scheduled.caseId', 'caseId')
      .addSelect('MIN(scheduled.officer_id::text)', 'officerId')
      .groupBy('scheduled.caseId')
      .getRawMany<{ caseId: string; officerId: string }>();
    return rows;
  }

  /** Records the month's summary for the case unless it was recorded already; true when this call did. */
  async claimSummary(caseId: string, month: string, at: Date): Promise<boolean> {
    const result = await this.unitOfWork.manager
      .createQueryBuilder()
      .insert()
      .into(MonitoringSummarySent)
      .values({ caseId, month, sentAt: at })
      .orIgnore()
      .returning(['caseId'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }
}
