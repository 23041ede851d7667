import Redis from 'ioredis';
import { createHmac } from 'node:crypto';
import type { AppConfig } from '@probity/config';

/** One secret every process of an installation must share, by the variable that configures it. */
export interface SharedSecret {
  variable: string;
  /** What the secret is, for the refusal ("session secret", "dossier seal"). */
  name: string;
  /** A value that is equal exactly when the secrets are, and reveals nothing about them. */
  fingerprint: string;
  /** How to make the processes agree. */
  remedy: string;
}

/** A fingerprint of a secret string: an HMAC under the secret itself, so the stored value reveals nothing. */
export function secretFingerprint(secret: string): string {
  return createHmac('sha256', secret).update('probity: same secret on every process').digest('hex');
}

/** The secrets whose fingerprint differs from the one recorded by the installation's other processes. */
export function disagreeingSecrets(recorded: Record<string, string>, mine: readonly SharedSecret[]): SharedSecret[] {
  return mine.filter(
    (secret) => recorded[secret.variable] !== undefined && recorded[secret.variable] !== secret.fingerprint,
  );
}

/** The refusal: one line naming the variable, what differs and how to fix it. */
export function disagreementMessage(secret: SharedSecret): string {
  return `${secret.variable}: this process's ${secret.name} differs from the one the other Probity processes of this installation use (same Redis and QUEUE_PREFIX). ${secret.remedy}`;
}

/** How long the record outlives the last running process: then a changed secret (a rotation) is accepted. */
export const RECORD_LIFETIME_SECONDS = 120;
const REFRESH_MS = 30_000;

async function withRedis<T>(config: AppConfig, use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(config.redisUrl as string, { maxRetriesPerRequest: 3, lazyConnect: true });
  try {
    await redis.connect();
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

/**
 * Services mode: records this process's secret fingerprints in the shared Redis unless another
 * running process recorded them first, and returns the secrets that disagree (empty: agreed). While
 * the process runs it keeps the record alive, so every later process is compared with it; once all
 * processes stopped for RECORD_LIFETIME_SECONDS, new secrets (a rotation) are recorded afresh.
 */
export async function agreeOnSharedSecrets(
  config: AppConfig,
  secrets: readonly SharedSecret[],
): Promise<SharedSecret[]> {
  const key = `${config.queuePrefix}:installation:secret-fingerprints`;
  const record = (redis: Redis) =>
    Promise.all([
      ...secrets.map((secret) => redis.hsetnx(key, secret.variable, secret.fingerprint)),
      redis.expire(key, RECORD_LIFETIME_SECONDS),
    ]);
  const disagreeing = await withRedis(config, async (redis) => {
    await record(redis);
    return disagreeingSecrets(await redis.hgetall(key), secrets);
  });
  if (disagreeing.length === 0) {
    // A connection per refresh: a lasting one would keep a stopping process alive.
    setInterval(() => void withRedis(config, record).catch(() => undefined), REFRESH_MS).unref();
  }
  return disagreeing;
}

/** The api's session secret as a shared secret; services mode refuses a generated one (it would differ per machine). */
export function sessionSecretOf(config: AppConfig): SharedSecret | { missing: string } {
  if (!config.sessionSecret)
    return {
      missing:
        'SESSION_SECRET must be set in services mode: every api process signs and checks CSRF tokens with it, so all need the same value (for example from `openssl rand -hex 32`), not one generated per machine',
    };
  return {
    variable: 'SESSION_SECRET',
    name: 'session secret',
    fingerprint: secretFingerprint(config.sessionSecret),
    remedy: 'Give every api process the same SESSION_SECRET.',
  };
}

/**
 * Start-up in services mode: stops the process (exit 78, one line naming the variable) when a secret
 * is missing or differs from the one the installation's other processes use.
 */
export async function exitUnlessSecretsAgree(
  config: AppConfig,
  secrets: ReadonlyArray<SharedSecret | { missing: string }>,
): Promise<void> {
  if (config.mode !== 'services') return;
  const problems: string[] = secrets.flatMap((secret) => ('missing' in secret ? [secret.missing] : []));
  if (problems.length === 0) {
    const present = secrets.filter((secret): secret is SharedSecret => !('missing' in secret));
    problems.push(...(await agreeOnSharedSecrets(config, present)).map(disagreementMessage));
  }
  if (problems.length === 0) return;
  process.stderr.write(`probity: ${problems.join('; ')}\n`);
  process.exit(78); // EX_CONFIG
}
