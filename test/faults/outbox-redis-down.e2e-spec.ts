import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { HealthModule } from '@probity/health';
import { JobOutbox, OutboxRelay } from '@probity/queue';
import { CoreModule } from '@probity/runtime';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { PrivateRedis } from '../support/private-redis';

describe('transactional outbox when Redis is down', () => {
  let database: TestDatabase;
  let redis: PrivateRedis;
  let app: INestApplicationContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = await PrivateRedis.create();
    await redis.start();
    const config = servicesTestConfig(database.url, { REDIS_URL: redis.url });
    @Module({ imports: [CoreModule.forRoot(config, { consumeJobs: false }), HealthModule] })
    class ProducerModule {}
    app = await NestFactory.createApplicationContext(ProducerModule, { logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await redis.stop();
    await database.drop();
  });

  async function recordHeartbeatJob(commit: boolean): Promise<string> {
    const heartbeatId = randomUUID();
    await app
      .get(DataSource)
      .transaction(async (manager) => {
        await app
          .get(JobOutbox)
          .add(manager, 'system.heartbeat', { heartbeatId, message: 'outbox' }, { jobId: `outbox-${heartbeatId}` });
        if (!commit) throw new Error('roll back');
      })
      .catch((error: Error) => {
        if (commit) throw error;
      });
    return `outbox-${heartbeatId}`;
  }

  it('never enqueues the job of a rolled-back change', async () => {
    const jobId = await recordHeartbeatJob(false);
    await app.get(OutboxRelay).dispatchPending();
    expect(await app.get<Queue>(getQueueToken('system'), { strict: false }).getJob(jobId)).toBeUndefined();
  });

  it('keeps a committed job while Redis is down and enqueues it exactly once when Redis returns', async () => {
    const relay = app.get(OutboxRelay);
    await redis.stop();

    const jobId = await recordHeartbeatJob(true);
    expect(await relay.dispatchPending()).toBe(0);
    expect(await relay.pendingCount()).toBe(1);

    await redis.start();
    let dispatched = 0;
    for (let i = 0; i < 40 && (await relay.pendingCount()) > 0; i++) dispatched += await relay.dispatchPending();

    expect(await relay.pendingCount()).toBe(0);
    const queue = app.get<Queue>(getQueueToken('system'), { strict: false });
    const job = await queue.getJob(jobId);
    expect(job?.name).toBe('system.heartbeat');
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
    expect(dispatched).toBe(1);
  });
});
