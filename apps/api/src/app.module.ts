import { DynamicModule, Module } from '@nestjs/common';
import { AdministrationModule } from '@probity/administration';
import { AuditModule } from '@probity/audit';
import type { AppConfig } from '@probity/config';
import { CasesModule } from '@probity/cases';
import { DossierModule } from '@probity/dossier';
import { EvaluationModule } from '@probity/evaluation';
import { HealthModule } from '@probity/health';
import { NotificationsModule, ReminderSchedulingModule } from '@probity/notifications';
import { QuestionBankModule } from '@probity/question-bank';
import { CoreModule } from '@probity/runtime';
import { PortalModule } from '@probity/portal';
import { ReadinessHttpModule } from '@probity/readiness';
import { MonitoringHttpModule, MonitoringSchedulingModule } from '@probity/monitoring';
import { TenderingModule } from '@probity/tendering';
import { WebModule } from '@probity/web';

/** The HTTP process. In zero-setup mode it also runs every job in-process. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, { consumeJobs: false }),
        HealthModule,
        AuditModule,
        CasesModule,
        EvaluationModule,
        DossierModule,
        QuestionBankModule,
        NotificationsModule,
        // In zero-setup mode this process is also the job consumer, so it runs the reminder schedule.
        ...(config.mode === 'zero-setup' ? [ReminderSchedulingModule, MonitoringSchedulingModule] : []),
        TenderingModule,
        ReadinessHttpModule,
        MonitoringHttpModule,
        PortalModule,
        AdministrationModule,
        WebModule,
      ],
    };
  }
}
