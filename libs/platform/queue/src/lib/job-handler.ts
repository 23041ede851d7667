import { DiscoveryService } from '@nestjs/core';
import type { JobName, ParsedJobPayload } from './job-contracts';

export interface JobContext {
  readonly jobId: string;
  /** 1 on the first run, 2 on the first retry, and so on. */
  readonly attempt: number;
  updateProgress(progress: number | Record<string, unknown>): Promise<void>;
}

/**
 * A job's behaviour, independent of how it is transported. The same class runs under BullMQ in the
 * worker and in-process in zero-setup mode. Handlers must be idempotent: a retried or duplicated job
 * may reach `handle` more than once and must change nothing twice.
 */
export interface JobHandler<N extends JobName> {
  handle(payload: ParsedJobPayload<N>, context: JobContext): Promise<unknown>;
}

/** Marks a provider as the handler of one job name: `@JobProcessor('system.heartbeat')`. */
export const JobProcessor = DiscoveryService.createDecorator<JobName>();
