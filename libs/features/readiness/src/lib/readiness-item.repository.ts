import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { ReadinessItemRecord } from './readiness-item.entity';

/** The `readiness_items` table: the agency's readiness checklist per case. */
@Injectable()
export class ReadinessItemRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get items() {
    return this.unitOfWork.manager.getRepository(ReadinessItemRecord);
  }

  ofCase(caseId: string): Promise<ReadinessItemRecord[]> {
    return this.items.find({ where: { caseId } });
  }

  item(caseId: string, itemKey: string): Promise<ReadinessItemRecord | null> {
    return this.items.findOneBy({ caseId, itemKey });
  }

  async save(row: Omit<ReadinessItemRecord, 'procurementCase'>): Promise<void> {
    await this.items.upsert(row, ['caseId', 'itemKey']);
  }
}
