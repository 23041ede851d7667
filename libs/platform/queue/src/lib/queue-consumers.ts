import { getQueueToken, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, Type } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { QueueName } from './job-contracts';
import { InvalidJobPayloadError, JobHandlerRegistry } from './job-handler.registry';

export interface ConsumerOptions {
  concurrency: number;
  lockDurationMs: number;
}

/** One BullMQ worker class per queue, all delegating to the same handler registry. */
export function createQueueProcessor(queue: QueueName, options: ConsumerOptions): Type<WorkerHost> {
  @Processor(queue, {
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs,
    stalledInterval: Math.max(1000, Math.floor(options.lockDurationMs / 2)),
    // Started by QueueConsumers once every job is known to have a handler.
    autorun: false,
  })
  class QueueProcessor extends WorkerHost {
    constructor(@Inject(JobHandlerRegistry) private readonly registry: JobHandlerRegistry) {
      super();
    }

    async process(job: Job): Promise<unknown> {
      try {
        return await this.registry.run(job.name, job.data, {
          jobId: job.id ?? '',
          attempt: job.attemptsMade + 1,
          updateProgress: (progress) => job.updateProgress(progress),
        });
      } catch (error) {
        if (error instanceof InvalidJobPayloadError) throw new UnrecoverableError(error.message);
        throw error;
      }
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue[0].toUpperCase()}${queue.slice(1)}QueueProcessor` });
  return QueueProcessor;
}

export const QUEUE_PROCESSORS = Symbol('QUEUE_PROCESSORS');

@Injectable()
export class QueueConsumers implements OnApplicationBootstrap {
  private readonly logger = new Logger(QueueConsumers.name);

  constructor(
    private readonly registry: JobHandlerRegistry,
    @Inject(QUEUE_PROCESSORS) private readonly processors: WorkerHost[],
  ) {}

  onApplicationBootstrap(): void {
    this.registry.assertEveryJobHasAHandler();
    for (const processor of this.processors) {
      processor.worker.run().catch((error: unknown) => this.logger.error({ err: error }, 'queue worker stopped'));
      this.logger.log(`consuming queue ${processor.worker.name}`);
    }
  }
}

export { getQueueToken };
