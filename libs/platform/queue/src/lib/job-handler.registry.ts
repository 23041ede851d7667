import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ALL_JOB_NAMES, isJobName, JOB_CONTRACTS, JobName, ParsedJobPayload } from './job-contracts';
import { JobContext, JobHandler, JobProcessor } from './job-handler';

export class MissingJobHandlersError extends Error {
  constructor(readonly jobNames: string[]) {
    super(`No processor is registered for job(s): ${jobNames.join(', ')}`);
    this.name = 'MissingJobHandlersError';
  }
}

/** A job whose payload can never succeed; transports fail it at once instead of retrying. */
export class InvalidJobPayloadError extends Error {
  constructor(jobName: string, details: string) {
    super(`Job ${jobName} has an invalid payload: ${details}`);
    this.name = 'InvalidJobPayloadError';
  }
}

@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: JobProcessor.KEY })) {
      const jobName = this.discovery.getMetadataByDecorator(JobProcessor, wrapper);
      if (!jobName || !wrapper.instance) continue;
      if (!isJobName(jobName)) throw new Error(`@JobProcessor names an undeclared job: ${jobName}`);
      if (this.handlers.has(jobName)) throw new Error(`Two processors are registered for job ${jobName}`);
      this.handlers.set(jobName, wrapper.instance as JobHandler<JobName>);
    }
  }

  /** Refuses to run a consumer that would leave some declared job unprocessed forever. */
  assertEveryJobHasAHandler(): void {
    const missing = ALL_JOB_NAMES.filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new MissingJobHandlersError(missing);
  }

  /** Validates a payload against its contract; producers call it before enqueueing, consumers before handling. */
  parsePayload<N extends JobName>(jobName: N, rawPayload: unknown): ParsedJobPayload<N> {
    const parsed = JOB_CONTRACTS[jobName].payload.safeParse(rawPayload);
    if (!parsed.success) {
      throw new InvalidJobPayloadError(
        jobName,
        parsed.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'} ${issue.message}`).join('; '),
      );
    }
    return parsed.data as ParsedJobPayload<N>;
  }

  async run(jobName: string, rawPayload: unknown, context: JobContext): Promise<unknown> {
    if (!isJobName(jobName)) throw new InvalidJobPayloadError(jobName, 'unknown job name');
    const handler = this.handlers.get(jobName);
    if (!handler) throw new MissingJobHandlersError([jobName]);
    return handler.handle(this.parsePayload(jobName, rawPayload), context);
  }
}
