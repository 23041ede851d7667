import { Injectable } from '@nestjs/common';
import { InvalidJobPayloadError, JobHandler, JobProcessor, ParsedJobPayload } from '@probity/queue';
import { MailContextError, parseMailContext } from './mail-contexts';
import { MailService } from './mail.service';
import { MailDeliveryRepository } from './mail-delivery.repository';

/**
 * Sends a queued e-mail once per idempotency key. The delivery row is marked sent only after the
 * server accepted the message, so a crash between the two makes a retry send it again: delivery is
 * at least once, and duplicates are limited to that window.
 */
@JobProcessor('mail.send')
@Injectable()
export class SendMailJob implements JobHandler<'mail.send'> {
  constructor(
    private readonly deliveries: MailDeliveryRepository,
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
    const delivery = await this.deliveries.claim({ idempotencyKey, template, recipients: to });
    if (delivery.status === 'sent') return { messageId: delivery.messageId, skipped: 'already sent' };

    const { messageId } = await this.mail.send(template, to, values);
    await this.deliveries.markSent(idempotencyKey, messageId, new Date());
    return { messageId };
  }
}
