import { Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { IdentityModule } from '@probity/identity';
import { JobQueue } from '@probity/queue';
import { MailDeliveryRepository } from './mail-delivery.repository';
import { MailService } from './mail.service';
import { NOTIFICATION_ENTITIES } from './notification.entities';
import { Notifier } from './notifier';
import { ReminderRepository } from './reminder.repository';
import { SendMailJob } from './send-mail.job';
import { REMINDER_SCHEDULE_EVERY_MS, SendRemindersJob } from './send-reminders.job';

/** E-mail: MailService (send now), Notifier (queue in a transaction) and the jobs behind them. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), CasesModule, IdentityModule],
  providers: [
    UnitOfWork,
    MailDeliveryRepository,
    ReminderRepository,
    MailService,
    Notifier,
    SendMailJob,
    SendRemindersJob,
  ],
  exports: [MailService, Notifier],
})
export class NotificationsModule {}

@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(private readonly jobs: JobQueue) {}

  onApplicationBootstrap(): void {
    // Not awaited: with Redis briefly away at start-up the queue waits for it, and start-up should not.
    this.jobs
      .scheduleRepeating('invites.send-reminders', {}, REMINDER_SCHEDULE_EVERY_MS)
      .catch((error: unknown) => this.logger.error({ err: error }, 'deadline reminders not scheduled'));
  }
}

/**
 * Runs invites.send-reminders hourly (and once at start-up). Import it only in the process that
 * consumes jobs: the worker in services mode, the single process in zero-setup mode.
 */
@Module({ imports: [NotificationsModule], providers: [ReminderScheduler] })
export class ReminderSchedulingModule {}
