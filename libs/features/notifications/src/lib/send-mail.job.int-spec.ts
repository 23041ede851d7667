import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@probity/database';
import { InvalidJobPayloadError, JobHandlerRegistry, OutboxEntry } from '@probity/queue';
import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase } from '@probity/testing';
import { notificationsTestModule } from '../testing/notifications-test-module';
import { MailDelivery } from './notification.entities';
import { mailJobId, Notifier } from './notifier';
import { SendMailJob } from './send-mail.job';

const receipt = {
  organisationName: 'Northwind Vision Analytics',
  agencyName: 'Metropolitan Police Service',
  caseTitle: 'Automated number-plate recognition',
  caseReference: 'PROC-2026-0142',
  submissionHash: 'ab'.repeat(32),
  submittedAt: '2026-12-01T11:15:00.000Z',
};

const context = { attempt: 1, updateProgress: async () => undefined };

describe('Notifier and SendMailJob (real PostgreSQL and SMTP)', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let moduleRef: TestingModule;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startSmtpSink();
    moduleRef = await notificationsTestModule(database.url, sink.url);
    dataSource = moduleRef.get(DataSource);
  });

  afterAll(async () => {
    await moduleRef.close();
    await sink.close();
    await database.drop();
  });

  it('delivers one message when the same job runs twice', async () => {
    const job = moduleRef.get(SendMailJob);
    const payload = {
      template: 'submission-receipt' as const,
      to: ['bids@northwind.example'],
      context: receipt,
      idempotencyKey: 'receipt:twice',
    };

    const first = await job.handle(payload);
    const second = await job.handle(payload);

    const delivered = sink.messages.filter((m) => m.parsed.messageId === first.messageId);
    expect(delivered).toHaveLength(1);
    expect(sink.messages).toHaveLength(1);
    expect(second).toEqual({ messageId: first.messageId, skipped: 'already sent' });
    const row = await dataSource.getRepository(MailDelivery).findOneByOrFail({ idempotencyKey: 'receipt:twice' });
    expect(row).toMatchObject({ status: 'sent', messageId: first.messageId, recipients: ['bids@northwind.example'] });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("queues through the outbox in the caller's unit of work, and the queued job sends it once", async () => {
    const before = sink.messages.length;
    await moduleRef.get(UnitOfWork).run(() =>
      moduleRef.get(Notifier).queue({
        template: 'submission-receipt',
        to: ['bids@northwind.example', 'legal@northwind.example'],
        context: receipt,
        idempotencyKey: 'receipt:outbox',
      }),
    );
    const entry = await dataSource.getRepository(OutboxEntry).findOneByOrFail({ jobId: mailJobId('receipt:outbox') });
    expect(entry.jobName).toBe('mail.send');
    expect(entry.jobId).toMatch(/^mail-[0-9a-f]{64}$/);

    const registry = moduleRef.get(JobHandlerRegistry);
    await registry.run(entry.jobName, entry.payload, { ...context, jobId: entry.jobId });
    await registry.run(entry.jobName, entry.payload, { ...context, jobId: entry.jobId, attempt: 2 });

    const fresh = sink.messages.slice(before);
    expect(fresh).toHaveLength(1);
    expect(fresh[0].recipients.sort()).toEqual(['bids@northwind.example', 'legal@northwind.example']);
    expect(fresh[0].parsed.subject).toBe('Submission received: PROC-2026-0142 – Automated number-plate recognition');
    expect(fresh[0].parsed.text).toContain(receipt.submissionHash);
  });

  it("queues nothing when the caller's unit of work rolls back", async () => {
    await expect(
      moduleRef.get(UnitOfWork).run(async () => {
        await moduleRef.get(Notifier).queue({
          template: 'submission-receipt',
          to: ['bids@northwind.example'],
          context: receipt,
          idempotencyKey: 'receipt:rolled-back',
        });
        throw new Error('the submission failed');
      }),
    ).rejects.toThrow('the submission failed');
    expect(await dataSource.getRepository(OutboxEntry).countBy({ jobId: mailJobId('receipt:rolled-back') })).toBe(0);
  });

  it('refuses to queue a mail whose context is incomplete, and fails such a job without retrying', async () => {
    const { submissionHash: _hash, ...incomplete } = receipt;
    await expect(
      moduleRef.get(UnitOfWork).run(() =>
        moduleRef.get(Notifier).queue({
          template: 'submission-receipt',
          to: ['bids@northwind.example'],
          context: incomplete as typeof receipt,
          idempotencyKey: 'receipt:incomplete',
        }),
      ),
    ).rejects.toThrow(/submissionHash/);
    await expect(
      moduleRef.get(SendMailJob).handle({
        template: 'submission-receipt',
        to: ['bids@northwind.example'],
        context: incomplete,
        idempotencyKey: 'x',
      }),
    ).rejects.toThrow(InvalidJobPayloadError);
  });

  it('keeps secret-link mails out of the queue by contract', async () => {
    expect(() =>
      moduleRef.get(JobHandlerRegistry).parsePayload('mail.send', {
        template: 'invite',
        to: ['bids@northwind.example'],
        context: {},
        idempotencyKey: 'invite:never',
      }),
    ).toThrow(/template/);
  });
});
