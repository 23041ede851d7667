import { Module } from '@nestjs/common';
import { EvaluationModule } from '@probity/evaluation';
import { IdentityModule } from '@probity/identity';
import { MonitoringPagesController } from './monitoring-pages.controller';
import { MonitoringController } from './monitoring.controller';
import { MonitoringModule } from './monitoring.module';

/** Monitoring's pages and API; the api process imports it. */
@Module({
  imports: [MonitoringModule, EvaluationModule, IdentityModule],
  controllers: [MonitoringController, MonitoringPagesController],
})
export class MonitoringHttpModule {}
