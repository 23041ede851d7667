import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { JobContext, JobHandler, JobProcessor, JobQueue, ParsedJobPayload } from '@probity/queue';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Repository } from 'typeorm';
import { Heartbeat } from './heartbeat.entity';

@Injectable()
export class HeartbeatService {
  constructor(
    private readonly jobs: JobQueue,
    @InjectRepository(Heartbeat) private readonly heartbeats: Repository<Heartbeat>,
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
    return this.heartbeats.findOneBy({ id: heartbeatId });
  }
}

@JobProcessor('system.heartbeat')
@Injectable()
export class HeartbeatJobHandler implements JobHandler<'system.heartbeat'> {
  constructor(@InjectRepository(Heartbeat) private readonly heartbeats: Repository<Heartbeat>) {}

  async handle(payload: ParsedJobPayload<'system.heartbeat'>, context: JobContext): Promise<{ recorded: boolean }> {
    if (payload.workMs > 0) await sleep(payload.workMs);
    // The primary key makes a retried or duplicated job a no-op instead of a second row.
    const result = await this.heartbeats
      .createQueryBuilder()
      .insert()
      .values({
        id: payload.heartbeatId,
        message: payload.message,
        processedBy: `${hostname()}:${process.pid}`,
        attempt: context.attempt,
      })
      .orIgnore()
      .execute();
    await context.updateProgress(100);
    return { recorded: Array.isArray(result.raw) ? result.raw.length > 0 : true };
  }
}
