export {
  isDue,
  isOverdue,
  MONITORING_KINDS,
  MONITORING_RULES,
  MonitoringKind,
  MonitoringRule,
  monitoringSchedule,
  ScheduledCheck,
} from './model/monitoring-schedule';
export { MONITORING_ENTITIES, MonitoringCheck, MonitoringSummarySent } from './lib/monitoring.entities';
export { MonitoringOfficer, MonitoringService } from './lib/monitoring.service';
export { MonitoringModule, MonitoringSchedulingModule } from './lib/monitoring.module';
export { SendMonitoringRemindersJob } from './lib/send-monitoring-reminders.job';
export { MonitoringHttpModule } from './lib/monitoring-http.module';
