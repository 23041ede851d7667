import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { InlineJobQueue } from './inline-job-queue';
import { ParsedJobPayload } from './job-contracts';
import { JobContext, JobHandler, JobProcessor } from './job-handler';
import { InvalidJobPayloadError, JobHandlerRegistry, MissingJobHandlersError } from './job-handler.registry';

@JobProcessor('system.heartbeat')
@Injectable()
class FlakyHeartbeatHandler implements JobHandler<'system.heartbeat'> {
  readonly calls: Array<{ heartbeatId: string; attempt: number }> = [];
  failuresLeft = 0;
  /** Fails every call at once, as a job that can never succeed does. */
  refuse = false;

  async handle(payload: ParsedJobPayload<'system.heartbeat'>, context: JobContext): Promise<void> {
    this.calls.push({ heartbeatId: payload.heartbeatId, attempt: context.attempt });
    if (this.refuse) throw new InvalidJobPayloadError('system.heartbeat', 'the message is not understood');
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('transient failure');
    }
  }
}

async function createQueue(withHandler = true) {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [JobHandlerRegistry, InlineJobQueue, ...(withHandler ? [FlakyHeartbeatHandler] : [])],
  }).compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}

describe('InlineJobQueue (zero-setup transport)', () => {
  it('runs a job through its registered handler with a validated payload', async () => {
    const moduleRef = await createQueue();
    const queue = moduleRef.get(InlineJobQueue);
    const handler = moduleRef.get(FlakyHeartbeatHandler);
    const heartbeatId = randomUUID();

    await queue.enqueue('system.heartbeat', { heartbeatId, message: 'hello' });
    await queue.whenIdle();

    expect(handler.calls).toEqual([{ heartbeatId, attempt: 1 }]);
    await moduleRef.close();
  });

  it('ignores a second job with the same id', async () => {
    const moduleRef = await createQueue();
    const queue = moduleRef.get(InlineJobQueue);
    const handler = moduleRef.get(FlakyHeartbeatHandler);
    const heartbeatId = randomUUID();

    await queue.enqueue('system.heartbeat', { heartbeatId, message: 'once' }, { jobId: 'same' });
    await queue.enqueue('system.heartbeat', { heartbeatId, message: 'twice' }, { jobId: 'same' });
    await queue.whenIdle();

    expect(handler.calls).toHaveLength(1);
    await moduleRef.close();
  });

  it('retries a failing job and reports the attempt number', async () => {
    const moduleRef = await createQueue();
    const queue = moduleRef.get(InlineJobQueue);
    const handler = moduleRef.get(FlakyHeartbeatHandler);
    handler.failuresLeft = 1;

    await queue.enqueue('system.heartbeat', { heartbeatId: randomUUID(), message: 'retry me' });
    await queue.whenIdle();

    expect(handler.calls.map((call) => call.attempt)).toEqual([1, 2]);
    await moduleRef.close();
  });

  it('rejects an invalid payload at enqueue time, naming the field', async () => {
    const moduleRef = await createQueue();
    const queue = moduleRef.get(InlineJobQueue);

    await expect(queue.enqueue('system.heartbeat', { heartbeatId: 'not-a-uuid', message: 'x' })).rejects.toThrow(
      InvalidJobPayloadError,
    );
    await expect(queue.enqueue('system.heartbeat', { heartbeatId: 'not-a-uuid', message: 'x' })).rejects.toThrow(
      /heartbeatId/,
    );
    await moduleRef.close();
  });

  it('runs a scheduled job at once and then every interval, until shutdown', async () => {
    const moduleRef = await createQueue();
    const queue = moduleRef.get(InlineJobQueue);
    const handler = moduleRef.get(FlakyHeartbeatHandler);
    const heartbeatId = randomUUID();

    await queue.scheduleRepeating('system.heartbeat', { heartbeatId, message: 'tick' }, 50);
    await queue.whenIdle();
    expect(handler.calls).toHaveLength(1);
    await sleep(400);
    await queue.whenIdle();
    expect(handler.calls.length).toBeGreaterThanOrEqual(3);

    await moduleRef.close();
    const afterShutdown = handler.calls.length;
    await sleep(150);
    expect(handler.calls).toHaveLength(afterShutdown);
    expect(handler.calls.every((call) => call.heartbeatId === heartbeatId)).toBe(true);
  });

  it('refuses to schedule an invalid payload', async () => {
    const moduleRef = await createQueue();
    await expect(
      moduleRef.get(InlineJobQueue).scheduleRepeating('system.heartbeat', { heartbeatId: 'nope', message: 'x' }, 50),
    ).rejects.toThrow(InvalidJobPayloadError);
    await moduleRef.close();
  });

  it('holds a finally failed job with its reason and counts, and runs it again on retry', async () => {
    const moduleRef = await createQueue();
    const queue = moduleRef.get(InlineJobQueue);
    const handler = moduleRef.get(FlakyHeartbeatHandler);
    handler.refuse = true;

    const jobId = await queue.enqueue('system.heartbeat', { heartbeatId: randomUUID(), message: 'doomed' });
    await queue.whenIdle();
    const [failed] = queue.failedJobs();
    expect(failed).toEqual(
      expect.objectContaining({ id: jobId, queue: 'system', name: 'system.heartbeat', attempts: 1 }),
    );
    expect(failed.failedReason).toMatch(/not understood/);
    const system = () => queue.jobCounts().find((counts) => counts.queue === 'system')?.counts;
    expect(system()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 1, completed: 0 });

    handler.refuse = false;
    expect(queue.retryFailed(jobId)).toBe(true);
    expect(queue.retryFailed(jobId)).toBe(false);
    await queue.whenIdle();
    expect(handler.calls).toHaveLength(2);
    expect(queue.failedJobs()).toEqual([]);
    expect(system()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 1 });
    await moduleRef.close();
  });

  it('knows when a declared job has no handler', async () => {
    const moduleRef = await createQueue(false);
    expect(() => moduleRef.get(JobHandlerRegistry).assertEveryJobHasAHandler()).toThrow(MissingJobHandlersError);
    expect(() => moduleRef.get(JobHandlerRegistry).assertEveryJobHasAHandler()).toThrow(/system\.heartbeat/);
    await moduleRef.close();
  });
});
