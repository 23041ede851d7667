import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { ProviderPrice } from './evaluation.entities';

/** The `provider_prices` table: the price offers the officer records once the envelopes are opened. */
@Injectable()
export class PriceRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get prices() {
    return this.unitOfWork.manager.getRepository(ProviderPrice);
  }

  pricesOfCase(caseId: string): Promise<ProviderPrice[]> {
    return this.prices.findBy({ caseId });
  }

  /** Records the response's price, replacing an earlier one. */
  async upsert(price: Omit<ProviderPrice, 'response' | 'procurementCase'>): Promise<void> {
    await this.prices
      .createQueryBuilder()
      .insert()
      .values(price)
      .orUpdate(['amount', 'recorded_by', 'recorded_at'], ['response_id'])
      .execute();
  }
}
