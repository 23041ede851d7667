import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { In } from 'typeorm';
import { ReminderSent } from './notification.entities';

/** The `reminders_sent` table: which deadline reminder (days before the deadline) each response was sent. */
@Injectable()
export class ReminderRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Days-before of the reminders already sent, by response id. */
  async daysSent(responseIds: string[]): Promise<Map<string, number[]>> {
    const rows = await this.unitOfWork.manager.getRepository(ReminderSent).findBy({ responseId: In(responseIds) });
    const days = new Map<string, number[]>();
    for (const row of rows) days.set(row.responseId, [...(days.get(row.responseId) ?? []), row.daysBefore]);
    return days;
  }

  /** Records the reminder in the open unit of work; false when it was already recorded (by a racing run too). */
  async record(responseId: string, daysBefore: number): Promise<boolean> {
    const insert = await this.unitOfWork.transaction
      .createQueryBuilder()
      .insert()
      .into(ReminderSent)
      .values({ responseId, daysBefore })
      .orIgnore()
      .returning(['responseId'])
      .execute();
    return insert.raw.length > 0;
  }
}
