import { Injectable } from '@nestjs/common';
import { InlineJobQueue } from './inline-job-queue';
import { QueueName } from './job-contracts';
import { FailedJobRecord, JobInspector, QueueJobCounts } from './job-inspector';

/** Zero-setup mode: what the in-process queue has run and held since this process started. */
@Injectable()
export class InlineJobInspector extends JobInspector {
  constructor(private readonly jobs: InlineJobQueue) {
    super();
  }

  async counts(): Promise<QueueJobCounts[]> {
    return this.jobs.jobCounts();
  }

  async failedJobs(limitPerQueue: number): Promise<FailedJobRecord[]> {
    const taken = new Map<QueueName, number>();
    return this.jobs.failedJobs().filter((job) => {
      const count = (taken.get(job.queue) ?? 0) + 1;
      taken.set(job.queue, count);
      return count <= limitPerQueue;
    });
  }

  async failedJob(queue: QueueName, id: string): Promise<FailedJobRecord | null> {
    return this.jobs.failedJobs().find((job) => job.queue === queue && job.id === id) ?? null;
  }

  async retry(queue: QueueName, id: string): Promise<boolean> {
    return (await this.failedJob(queue, id)) !== null && this.jobs.retryFailed(id);
  }
}
