import { Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import type { BenchResult } from '../run';

const JOBS = 10000;

/**
 * BullMQ's own ceiling on this machine: no-op jobs through real Redis with one worker process.
 * Other benchmarks report their job throughput as a ratio of this number.
 */
export async function measureNoopThroughput(jobs = JOBS, concurrency = 4): Promise<number> {
  const connection = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', maxRetriesPerRequest: null };
  const prefix = `probity-bench-${randomBytes(4).toString('hex')}`;
  const queue = new Queue('noop', { connection, prefix });
  try {
    await queue.addBulk(
      Array.from({ length: jobs }, (_, i) => ({ name: 'noop', data: { i }, opts: { removeOnComplete: true } })),
    );
    let done = 0;
    let allDone: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (allDone = resolve));
    const started = performance.now();
    const worker = new Worker(
      'noop',
      async () => {
        if (++done === jobs) allDone();
      },
      { connection, prefix, concurrency },
    );
    await finished;
    const elapsedSeconds = (performance.now() - started) / 1000;
    await worker.close();
    return jobs / elapsedSeconds;
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

export async function run(): Promise<BenchResult> {
  const rate = await measureNoopThroughput();
  return {
    name: 'BullMQ baseline (no-op jobs)',
    lines: [`- ${JOBS} no-op jobs, 1 worker, concurrency 4: **${rate.toFixed(0)} jobs/s**`],
  };
}
