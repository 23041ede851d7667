import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { QueueName } from './job-contracts';

export const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QueueJobCounts {
  queue: QueueName;
  counts: Record<JobState, number>;
}

/** A job that finally failed, as the transport recorded it. The payload is raw: callers filter by owner. */
export interface FailedJobRecord {
  queue: QueueName;
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  failedReason: string;
  failedAt: Date | null;
}

/**
 * What operators may see and do on the queues: counts, failed jobs, retry of a failed job. It knows
 * nothing of agencies; the administration capability decides whose job is whose from the payload.
 */
export abstract class JobInspector {
  abstract counts(): Promise<QueueJobCounts[]>;

  /** The most recent failed jobs of every queue (at most `limitPerQueue` each), newest first. */
  abstract failedJobs(limitPerQueue: number): Promise<FailedJobRecord[]>;

  abstract failedJob(queue: QueueName, id: string): Promise<FailedJobRecord | null>;

  /** Queues a failed job again; false when the job is not (or no longer) failed. */
  abstract retry(queue: QueueName, id: string): Promise<boolean>;
}

export function emptyCounts(): Record<JobState, number> {
  return { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
}

export function newestFirst(jobs: FailedJobRecord[]): FailedJobRecord[] {
  return jobs.sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0));
}

/** Services mode: reads BullMQ's own records in Redis. */
@Injectable()
export class BullJobInspector extends JobInspector {
  constructor(private readonly moduleRef: ModuleRef) {
    super();
  }

  async counts(): Promise<QueueJobCounts[]> {
    return Promise.all(
      Object.values(QueueName).map(async (queue) => {
        const raw = await this.queue(queue).getJobCounts(
          'waiting',
          'prioritized',
          'waiting-children',
          'active',
          'delayed',
          'failed',
          'completed',
        );
        return {
          queue,
          counts: {
            waiting: (raw.waiting ?? 0) + (raw.prioritized ?? 0) + (raw['waiting-children'] ?? 0),
            active: raw.active ?? 0,
            delayed: raw.delayed ?? 0,
            failed: raw.failed ?? 0,
            completed: raw.completed ?? 0,
          },
        };
      }),
    );
  }

  async failedJobs(limitPerQueue: number): Promise<FailedJobRecord[]> {
    const perQueue = await Promise.all(
      Object.values(QueueName).map(async (queue) =>
        (await this.queue(queue).getFailed(0, limitPerQueue - 1)).map((job) => record(queue, job)),
      ),
    );
    return newestFirst(perQueue.flat());
  }

  async failedJob(queue: QueueName, id: string): Promise<FailedJobRecord | null> {
    const job = await this.queue(queue).getJob(id);
    if (!job || (await job.getState()) !== 'failed') return null;
    return record(queue, job);
  }

  async retry(queue: QueueName, id: string): Promise<boolean> {
    const job = await this.queue(queue).getJob(id);
    if (!job || (await job.getState()) !== 'failed') return false;
    // Moves it back to waiting with a fresh attempt budget; handlers are idempotent by contract.
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return true;
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}

function record(queue: QueueName, job: Job): FailedJobRecord {
  return {
    queue,
    id: job.id ?? '',
    name: job.name,
    payload: job.data,
    attempts: job.attemptsMade,
    failedReason: job.failedReason ?? '',
    failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
  };
}
