import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The single list of queues, jobs and their payloads. Producers and processors both import from
 * here, so a payload shape cannot drift between the api and the worker.
 */
export enum QueueName {
  System = 'system',
  Scoring = 'scoring',
  Dossiers = 'dossiers',
  Notifications = 'notifications',
}

/**
 * Mail templates that may travel through the queue. `invite` and `password-reset` are deliberately
 * absent: their links carry secret tokens, which must never be stored in the outbox or in Redis.
 */
export const QUEUED_MAIL_TEMPLATES = [
  'reminder',
  'clarification-published',
  'method-amendment',
  'submission-receipt',
  'sign-off-request',
  'evaluation-invite',
  'account-locked',
  'monitoring-reminder',
  'monitoring-summary',
] as const;

/** The job id a queued mail is deduplicated on; hashed because idempotency keys may be long or contain ':' freely. */
export function mailJobId(idempotencyKey: string): string {
  return `mail-${createHash('sha256').update(idempotencyKey).digest('hex')}`;
}

/** Most response revisions one batched scoring job takes: its reads and its insert stay one round trip each. */
export const SCORE_BATCH_MAX = 200;

export const JOB_CONTRACTS = {
  /** Round trip through the queue into the database; used by the demo, readiness drills and tests. */
  'system.heartbeat': {
    queue: QueueName.System,
    payload: z.object({
      heartbeatId: z.uuid(),
      message: z.string().min(1).max(500),
      /** Simulated work, so operators can rehearse a worker crash in the middle of a job. */
      workMs: z.number().int().min(0).max(120000).default(0),
    }),
  },
  /** Scores one submitted response revision against the case's frozen questionnaire. */
  'scoring.score-response': {
    queue: QueueName.Scoring,
    payload: z.object({ responseId: z.uuid(), revision: z.number().int().min(0) }),
  },
  /**
   * Scores several submitted response revisions at once: one query each for the responses, their
   * evidence, panel scores and verdicts, one multi-row insert of the sheets. A response that cannot be
   * scored fails alone (listed in the job's result); the others are stored.
   */
  'scoring.score-responses': {
    queue: QueueName.Scoring,
    payload: z.object({
      responses: z
        .array(z.object({ responseId: z.uuid(), revision: z.number().int().min(0) }))
        .min(1)
        .max(SCORE_BATCH_MAX),
    }),
  },
  /** Builds the side-by-side comparison of a case; the parent of a flow of score-response jobs. */
  'scoring.compare-case': {
    queue: QueueName.Scoring,
    payload: z.object({ caseId: z.uuid() }),
  },
  /** Starts evaluation of a closed case: (re)scores every submission, then compares. */
  'evaluation.start': {
    queue: QueueName.Scoring,
    payload: z.object({ caseId: z.uuid() }),
  },
  /** E-mails the evaluators of a case in evaluation who have not been told yet (e.g. added to the panel). */
  'evaluation.invite-evaluators': {
    queue: QueueName.Notifications,
    payload: z.object({ caseId: z.uuid() }),
  },
  /** Renders one requested dossier version from its stored snapshot. */
  'dossier.render': {
    queue: QueueName.Dossiers,
    payload: z.object({ dossierId: z.uuid() }),
  },
  /** Renders the final dossier with its sign-off page, signs it and stores it once all reviewers approved. */
  'dossier.sign': {
    queue: QueueName.Dossiers,
    payload: z.object({ dossierId: z.uuid() }),
  },
  /** Sends one non-secret e-mail; delivered at least once, deduplicated by its idempotency key. */
  'mail.send': {
    queue: QueueName.Notifications,
    payload: z.object({
      template: z.enum(QUEUED_MAIL_TEMPLATES),
      to: z.array(z.email()).min(1).max(50),
      context: z.record(z.string(), z.unknown()),
      idempotencyKey: z.string().min(1).max(200),
    }),
  },
  /** Queues the deadline reminders due now (7, 3 and 1 days before responses are due); scheduled hourly. */
  'invites.send-reminders': {
    queue: QueueName.Notifications,
    payload: z.object({
      /** Overrides the clock, for tests and for replaying a missed run. */
      now: z.iso.datetime({ offset: true }).optional(),
    }),
  },
  /**
   * Post-award monitoring: reminds each check's owner once when it falls due, and sends each monitored
   * case's officer one summary a month; scheduled hourly.
   */
  'monitoring.send-reminders': {
    queue: QueueName.Notifications,
    payload: z.object({
      /** Overrides the clock, for tests and for replaying a missed run. */
      now: z.iso.datetime({ offset: true }).optional(),
    }),
  },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType }>;

export type JobName = keyof typeof JOB_CONTRACTS;

export type JobPayload<N extends JobName> = z.input<(typeof JOB_CONTRACTS)[N]['payload']>;
export type ParsedJobPayload<N extends JobName> = z.output<(typeof JOB_CONTRACTS)[N]['payload']>;

export const ALL_JOB_NAMES = Object.keys(JOB_CONTRACTS) as JobName[];

export function queueOf(name: JobName): QueueName {
  return JOB_CONTRACTS[name].queue;
}

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_CONTRACTS, name);
}
