import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { z } from 'zod';
import { ProcurementCase, ProviderResponse } from '@probity/cases';
import { Agency } from '@probity/identity';
import { JobHandler, JobProcessor, ParsedJobPayload } from '@probity/queue';
import { ReminderSent } from './notification.entities';
import { Notifier } from './notifier';
import { MailContextError } from './mail-contexts';
import { DAY_MS, DueReminder, dueReminder, REMINDER_DAYS } from './reminder-schedule';

export const REMINDER_SCHEDULE_EVERY_MS = 60 * 60 * 1000;

interface Candidate {
  responseId: string;
  organisationName: string;
  contactEmails: unknown;
  caseTitle: string;
  caseReference: string;
  responsesDue: Date;
  agencyName: string;
}

const email = z.email();

/**
 * Queues the deadline reminders that are due now for every unsubmitted response of an open case.
 * Each reminder is recorded in the same transaction that queues its mail, so running the job twice
 * (or in two workers at once) sends each reminder once.
 */
@JobProcessor('invites.send-reminders')
@Injectable()
export class SendRemindersJob implements JobHandler<'invites.send-reminders'> {
  private readonly logger = new Logger(SendRemindersJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: Notifier,
  ) {}

  async handle({ now }: ParsedJobPayload<'invites.send-reminders'>): Promise<{ queued: number }> {
    const at = now ? new Date(now) : new Date();
    const horizon = new Date(at.getTime() + Math.max(...REMINDER_DAYS) * DAY_MS);
    const candidates = await this.dataSource
      .getRepository(ProviderResponse)
      .createQueryBuilder('response')
      .innerJoin(ProcurementCase, 'pcase', 'pcase.id = response.caseId')
      .innerJoin(Agency, 'agency', 'agency.id = pcase.agencyId')
      .select('response.id', 'responseId')
      .addSelect('response.organisationName', 'organisationName')
      .addSelect('response.contactEmails', 'contactEmails')
      .addSelect('pcase.title', 'caseTitle')
      .addSelect('pcase.reference', 'caseReference')
      .addSelect('pcase.responsesDue', 'responsesDue')
      .addSelect('agency.name', 'agencyName')
      .where('pcase.status = :open', { open: 'open' })
      .andWhere('response.status <> :submitted', { submitted: 'submitted' })
      .andWhere('pcase.responsesDue > :at AND pcase.responsesDue <= :horizon', { at, horizon })
      .orderBy('pcase.responsesDue', 'ASC')
      .addOrderBy('response.id', 'ASC')
      .getRawMany<Candidate>();
    if (candidates.length === 0) return { queued: 0 };

    const sent = await this.dataSource.getRepository(ReminderSent).findBy({
      responseId: In(candidates.map((candidate) => candidate.responseId)),
    });
    let queued = 0;
    for (const candidate of candidates) {
      const already = sent.filter((row) => row.responseId === candidate.responseId).map((row) => row.daysBefore);
      const due = dueReminder(new Date(candidate.responsesDue), at, already);
      if (!due) continue;
      const to = Array.isArray(candidate.contactEmails)
        ? candidate.contactEmails.filter((address): address is string => email.safeParse(address).success)
        : [];
      if (to.length === 0) {
        this.logger.warn({ responseId: candidate.responseId }, 'reminder skipped: no valid contact e-mail address');
        continue;
      }
      const recorded = await this.recordAndQueue(candidate, due, to).catch((error: unknown) => {
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

  /** Records the reminder and queues its mail in one transaction; false when another run got there first. */
  private recordAndQueue(candidate: Candidate, due: DueReminder, to: string[]): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const insert = await manager
        .createQueryBuilder()
        .insert()
        .into(ReminderSent)
        .values({ responseId: candidate.responseId, daysBefore: due.daysBefore })
        .orIgnore()
        .returning(['responseId'])
        .execute();
      // Another run recorded this reminder first: it queued the mail too.
      if (insert.raw.length === 0) return false;
      await this.notifier.queue(manager, {
        template: 'reminder',
        to,
        context: {
          organisationName: candidate.organisationName,
          agencyName: candidate.agencyName,
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
