import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@probity/audit';
import type { AppConfig } from '@probity/config';
import { CasesModule } from '@probity/cases';
import { DossierModule } from '@probity/dossier';
import { EvaluationModule } from '@probity/evaluation';
import { HealthModule } from '@probity/health';
import { NotificationsModule, ReminderSchedulingModule } from '@probity/notifications';
import { MonitoringSchedulingModule } from '@probity/monitoring';
import { CoreModule } from '@probity/runtime';

/** The queue-consuming process: no HTTP server, one BullMQ worker per queue. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, { consumeJobs: true }),
        HealthModule,
        AuditModule,
        CasesModule,
        EvaluationModule,
        DossierModule,
        NotificationsModule,
        ReminderSchedulingModule,
        MonitoringSchedulingModule,
      ],
    };
  }
}
