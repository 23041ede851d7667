export {
  ALL_JOB_NAMES,
  JOB_CONTRACTS,
  JobName,
  JobPayload,
  mailJobId,
  ParsedJobPayload,
  QUEUED_MAIL_TEMPLATES,
  QueueName,
  queueOf,
  SCORE_BATCH_MAX,
} from './lib/job-contracts';
export { EnqueueOptions, FlowJob, JobFlow, JobQueue } from './lib/job-queue';
export { JobContext, JobHandler, JobProcessor } from './lib/job-handler';
export { InvalidJobPayloadError, JobHandlerRegistry, MissingJobHandlersError } from './lib/job-handler.registry';
export { FailedJobRecord, JOB_STATES, JobInspector, JobState, QueueJobCounts } from './lib/job-inspector';
export { QueueModule } from './lib/queue.module';
export { InlineJobQueue } from './lib/inline-job-queue';
export { JobOutbox, OutboxRelay } from './lib/job-outbox';
export { OutboxEntry } from './lib/outbox-entry.entity';
