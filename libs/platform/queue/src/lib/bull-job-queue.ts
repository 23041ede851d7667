import { getFlowProducerToken, getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { FlowProducer, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobName, JobPayload, queueOf, QueueName } from './job-contracts';
import { JobHandlerRegistry } from './job-handler.registry';
import { EnqueueOptions, JobFlow, JobQueue } from './job-queue';

const PING_TIMEOUT_MS = 3000;
export const FLOW_PRODUCER = 'flows';

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

  async enqueueFlow(flow: JobFlow): Promise<string> {
    const producer = this.moduleRef.get<FlowProducer>(getFlowProducerToken(FLOW_PRODUCER), { strict: false });
    const node = await producer.add({
      name: flow.parent.name,
      queueName: queueOf(flow.parent.name),
      data: this.registry.parsePayload(flow.parent.name, flow.parent.payload),
      opts: { jobId: flow.parent.jobId },
      children: flow.children.map((child) => ({
        name: child.name,
        queueName: queueOf(child.name),
        data: this.registry.parsePayload(child.name, child.payload),
        // A child that finally fails leaves the parent waiting; the failure is visible on the child.
        opts: { jobId: child.jobId },
      })),
    });
    return node.job.id ?? flow.parent.jobId;
  }

  async scheduleRepeating<N extends JobName>(name: N, payload: JobPayload<N>, everyMs: number): Promise<void> {
    const data = this.registry.parsePayload(name, payload);
    const queue = this.moduleRef.get<Queue>(getQueueToken(queueOf(name)), { strict: false });
    // One scheduler per job name: an upsert from every worker start-up keeps exactly one schedule.
    await queue.upsertJobScheduler(name, { every: everyMs }, { name, data });
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
