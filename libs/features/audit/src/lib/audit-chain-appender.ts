import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { chainBatch } from './audit-chain';
import { AuditEntryRepository } from './audit-entry.repository';

/** Entries chained per transaction: one lock, one read of the pending entries, one UPDATE. */
export const APPEND_BATCH_SIZE = 500;
/** How often each process looks for pending entries; a save's entry is chained within about this long. */
export const APPEND_INTERVAL_MS = 200;

/**
 * Chains the entries requests write unchained. One appender per chain at a time, whichever process it
 * runs in: each batch holds the chain's PostgreSQL advisory lock for its own short transaction only.
 * Every process sweeps on a timer and skips a chain another process is appending to; readers that need
 * the whole chain (verification) wait for the lock and chain what is pending first.
 */
@Injectable()
export class AuditChainAppender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditChainAppender.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;
  private lastFailure?: string;

  constructor(private readonly entries: AuditEntryRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), APPEND_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** One pass over every chain with pending entries; returns how many entries it chained. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepAll()
      .then((chained) => {
        this.lastFailure = undefined;
        return chained;
      })
      .catch((error: unknown) => {
        // Nothing is lost: the entries stay pending and the next sweep retries. Said once per cause,
        // not five times a second while the database is away.
        const message = error instanceof Error ? error.message : String(error);
        if (message !== this.lastFailure) this.logger.warn({ err: message }, 'audit chaining deferred');
        this.lastFailure = message;
        return 0;
      })
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /**
   * Chains the agency's pending entries batch by batch until a batch comes back short. `wait` blocks on
   * another appender's lock instead of leaving the chain to it.
   */
  async chainPending(agencyId: string | null, { wait }: { wait: boolean }): Promise<number> {
    let chained = 0;
    for (;;) {
      const count = await this.entries.appendBatch(agencyId, APPEND_BATCH_SIZE, wait, chainBatch);
      if (count === null) return chained;
      chained += count;
      if (count < APPEND_BATCH_SIZE) return chained;
    }
  }

  private async sweepAll(): Promise<number> {
    let chained = 0;
    for (const agencyId of await this.entries.agenciesWithPending()) {
      chained += await this.chainPending(agencyId, { wait: false });
    }
    return chained;
  }
}
