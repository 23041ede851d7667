import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { Heartbeat } from './heartbeat.entity';

/** The `heartbeats` table: one row per heartbeat job, written once. */
@Injectable()
export class HeartbeatRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  findById(heartbeatId: string): Promise<Heartbeat | null> {
    return this.unitOfWork.manager.getRepository(Heartbeat).findOneBy({ id: heartbeatId });
  }

  /** Records the heartbeat unless it is already recorded; true when this call wrote the row. */
  async recordOnce(heartbeat: Pick<Heartbeat, 'id' | 'message' | 'processedBy' | 'attempt'>): Promise<boolean> {
    // The primary key makes a retried or duplicated job a no-op instead of a second row.
    const result = await this.unitOfWork.manager
      .getRepository(Heartbeat)
      .createQueryBuilder()
      .insert()
      .values(heartbeat)
      .orIgnore()
      .execute();
    return Array.isArray(result.raw) ? result.raw.length > 0 : true;
  }
}
