import type { INestApplication } from '@nestjs/common';
import { UnrecoverableError, Worker } from 'bullmq';
import type { AppConfig } from '@probity/config';
import { JobQueue, QueueName } from '@probity/queue';

/**
 * Leaves one `evaluation.start` job of the case failed in the real Redis: a worker of the test's own on the
 * api's scoring queue fails it at once with `reason`, then stops. Returns the job's id.
 */
export async function failedEvaluationStart(
  app: INestApplication,
  config: AppConfig,
  caseId: string,
  reason: string,
): Promise<string> {
  const worker = new Worker(
    QueueName.Scoring,
    async (): Promise<void> => {
      throw new UnrecoverableError(reason);
    },
    { connection: { url: config.redisUrl }, prefix: config.queuePrefix },
  );
  try {
    const failed = new Promise((resolve) => worker.once('failed', resolve));
    const jobId = await app.get(JobQueue).enqueue('evaluation.start', { caseId });
    await failed;
    return jobId;
  } finally {
    await worker.close();
  }
}
