import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobName, JobPayload, queueOf, QueueName } from './job-contracts';
import { InvalidJobPayloadError, JobHandlerRegistry } from './job-handler.registry';
import { emptyCounts, FailedJobRecord, JobState, newestFirst, QueueJobCounts } from './job-inspector';
import { DEFAULT_BACKOFF_MS, DEFAULT_JOB_ATTEMPTS, EnqueueOptions, JobFlow, JobQueue } from './job-queue';

const MAX_FAILURES_HELD = 200;

/**
 * Zero-setup transport: runs jobs in this process through the same handler registry the BullMQ
 * worker uses, one job at a time per queue, with the same retry policy. It holds jobs in memory,
 * so it is meant for the embedded single-process mode, not for production.
 */
@Injectable()
export class InlineJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(InlineJobQueue.name);
  private readonly tails = new Map<QueueName, Promise<void>>();
  private readonly knownJobIds = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly schedules = new Map<JobName, NodeJS.Timeout>();
  private readonly stateCounts = new Map<QueueName, Record<JobState, number>>();
  /** Finally failed jobs, by id, kept in memory (the most recent only) so an admin can see and retry them. */
  private readonly failures = new Map<string, FailedJobRecord>();
  private stopping = false;

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<string> {
    if (this.stopping) throw new Error('The job queue is shutting down');
    const data = this.registry.parsePayload(name, payload);
    const jobId = options.jobId ?? randomUUID();
    if (this.knownJobIds.has(jobId)) return jobId;
    this.knownJobIds.add(jobId);
    this.schedule(name, data, jobId, options.delayMs ?? 0);
    return jobId;
  }

  private schedule(name: JobName, data: unknown, jobId: string, delayMs: number): void {
    const queue = queueOf(name);
    this.count(queue, delayMs ? 'delayed' : 'waiting', 1);
    const previous = this.tails.get(queue) ?? Promise.resolve();
    const run = previous.then(async () => {
      if (delayMs) {
        await sleep(delayMs);
        this.count(queue, 'delayed', -1);
        this.count(queue, 'waiting', 1);
      }
      this.count(queue, 'waiting', -1);
      await this.runWithRetries(name, data, jobId);
    });
    this.tails.set(queue, run);
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  jobCounts(): QueueJobCounts[] {
    return Object.values(QueueName).map((queue) => ({ queue, counts: { ...this.countsOf(queue) } }));
  }

  failedJobs(): FailedJobRecord[] {
    return newestFirst([...this.failures.values()]);
  }

  /** Runs a finally failed job again, with a fresh attempt budget; false when no such failed job is held. */
  retryFailed(jobId: string): boolean {
    const failed = this.failures.get(jobId);
    if (!failed || this.stopping) return false;
    this.failures.delete(jobId);
    this.count(failed.queue, 'failed', -1);
    this.schedule(failed.name as JobName, failed.payload, jobId, 0);
    return true;
  }

  private countsOf(queue: QueueName): Record<JobState, number> {
    let counts = this.stateCounts.get(queue);
    if (!counts) this.stateCounts.set(queue, (counts = emptyCounts()));
    return counts;
  }

  private count(queue: QueueName, state: JobState, delta: number): void {
    this.countsOf(queue)[state] += delta;
  }

  async enqueueFlow(flow: JobFlow): Promise<string> {
    if (this.stopping) throw new Error('The job queue is shutting down');
    if (this.knownJobIds.has(flow.parent.jobId)) return flow.parent.jobId;
    this.knownJobIds.add(flow.parent.jobId);
    const parentData = this.registry.parsePayload(flow.parent.name, flow.parent.payload);
    const childData = flow.children.map((child) => this.registry.parsePayload(child.name, child.payload));
    const run = (async () => {
      const outcomes = await Promise.all(
        flow.children.map((child, index) => this.runWithRetries(child.name, childData[index], child.jobId)),
      );
      // As in BullMQ, the parent waits for children that completed; a failed child blocks it.
      if (outcomes.every(Boolean)) await this.runWithRetries(flow.parent.name, parentData, flow.parent.jobId);
    })();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return flow.parent.jobId;
  }

  async scheduleRepeating<N extends JobName>(name: N, payload: JobPayload<N>, everyMs: number): Promise<void> {
    this.registry.parsePayload(name, payload);
    clearInterval(this.schedules.get(name));
    const fire = () => {
      if (this.stopping) return;
      this.enqueue(name, payload).catch((error: unknown) =>
        this.logger.error({ err: error, jobName: name }, 'scheduled job not enqueued'),
      );
    };
    const timer = setInterval(fire, everyMs);
    timer.unref();
    this.schedules.set(name, timer);
    this.logger.log(`scheduled ${name} every ${everyMs} ms in this process`);
    // Like a BullMQ scheduler with `every`, the first run is now, not one interval later.
    fire();
  }

  async ping(): Promise<{ transport: 'in-process' }> {
    if (this.stopping) throw new Error('The job queue is shutting down');
    return { transport: 'in-process' };
  }

  /** Resolves once every job enqueued so far, and every job they enqueued, has finished. */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const timer of this.schedules.values()) clearInterval(timer);
    this.schedules.clear();
    await this.whenIdle();
  }

  /** Resolves true when the job completed, false when it finally failed. */
  private async runWithRetries(name: JobName, data: unknown, jobId: string): Promise<boolean> {
    const queue = queueOf(name);
    this.count(queue, 'active', 1);
    try {
      for (let attempt = 1; attempt <= DEFAULT_JOB_ATTEMPTS; attempt++) {
        try {
          await this.registry.run(name, data, { jobId, attempt, updateProgress: async () => undefined });
          this.count(queue, 'completed', 1);
          return true;
        } catch (error) {
          const final = error instanceof InvalidJobPayloadError || attempt === DEFAULT_JOB_ATTEMPTS;
          this.logger.error(
            { err: error, jobId, jobName: name, attempt },
            final ? 'job failed' : 'job failed, retrying',
          );
          if (final) {
            this.recordFailure({ queue, id: jobId, name, payload: data, attempts: attempt, error });
            return false;
          }
          await sleep(DEFAULT_BACKOFF_MS * 2 ** (attempt - 1));
        }
      }
      return false;
    } finally {
      this.count(queue, 'active', -1);
    }
  }

  private recordFailure(failed: Omit<FailedJobRecord, 'failedReason' | 'failedAt'> & { error: unknown }): void {
    const { error, ...job } = failed;
    this.count(job.queue, 'failed', 1);
    this.failures.delete(job.id);
    this.failures.set(job.id, {
      ...job,
      failedReason: error instanceof Error ? error.message : String(error),
      failedAt: new Date(),
    });
    // A Map iterates in insertion order: the first key is the oldest failure.
    if (this.failures.size > MAX_FAILURES_HELD) this.failures.delete(this.failures.keys().next().value as string);
  }
}
