import { Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@probity/audit';
import { CasesModule } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { DossierModule } from '@probity/dossier';
import { IdentityModule } from '@probity/identity';
import { NotificationsModule } from '@probity/notifications';
import { JobQueue } from '@probity/queue';
import { MONITORING_ENTITIES } from './monitoring.entities';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringService } from './monitoring.service';
import { MONITORING_SCHEDULE_EVERY_MS, SendMonitoringRemindersJob } from './send-monitoring-reminders.job';

/** Post-award monitoring: the schedule, its reminders job and the service pages use. */
@Module({
  imports: [
    TypeOrmModule.forFeature(MONITORING_ENTITIES),
    AuditModule,
    CasesModule,
    DossierModule,
    IdentityModule,
    NotificationsModule,
  ],
  providers: [UnitOfWork, MonitoringRepository, MonitoringService, SendMonitoringRemindersJob],
  exports: [MonitoringService],
})
export class MonitoringModule {}

@Injectable()
export class MonitoringReminderScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(MonitoringReminderScheduler.name);

  constructor(private readonly jobs: JobQueue) {}

  onApplicationBootstrap(): void {
    // Not awaited: with Redis briefly away at start-up the queue waits for it, and start-up should not.
    this.jobs
      .scheduleRepeating('monitoring.send-reminders', {}, MONITORING_SCHEDULE_EVERY_MS)
      .catch((error: unknown) => this.logger.error({ err: error }, 'monitoring reminders not scheduled'));
  }
}

/** Runs monitoring.send-reminders hourly; import it only in the process that consumes jobs. */
@Module({ imports: [MonitoringModule], providers: [MonitoringReminderScheduler] })
export class MonitoringSchedulingModule {}
