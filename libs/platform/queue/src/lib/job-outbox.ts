import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ambientTransaction } from '@probity/database';
import { JobName, JobPayload } from './job-contracts';
import { JobHandlerRegistry } from './job-handler.registry';
import { EnqueueOptions, JobQueue } from './job-queue';
import { OutboxEntry } from './outbox-entry.entity';

const RELAY_INTERVAL_MS = 250;
const RELAY_BATCH = 100;
const ENQUEUE_TIMEOUT_MS = 3000;

/**
 * The transactional outbox: a job is written in the same database transaction as the state change
 * that causes it, so a committed change always gets its job, even when Redis is down at that moment,
 * and a rolled-back change never does.
 */
@Injectable()
export class JobOutbox {
  constructor(private readonly registry: JobHandlerRegistry) {}

  /**
   * Records a job in the unit of work open around the caller (`UnitOfWork.run`), or in the given
   * transaction. Outside any transaction it throws: a job written on its own could outlive a rolled-back
   * change or be lost with a committed one.
   */
  async add<N extends JobName>(name: N, payload: JobPayload<N>, options?: EnqueueOptions): Promise<string>;
  async add<N extends JobName>(
    manager: EntityManager,
    name: N,
    payload: JobPayload<N>,
    options?: EnqueueOptions,
  ): Promise<string>;
  async add<N extends JobName>(...args: OutboxArguments<N>): Promise<string> {
    const [manager, name, payload, options = {}] = (
      typeof args[0] === 'string' ? [ambientOrFail(), ...args] : args
    ) as [EntityManager, N, JobPayload<N>, EnqueueOptions?];
    const id = randomUUID();
    const jobId = options.jobId ?? id;
    await manager.insert(OutboxEntry, {
      id,
      jobName: name,
      jobId,
      payload: this.registry.parsePayload(name, payload) as object,
      delayMs: options.delayMs ?? 0,
    });
    return jobId;
  }

  /** Whether a job with this id was ever recorded, for callers that must not queue it twice. */
  has(manager: EntityManager, jobId: string): Promise<boolean> {
    return manager.existsBy(OutboxEntry, { jobId });
  }
}

type OutboxArguments<N extends JobName> =
  | [name: N, payload: JobPayload<N>, options?: EnqueueOptions]
  | [manager: EntityManager, name: N, payload: JobPayload<N>, options?: EnqueueOptions];

function ambientOrFail(): EntityManager {
  const manager = ambientTransaction();
  if (!manager) throw new Error('JobOutbox.add needs a transaction: call it inside UnitOfWork.run');
  return manager;
}

/** Moves committed outbox entries onto the queue. Safe to run in several processes at once. */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.dispatchPending().catch(() => undefined), RELAY_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Dispatches one batch; returns how many entries reached the queue. */
  dispatchPending(): Promise<number> {
    this.running ??= this.dispatchBatch().finally(() => (this.running = undefined));
    return this.running;
  }

  async pendingCount(): Promise<number> {
    return this.dataSource.getRepository(OutboxEntry).countBy({ dispatchedAt: IsNull() });
  }

  private dispatchBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const entries = await manager
        .getRepository(OutboxEntry)
        .createQueryBuilder('entry')
        .where('entry.dispatched_at IS NULL')
        .orderBy('entry.created_at', 'ASC')
        .limit(RELAY_BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let dispatched = 0;
      for (const entry of entries) {
        try {
          // The job id makes a repeated dispatch (after a timeout that did reach Redis) a no-op.
          await Promise.race([
            this.jobs.enqueue(entry.jobName as JobName, entry.payload as never, {
              jobId: entry.jobId,
              delayMs: entry.delayMs || undefined,
            }),
            sleep(ENQUEUE_TIMEOUT_MS).then(() => Promise.reject(new Error('the queue did not answer in time'))),
          ]);
          await manager.update(OutboxEntry, entry.id, { dispatchedAt: new Date() });
          dispatched++;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await manager.update(OutboxEntry, entry.id, {
            dispatchAttempts: entry.dispatchAttempts + 1,
            lastError: message.slice(0, 1000),
          });
          this.logger.warn({ jobName: entry.jobName, jobId: entry.jobId, err: message }, 'outbox dispatch deferred');
          break; // The transport is likely down: keep order and try the rest on the next pass.
        }
      }
      return dispatched;
    });
  }
}
