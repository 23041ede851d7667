import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { AppConfig } from '@probity/config';

/**
 * Where rate-limit counters live. In services mode several api processes serve one installation, so
 * the counters are in the shared Redis (under the installation's QUEUE_PREFIX): a client cannot get
 * N times the limit by landing on N processes. Zero-setup mode is one process and keeps them in memory
 * (undefined: the throttler's own in-memory storage).
 */
export function throttlerStorageFor(config: AppConfig): ThrottlerStorage | undefined {
  if (config.mode !== 'services' || !config.redisUrl) return undefined;
  // The storage opens (and, on shutdown, closes) its own connection; the prefix keeps installations apart.
  return new ThrottlerStorageRedisService(config.redisUrl, { keyPrefix: `${config.queuePrefix}:throttle:` });
}
