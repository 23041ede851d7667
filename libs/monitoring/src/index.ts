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
