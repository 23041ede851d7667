import { Injectable } from '@nestjs/common';
import { JobHandler, JobProcessor, ParsedJobPayload } from '@probity/queue';
import { MonitoringService } from './monitoring.service';

export const MONITORING_SCHEDULE_EVERY_MS = 60 * 60 * 1000;

/** Hourly: due-check reminders to owners and the month's summaries to officers, each sent once. */
@JobProcessor('monitoring.send-reminders')
@Injectable()
export class SendMonitoringRemindersJob implements JobHandler<'monitoring.send-reminders'> {
  constructor(private readonly monitoring: MonitoringService) {}

  async handle({
    now,
  }: ParsedJobPayload<'monitoring.send-reminders'>): Promise<{ reminders: number; summaries: number }> {
    const at = now ? new Date(now) : new Date();
    return {
      reminders: await this.monitoring.sendDueReminders(at),
      summaries: await this.monitoring.sendMonthlySummaries(at),
    };
  }
}
