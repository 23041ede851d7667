import Redis from 'ioredis';

/**
 * Small values that expire, shared by every process of a services-mode installation (in its Redis,
 * under a prefix). For state that must be the same whichever process a request reaches.
 */
export class RedisExpiringStore {
  private readonly redis: Redis;

  constructor(
    redisUrl: string,
    private readonly keyPrefix: string,
  ) {
    this.redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  }

  get(key: string): Promise<string | null> {
    return this.redis.get(`${this.keyPrefix}${key}`);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(`${this.keyPrefix}${key}`, value, 'EX', ttlSeconds);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
