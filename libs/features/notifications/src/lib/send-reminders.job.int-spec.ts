import { TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { JobHandlerRegistry, OutboxEntry } from '@probity/queue';
import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase } from '@probity/testing';
import { notificationsTestModule } from '../testing/notifications-test-module';
import { ReminderSent } from './notification.entities';
import { DAY_MS } from './reminder-schedule';
import { SendRemindersJob } from './send-reminders.job';

const NOW = new Date('2026-11-23T12:00:00.000Z');

describe('invites.send-reminders (real PostgreSQL and SMTP)', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  const agencyId = randomUUID();
  const [openCase, draftCase, farCase] = [randomUUID(), randomUUID(), randomUUID()];
  const [pending, submitted, inDraftCase, farAway, noAddress, blankName] = [1, 2, 3, 4, 5, 6].map(() => randomUUID());
  const due = new Date(NOW.getTime() + 2.5 * DAY_MS);

  async function insertCase(id: string, reference: string, status: string, responsesDue: Date): Promise<void> {
    await dataSource.query(
      `INSERT INTO procurement_cases (id, agency_id, reference, title, description, intended_use, ai_act_classification,
         responses_due, status, criteria_weights, questionnaire_key, questionnaire_version, questionnaire_definition,
         questionnaire_hash, version)
       VALUES ($1, $2, $3, $4, 'Tender', 'Investigations', '{}', $5, $6, '{}', 'responsible-ai', 1, '{}', $7, 1)`,
      [id, agencyId, reference, `Facial comparison for ${reference}`, responsesDue, status, 'f'.repeat(64)],
    );
  }

  async function insertResponse(id: string, caseId: string, organisation: string, status: string, emails: string[]) {
    await dataSource.query(
      `INSERT INTO provider_responses (id, case_id, organisation_name, country, legal_identifiers, contact_emails, status)
       VALUES ($1, $2, $3, 'GB', '{}', $4, $5)`,
      [id, caseId, organisation, JSON.stringify(emails), status],
    );
  }

  /** Stands in for the outbox relay and the worker: runs every undispatched job once, in order. */
  async function dispatchOutbox(): Promise<OutboxEntry[]> {
    const pendingEntries = await dataSource
      .getRepository(OutboxEntry)
      .find({ where: { dispatchedAt: IsNull() }, order: { createdAt: 'ASC' } });
    for (const entry of pendingEntries) {
      await moduleRef
        .get(JobHandlerRegistry)
        .run(entry.jobName, entry.payload, { jobId: entry.jobId, attempt: 1, updateProgress: async () => undefined });
      await dataSource.getRepository(OutboxEntry).update(entry.id, { dispatchedAt: new Date() });
    }
    return pendingEntries;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startSmtpSink();
    moduleRef = await notificationsTestModule(database.url, sink.url);
    dataSource = moduleRef.get(DataSource);
    await dataSource.query(`INSERT INTO agencies (id, name) VALUES ($1, 'Greater Manchester Police')`, [agencyId]);
    await insertCase(openCase, 'GMP-2026-007', 'open', due);
    await insertCase(draftCase, 'GMP-2026-008', 'draft', due);
    await insertCase(farCase, 'GMP-2026-009', 'open', new Date(NOW.getTime() + 10 * DAY_MS));
    await insertResponse(pending, openCase, 'Contoso Forensics', 'in_progress', [
      'tenders@contoso.example',
      'cto@contoso.example',
    ]);
    await insertResponse(submitted, openCase, 'Fabrikam Imaging', 'submitted', ['bids@fabrikam.example']);
    await insertResponse(noAddress, openCase, 'Proseware Vision', 'invited', ['not an address']);
    await insertResponse(blankName, openCase, '   ', 'invited', ['bids@blank.example']);
    await insertResponse(inDraftCase, draftCase, 'Litware Labs', 'invited', ['bids@litware.example']);
    await insertResponse(farAway, farCase, 'Tailspin Analytics', 'invited', ['bids@tailspin.example']);
  });

  afterAll(async () => {
    await moduleRef.close();
    await sink.close();
    await database.drop();
  });

  it('sends exactly one 3-day reminder, to the unsubmitted provider of the open case, skipping unusable rows', async () => {
    const result = await moduleRef.get(SendRemindersJob).handle({ now: NOW.toISOString() });
    expect(result).toEqual({ queued: 1 });
    const jobs = await dispatchOutbox();
    expect(jobs.map((job) => job.jobName)).toEqual(['mail.send']);

    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail.recipients.sort()).toEqual(['cto@contoso.example', 'tenders@contoso.example']);
    expect(mail.parsed.subject).toBe(
      'Reminder: response due within 3 days – GMP-2026-007 Facial comparison for GMP-2026-007',
    );
    expect(mail.parsed.text).toContain('Dear Contoso Forensics,');
    expect(mail.parsed.text).toContain('issued by Greater Manchester Police');
    expect(mail.parsed.text).toContain('Responses are due by Thursday, 26 November 2026 at 00:00 UTC');
    const recorded = await dataSource.getRepository(ReminderSent).find();
    expect(recorded.map(({ responseId, daysBefore }) => ({ responseId, daysBefore }))).toEqual([
      { responseId: pending, daysBefore: 3 },
    ]);
  });

  it('sends nothing when run again, even an hour later', async () => {
    expect(await moduleRef.get(SendRemindersJob).handle({ now: NOW.toISOString() })).toEqual({ queued: 0 });
    const later = new Date(NOW.getTime() + 3600_000).toISOString();
    expect(await moduleRef.get(SendRemindersJob).handle({ now: later })).toEqual({ queued: 0 });
    expect(await dispatchOutbox()).toEqual([]);
    expect(sink.messages).toHaveLength(1);
  });

  it('records a reminder once even when two runs race', async () => {
    const lastDay = new Date(due.getTime() - 0.5 * DAY_MS).toISOString();
    const results = await Promise.all([
      moduleRef.get(SendRemindersJob).handle({ now: lastDay }),
      moduleRef.get(SendRemindersJob).handle({ now: lastDay }),
    ]);
    expect(results.map((r) => r.queued).sort()).toEqual([0, 1]);
    await dispatchOutbox();
    expect(sink.messages).toHaveLength(2);
    expect(sink.messages[1].parsed.subject).toMatch(/^Reminder: response due within 1 day – GMP-2026-007/);
    const days = await dataSource.getRepository(ReminderSent).findBy({ responseId: In([pending]) });
    expect(days.map((row) => row.daysBefore).sort()).toEqual([1, 3]);
  });

  it('sends nothing after the deadline or once the response is submitted', async () => {
    const afterDeadline = new Date(due.getTime() + 60_000).toISOString();
    expect(await moduleRef.get(SendRemindersJob).handle({ now: afterDeadline })).toEqual({ queued: 0 });
    await dataSource.query(`DELETE FROM reminders_sent WHERE response_id = $1`, [pending]);
    await dataSource.query(`UPDATE provider_responses SET status = 'submitted' WHERE id = $1`, [pending]);
    expect(await moduleRef.get(SendRemindersJob).handle({ now: NOW.toISOString() })).toEqual({ queued: 0 });
  });
});
