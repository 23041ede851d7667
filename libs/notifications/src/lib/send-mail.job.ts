import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidJobPayloadError, JobHandler, JobProcessor, ParsedJobPayload } from '@probity/queue';
import { MailContextError, parseMailContext } from './mail-contexts';
import { MailService } from './mail.service';
import { MailDelivery } from './notification.entities';

/**
 * Sends a queued e-mail once per idempotency key. The delivery row is marked sent only after the
 * server accepted the message, so a crash between the two makes a retry send it again: delivery is
 * at least once, and duplicates are limited to that window.
 */
@JobProcessor('mail.send')
@Injectable()
export class SendMailJob implements JobHandler<'mail.send'> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
  ) {}

  async handle({
    template,
    to,
    context,
    idempotencyKey,
  }: ParsedJobPayload<'mail.send'>): Promise<{ messageId: string | null; skipped?: string }> {
    let values;
    try {
      values = parseMailContext(template, context);
    } catch (error) {
      if (error instanceof MailContextError) throw new InvalidJobPayloadError('mail.send', error.message);
      throw error;
    }
    const deliveries = this.dataSource.getRepository(MailDelivery);
    await deliveries
      .createQueryBuilder()
      .insert()
      .values({ idempotencyKey, template, recipients: to, status: 'sending' })
      .orIgnore()
      .execute();
    const delivery = await deliveries.findOneByOrFail({ idempotencyKey });
    if (delivery.status === 'sent') return { messageId: delivery.messageId, skipped: 'already sent' };

    const { messageId } = await this.mail.send(template, to, values);
    await deliveries.update({ idempotencyKey }, { status: 'sent', messageId, sentAt: new Date() });
    return { messageId };
  }
}
