import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { HeartbeatService } from '@probity/health';
import { JobQueue } from '@probity/queue';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, servicesTestConfig, TestDatabase, waitFor } from '@probity/testing';
import { WorkerModule } from './worker.module';

describe('worker (real Redis and PostgreSQL)', () => {
  let database: TestDatabase;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(servicesTestConfig(database.url)), {
      logger: false,
    });
    await worker.init();
  });

  afterAll(async () => {
    for (const name of ['system', 'notifications']) {
      await worker.get<Queue>(getQueueToken(name), { strict: false }).obliterate({ force: true });
    }
    await worker.close();
    await database.drop();
  });

  it('carries a job through Redis to the processor and lands its result in PostgreSQL', async () => {
    const heartbeats = worker.get(HeartbeatService);
    const heartbeatId = await heartbeats.send('through redis');

    const queue = worker.get<Queue>(getQueueToken('system'), { strict: false });
    const job = await queue.getJob(`heartbeat-${heartbeatId}`);
    expect(job?.name).toBe('system.heartbeat');

    const row = await waitFor(() => heartbeats.find(heartbeatId));
    expect(row.message).toBe('through redis');
    expect(row.attempt).toBe(1);
    expect(await waitFor(async () => (await queue.getJob(`heartbeat-${heartbeatId}`))?.finishedOn)).toBeGreaterThan(0);
  });

  it('schedules the deadline reminders hourly at start-up and runs them once right away', async () => {
    const queue = worker.get<Queue>(getQueueToken('notifications'), { strict: false });
    const scheduler = await waitFor(() => queue.getJobScheduler('invites.send-reminders'));
    expect(scheduler.every).toBe(3600000);
    expect(scheduler.name).toBe('invites.send-reminders');
    const completed = await waitFor(async () => {
      const jobs = await queue.getJobs(['completed']);
      return jobs.find((job) => job.name === 'invites.send-reminders');
    });
    expect(completed.returnvalue).toEqual({ queued: 0 });
  });

  it('fails a job with an invalid payload once, without retrying, and says why', async () => {
    const queue = worker.get<Queue>(getQueueToken('system'), { strict: false });
    await queue.add('system.heartbeat', { heartbeatId: 'not-a-uuid', message: 'x' }, { jobId: 'invalid-1' });

    const failed = await waitFor(async () => {
      const job = await queue.getJob('invalid-1');
      return job?.failedReason ? job : null;
    });
    expect(failed.failedReason).toMatch(/invalid payload: heartbeatId/);
    expect(failed.attemptsMade).toBe(1);
  });

  it('processes a duplicated job id only once', async () => {
    const queue = worker.get<Queue>(getQueueToken('system'), { strict: false });
    const heartbeatId = '6d3c8d1e-3b1f-4a3e-9f44-0d6b6a1e2c11';
    await queue.add('system.heartbeat', { heartbeatId, message: 'first' }, { jobId: 'dup-1' });
    await queue.add('system.heartbeat', { heartbeatId, message: 'second' }, { jobId: 'dup-1' });

    const row = await waitFor(() => worker.get(HeartbeatService).find(heartbeatId));
    expect(row.message).toBe('first');
    const count = await database.dataSource.query(`SELECT count(*)::int AS n FROM heartbeats WHERE id = $1`, [
      heartbeatId,
    ]);
    expect(count[0].n).toBe(1);
  });

  it('runs the parent of a flow only after every child completed', async () => {
    const [childA, childB, parent] = [randomUUID(), randomUUID(), randomUUID()];
    await worker.get(JobQueue).enqueueFlow({
      parent: {
        name: 'system.heartbeat',
        payload: { heartbeatId: parent, message: 'parent' },
        jobId: `flow-${parent}`,
      },
      children: [
        {
          name: 'system.heartbeat',
          payload: { heartbeatId: childA, message: 'child', workMs: 300 },
          jobId: `flow-${childA}`,
        },
        {
          name: 'system.heartbeat',
          payload: { heartbeatId: childB, message: 'child', workMs: 600 },
          jobId: `flow-${childB}`,
        },
      ],
    });
    const heartbeats = worker.get(HeartbeatService);
    const parentRow = await waitFor(() => heartbeats.find(parent));
    const childRows = await Promise.all([heartbeats.find(childA), heartbeats.find(childB)]);
    for (const child of childRows) {
      expect(child).not.toBeNull();
      expect(child!.completedAt.getTime()).toBeLessThanOrEqual(parentRow.completedAt.getTime());
    }
  });
});
