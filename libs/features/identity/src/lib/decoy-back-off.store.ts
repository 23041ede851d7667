import { OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { RedisExpiringStore } from '@probity/runtime';
import type { BackOffState } from './sign-in-back-off';

/**
 * Back-off state of e-mail addresses without an account. Real accounts keep theirs on the account row;
 * these must back off the same way, or a lock-out would tell which addresses have an account.
 */
export abstract class DecoyBackOffStore {
  abstract get(email: string): Promise<BackOffState | undefined>;
  abstract set(email: string, state: BackOffState): Promise<void>;
}

const MEMORY_ENTRIES = 10_000;

/** One process (zero-setup mode): the newest few thousand addresses in memory, so guessing cannot grow it without bound. */
export class MemoryDecoyBackOff extends DecoyBackOffStore {
  private readonly states = new Map<string, BackOffState>();

  async get(email: string): Promise<BackOffState | undefined> {
    return this.states.get(email);
  }

  async set(email: string, state: BackOffState): Promise<void> {
    this.states.delete(email);
    this.states.set(email, state);
    if (this.states.size > MEMORY_ENTRIES) this.states.delete(this.states.keys().next().value as string);
  }
}

/** Longer than the longest lock; an address left alone that long starts again from nothing. */
const REDIS_TTL_SECONDS = 24 * 3600;

/**
 * Several api processes (services mode): the state lives in the shared Redis, so guesses spread over
 * the processes are counted together, exactly as for a real account. Only the address's hash is stored.
 */
export class RedisDecoyBackOff extends DecoyBackOffStore implements OnModuleDestroy {
  constructor(private readonly store: RedisExpiringStore) {
    super();
  }

  private key(email: string): string {
    return createHash('sha256').update(email).digest('hex');
  }

  async get(email: string): Promise<BackOffState | undefined> {
    const stored = await this.store.get(this.key(email));
    if (!stored) return undefined;
    const { failedSignIns, lockedUntil } = JSON.parse(stored) as { failedSignIns: number; lockedUntil: string | null };
    return { failedSignIns, lockedUntil: lockedUntil ? new Date(lockedUntil) : null };
  }

  async set(email: string, state: BackOffState): Promise<void> {
    const stored = JSON.stringify({
      failedSignIns: state.failedSignIns,
      lockedUntil: state.lockedUntil?.toISOString() ?? null,
    });
    await this.store.set(this.key(email), stored, REDIS_TTL_SECONDS);
  }

  onModuleDestroy(): Promise<void> {
    return this.store.close();
  }
}
