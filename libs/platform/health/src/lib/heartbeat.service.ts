import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler, JobProcessor, JobQueue, ParsedJobPayload } from '@probity/queue';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Heartbeat } from './heartbeat.entity';
import { HeartbeatRepository } from './heartbeat.repository';

@Injectable()
export class HeartbeatService {
  constructor(
    private readonly jobs: JobQueue,
    private readonly heartbeats: HeartbeatRepository,
  ) {}

  async send(message: string, workMs = 0): Promise<string> {
    const heartbeatId = randomUUID();
    await this.jobs.enqueue(
      'system.heartbeat',
      { heartbeatId, message, workMs },
      { jobId: `heartbeat-${heartbeatId}` },
    );
    return heartbeatId;
  }

  find(heartbeatId: string): Promise<Heartbeat | null> {
    return this.heartbeats.findById(heartbeatId);
  }
}

@JobProcessor('system.heartbeat')
@Injectable()
export class HeartbeatJobHandler implements JobHandler<'system.heartbeat'> {
  constructor(private readonly heartbeats: HeartbeatRepository) {}

  async handle(payload: ParsedJobPayload<'system.heartbeat'>, context: JobContext): Promise<{ recorded: boolean }> {
    if (payload.workMs > 0) await sleep(payload.workMs);
    const recorded = await this.heartbeats.recordOnce({
      id: payload.heartbeatId,
      message: payload.message,
      processedBy: `${hostname()}:${process.pid}`,
      attempt: context.attempt,
    });
    await context.updateProgress(100);
    return { recorded };
  }
}
