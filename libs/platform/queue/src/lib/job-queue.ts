import type { JobName, JobPayload } from './job-contracts';

export interface EnqueueOptions {
  /** A stable id makes enqueueing idempotent: a second job with the same id is ignored. */
  jobId?: string;
  delayMs?: number;
}

export interface FlowJob<N extends JobName = JobName> {
  name: N;
  payload: JobPayload<N>;
  jobId: string;
}

/** A parent job that runs once every child job has completed (a BullMQ flow). */
export interface JobFlow {
  parent: FlowJob;
  children: FlowJob[];
}

/** Where producers send work. BullMQ in services mode, in-process in zero-setup mode. */
export abstract class JobQueue {
  abstract enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options?: EnqueueOptions): Promise<string>;

  /** Enqueues children and a parent that waits for all of them; idempotent through the job ids. */
  abstract enqueueFlow(flow: JobFlow): Promise<string>;

  /**
   * Runs a job now and then every `everyMs`, from this process on. Calling it again (another start-up,
   * another process) replaces the schedule instead of adding a second one. The job must be idempotent:
   * a schedule survives restarts in Redis, and in-process it restarts with the process.
   */
  abstract scheduleRepeating<N extends JobName>(name: N, payload: JobPayload<N>, everyMs: number): Promise<void>;

  /** Throws when the transport cannot take jobs; used by readiness checks. */
  abstract ping(): Promise<{ transport: 'redis' | 'in-process' }>;
}

export const DEFAULT_JOB_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 1000;
