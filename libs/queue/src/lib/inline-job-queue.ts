import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobName, JobPayload, queueOf, QueueName } from './job-contracts';
import { InvalidJobPayloadError, JobHandlerRegistry } from './job-handler.registry';
import { DEFAULT_BACKOFF_MS, DEFAULT_JOB_ATTEMPTS, EnqueueOptions, JobQueue } from './job-queue';

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

    const queue = queueOf(name);
    const previous = this.tails.get(queue) ?? Promise.resolve();
    const run = previous.then(async () => {
      if (options.delayMs) await sleep(options.delayMs);
      await this.runWithRetries(name, data, jobId);
    });
    this.tails.set(queue, run);
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return jobId;
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
    await this.whenIdle();
  }

  private async runWithRetries(name: JobName, data: unknown, jobId: string): Promise<void> {
    for (let attempt = 1; attempt <= DEFAULT_JOB_ATTEMPTS; attempt++) {
      try {
        await this.registry.run(name, data, { jobId, attempt, updateProgress: async () => undefined });
        return;
      } catch (error) {
        const final = error instanceof InvalidJobPayloadError || attempt === DEFAULT_JOB_ATTEMPTS;
        this.logger.error({ err: error, jobId, jobName: name, attempt }, final ? 'job failed' : 'job failed, retrying');
        if (final) return;
        await sleep(DEFAULT_BACKOFF_MS * 2 ** (attempt - 1));
      }
    }
  }
}
