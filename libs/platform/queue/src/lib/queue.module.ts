import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@probity/config';
import { BullJobQueue, FLOW_PRODUCER } from './bull-job-queue';
import { InlineJobInspector } from './inline-job-inspector';
import { InlineJobQueue } from './inline-job-queue';
import { BullJobInspector, JobInspector } from './job-inspector';
import { QueueName } from './job-contracts';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobOutbox, OutboxRelay } from './job-outbox';
import { OutboxEntry } from './outbox-entry.entity';
import { DEFAULT_BACKOFF_MS, DEFAULT_JOB_ATTEMPTS, JobQueue } from './job-queue';
import { createQueueProcessor, QUEUE_PROCESSORS, QueueConsumers } from './queue-consumers';

export interface QueueModuleOptions {
  /** Whether this process executes jobs (the worker, or the single zero-setup process). */
  consume: boolean;
}

@Module({})
export class QueueModule {
  static forRoot(config: AppConfig, options: QueueModuleOptions): DynamicModule {
    return config.mode === 'zero-setup' ? QueueModule.inline() : QueueModule.bullmq(config, options);
  }

  private static inline(): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [DiscoveryModule, TypeOrmModule.forFeature([OutboxEntry])],
      providers: [
        JobHandlerRegistry,
        JobOutbox,
        OutboxRelay,
        InlineJobQueue,
        { provide: JobQueue, useExisting: InlineJobQueue },
        { provide: JobInspector, useClass: InlineJobInspector },
        { provide: QUEUE_PROCESSORS, useValue: [] },
        QueueConsumers,
      ],
      exports: [JobQueue, JobInspector, InlineJobQueue, JobHandlerRegistry, JobOutbox, OutboxRelay],
    };
  }

  private static bullmq(config: AppConfig, { consume }: QueueModuleOptions): DynamicModule {
    if (!config.redisUrl) throw new Error('REDIS_URL is required in services mode');
    const queueNames = Object.values(QueueName);
    const processors = consume
      ? queueNames.map((queue) =>
          createQueueProcessor(queue, {
            concurrency: config.workerConcurrency,
            lockDurationMs: config.jobLockDurationMs,
          }),
        )
      : [];
    const consumerProviders: Provider[] = consume
      ? [
          ...processors,
          { provide: QUEUE_PROCESSORS, useFactory: (...instances: unknown[]) => instances, inject: processors },
          QueueConsumers,
        ]
      : [];
    return {
      module: QueueModule,
      global: true,
      imports: [
        DiscoveryModule,
        TypeOrmModule.forFeature([OutboxEntry]),
        BullModule.forRoot({
          // Blocking worker connections must never give up on a command.
          connection: { url: config.redisUrl, maxRetriesPerRequest: null },
          prefix: config.queuePrefix,
          defaultJobOptions: {
            attempts: DEFAULT_JOB_ATTEMPTS,
            backoff: { type: 'exponential', delay: DEFAULT_BACKOFF_MS },
            removeOnComplete: { age: 7 * 24 * 3600, count: 10000 },
            removeOnFail: { age: 30 * 24 * 3600 },
          },
        }),
        BullModule.registerQueue(...queueNames.map((name) => ({ name }))),
        BullModule.registerFlowProducer({ name: FLOW_PRODUCER }),
      ],
      providers: [
        JobHandlerRegistry,
        JobOutbox,
        OutboxRelay,
        BullJobQueue,
        { provide: JobQueue, useExisting: BullJobQueue },
        { provide: JobInspector, useClass: BullJobInspector },
        ...consumerProviders,
      ],
      exports: [JobQueue, JobInspector, JobHandlerRegistry, JobOutbox, OutboxRelay, BullModule],
    };
  }
}
