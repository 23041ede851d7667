import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobName, JobPayload, queueOf, QueueName } from './job-contracts';
import { JobHandlerRegistry } from './job-handler.registry';
import { EnqueueOptions, JobQueue } from './job-queue';

const PING_TIMEOUT_MS = 3000;

@Injectable()
export class BullJobQueue extends JobQueue {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly registry: JobHandlerRegistry,
  ) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions = {}): Promise<string> {
    const data = this.registry.parsePayload(name, payload);
    const queue = this.moduleRef.get<Queue>(getQueueToken(queueOf(name)), { strict: false });
    const job = await queue.add(name, data, { jobId: options.jobId ?? randomUUID(), delay: options.delayMs });
    return job.id ?? '';
  }

  async ping(): Promise<{ transport: 'redis' }> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(QueueName.System), { strict: false });
    // Commands wait for Redis to come back instead of failing, so bound the wait here.
    await Promise.race([
      queue.getJobCounts('waiting'),
      sleep(PING_TIMEOUT_MS).then(() => Promise.reject(new Error(`Redis did not answer within ${PING_TIMEOUT_MS} ms`))),
    ]);
    return { transport: 'redis' };
  }
}
