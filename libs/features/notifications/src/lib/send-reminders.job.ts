import { Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { ResponseAwaitingSubmission, ResponsesService } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { IdentityService } from '@probity/identity';
import { JobHandler, JobProcessor, ParsedJobPayload } from '@probity/queue';
import { Notifier } from './notifier';
import { MailContextError } from './mail-contexts';
import { ReminderRepository } from './reminder.repository';
import { DAY_MS, DueReminder, dueReminder, REMINDER_DAYS } from './reminder-schedule';

export const REMINDER_SCHEDULE_EVERY_MS = 60 * 60 * 1000;

const email = z.email();

/**
 * Queues the deadline reminders that are due now for every unsubmitted response of an open case.
 * Each reminder is recorded in the same unit of work that queues its mail, so running the job twice
 * (or in two workers at once) sends each reminder once.
 */
@JobProcessor('invites.send-reminders')
@Injectable()
export class SendRemindersJob implements JobHandler<'invites.send-reminders'> {
  private readonly logger = new Logger(SendRemindersJob.name);

  constructor(
    private readonly responses: ResponsesService,
    private readonly identity: IdentityService,
    private readonly reminders: ReminderRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly notifier: Notifier,
  ) {}

  async handle({ now }: ParsedJobPayload<'invites.send-reminders'>): Promise<{ queued: number }> {
    const at = now ? new Date(now) : new Date();
    const horizon = new Date(at.getTime() + Math.max(...REMINDER_DAYS) * DAY_MS);
    const candidates = await this.responses.awaitingSubmission(at, horizon);
    if (candidates.length === 0) return { queued: 0 };

    const sent = await this.reminders.daysSent(candidates.map((candidate) => candidate.responseId));
    const agencyNames = new Map<string, string>();
    let queued = 0;
    for (const candidate of candidates) {
      const due = dueReminder(new Date(candidate.responsesDue), at, sent.get(candidate.responseId) ?? []);
      if (!due) continue;
      const to = Array.isArray(candidate.contactEmails)
        ? candidate.contactEmails.filter((address): address is string => email.safeParse(address).success)
        : [];
      if (to.length === 0) {
        this.logger.warn({ responseId: candidate.responseId }, 'reminder skipped: no valid contact e-mail address');
        continue;
      }
      const agencyName =
        agencyNames.get(candidate.agencyId) ?? (await this.identity.getAgency(candidate.agencyId)).name;
      agencyNames.set(candidate.agencyId, agencyName);
      const recorded = await this.recordAndQueue(candidate, agencyName, due, to).catch((error: unknown) => {
        // One unusable row (say, a blank organisation name) must not hold back every other reminder.
        if (!(error instanceof MailContextError)) throw error;
        this.logger.error({ responseId: candidate.responseId, err: error.message }, 'reminder skipped');
        return false;
      });
      if (recorded) queued++;
    }
    if (queued > 0) this.logger.log({ queued }, 'deadline reminders queued');
    return { queued };
  }

  /** Records the reminder and queues its mail in one unit of work; false when another run got there first. */
  private recordAndQueue(
    candidate: ResponseAwaitingSubmission,
    agencyName: string,
    due: DueReminder,
    to: string[],
  ): Promise<boolean> {
    return this.unitOfWork.run(async () => {
      // Another run recorded this reminder first: it queued the mail too.
      if (!(await this.reminders.record(candidate.responseId, due.daysBefore))) return false;
      await this.notifier.queue({
        template: 'reminder',
        to,
        context: {
          organisationName: candidate.organisationName,
          agencyName,
          caseTitle: candidate.caseTitle,
          caseReference: candidate.caseReference,
          responsesDue: new Date(candidate.responsesDue).toISOString(),
          daysLeft: due.daysLeft,
        },
        idempotencyKey: `reminder:${candidate.responseId}:${due.daysBefore}`,
      });
      return true;
    });
  }
}
