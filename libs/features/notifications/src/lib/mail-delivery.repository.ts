import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { MailDelivery } from './notification.entities';

/** The `mail_deliveries` table: one row per idempotency key, marked sent once the server accepted the mail. */
@Injectable()
export class MailDeliveryRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get deliveries() {
    return this.unitOfWork.manager.getRepository(MailDelivery);
  }

  /** The delivery of this key, created as `sending` when it is the first attempt. */
  async claim(delivery: Pick<MailDelivery, 'idempotencyKey' | 'template' | 'recipients'>): Promise<MailDelivery> {
    await this.deliveries
      .createQueryBuilder()
      .insert()
      .values({ ...delivery, status: 'sending' })
      .orIgnore()
      .execute();
    return this.deliveries.findOneByOrFail({ idempotencyKey: delivery.idempotencyKey });
  }

  async markSent(idempotencyKey: string, messageId: string | null, sentAt: Date): Promise<void> {
    await this.deliveries.update({ idempotencyKey }, { status: 'sent', messageId, sentAt });
  }
}
