import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase, testRedisUrl, uniqueQueuePrefix } from '@probity/testing';
import { childEnvironment, RunningProcess, startBuilt, waitFor } from './support/processes';

describe('worker killed with SIGKILL in the middle of a job', () => {
  let database: TestDatabase;
  let queue: Queue;
  let env: NodeJS.ProcessEnv;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const prefix = uniqueQueuePrefix();
    env = childEnvironment({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: prefix,
      // A short lock lets the restarted worker reclaim the orphaned job within seconds.
      JOB_LOCK_DURATION_MS: '2000',
      LOG_LEVEL: 'info',
    });
    queue = new Queue('system', { connection: { url: testRedisUrl() }, prefix });
  });

  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await queue.obliterate({ force: true });
    await queue.close();
    await database.drop();
  });

  const heartbeatRows = async (id: string): Promise<number> =>
    (await database.dataSource.query(`SELECT count(*)::int AS n FROM heartbeats WHERE id = $1`, [id]))[0].n;

  it('picks the job up again after restart and completes it exactly once', async () => {
    const first = startBuilt('apps/worker/src/main.js', env);
    workers.push(first);
    await first.waitForOutput(/consuming queue system/);

    const heartbeatId = randomUUID();
    await queue.add(
      'system.heartbeat',
      { heartbeatId, message: 'survives a crash', workMs: 4000 },
      { jobId: `crash-${heartbeatId}` },
    );
    await waitFor(async () => (await queue.getJob(`crash-${heartbeatId}`))?.isActive());

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(await heartbeatRows(heartbeatId)).toBe(0);

    const second = startBuilt('apps/worker/src/main.js', env);
    workers.push(second);
    await waitFor(async () => (await queue.getJob(`crash-${heartbeatId}`))?.isCompleted(), 60000);

    expect(await heartbeatRows(heartbeatId)).toBe(1);
    second.child.kill('SIGKILL');
    await second.exited;
  });

  it('lets an in-flight job finish when stopped with SIGTERM', async () => {
    const worker = startBuilt('apps/worker/src/main.js', env);
    workers.push(worker);
    await worker.waitForOutput(/consuming queue system/);

    const heartbeatId = randomUUID();
    await queue.add(
      'system.heartbeat',
      { heartbeatId, message: 'graceful', workMs: 2500 },
      { jobId: `term-${heartbeatId}` },
    );
    await waitFor(async () => (await queue.getJob(`term-${heartbeatId}`))?.isActive());

    worker.child.kill('SIGTERM');
    const exit = await worker.exited;

    // Nest re-raises the signal after its shutdown hooks ran, so the process ends "by" SIGTERM.
    expect(exit.signal ?? exit.code).toBe('SIGTERM');
    expect(await (await queue.getJob(`term-${heartbeatId}`))?.isCompleted()).toBe(true);
    expect(await heartbeatRows(heartbeatId)).toBe(1);
  });
});
