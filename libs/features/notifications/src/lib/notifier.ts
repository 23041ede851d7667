import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { JobOutbox, mailJobId } from '@probity/queue';
import { MailContexts, parseMailContext, QueuedMailTemplate } from './mail-contexts';

export interface QueuedMail<T extends QueuedMailTemplate> {
  template: T;
  to: string[];
  context: MailContexts[T];
  /** Names the mail, not the attempt: the same key is sent at most once (e.g. `reminder:<id>:3`). */
  idempotencyKey: string;
}

// Defined with the queue contracts, where identity (which cannot depend on notifications) finds it too.
export { mailJobId };

/**
 * Queues a non-secret e-mail in the caller's transaction, so the mail goes out if and only if the
 * change that caused it commits. Invites and password resets are not accepted: their links carry
 * tokens that must never be stored, so they are sent with MailService.send instead.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly outbox: JobOutbox,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Queues the mail in the unit of work open around the caller (`UnitOfWork.run`); throws outside one. */
  async queue<T extends QueuedMailTemplate>(mail: QueuedMail<T>): Promise<void> {
    // A bad context fails the caller now, not a job hours later.
    const context = parseMailContext(mail.template, mail.context) as unknown as Record<string, unknown>;
    const job = { template: mail.template, to: mail.to, context, idempotencyKey: mail.idempotencyKey };
    const options = { jobId: mailJobId(mail.idempotencyKey) };
    await this.outbox.add('mail.send', job, options);
  }

  /** Whether the mail with this idempotency key was already queued (as the open UnitOfWork sees it). */
  alreadyQueued(idempotencyKey: string): Promise<boolean> {
    return this.outbox.has(this.unitOfWork.manager, mailJobId(idempotencyKey));
  }
}
