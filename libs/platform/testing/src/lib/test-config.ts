import { randomBytes } from 'node:crypto';
import { AppConfig, loadConfig } from '@probity/config';

export function uniqueQueuePrefix(): string {
  return `probity-test-${randomBytes(5).toString('hex')}`;
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
}

/** Services-mode configuration pointing at a test database and a queue prefix of its own. */
export function servicesTestConfig(databaseUrl: string, overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: uniqueQueuePrefix(),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ...overrides,
  });
}
