import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

export type RuntimeMode = 'zero-setup' | 'services';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const urlWithProtocols = (protocols: string[]) =>
  optionalString.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}` },
  );

/** Express's names for address ranges; anything else in TRUST_PROXY must be an IP address or a CIDR range. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * Which reverse proxies may tell the client's address in X-Forwarded-For. Default: none, so the
 * address a rate limit counts is the connection's own and a client cannot pick a fresh one per
 * request. Either a hop count (1–10: that many proxies in front) or a comma-separated list of
 * addresses, CIDR ranges and the names loopback, linklocal, uniquelocal. "Trust every hop" is refused.
 */
const trustProxy = z
  .string()
  .trim()
  .default('none')
  .transform((value, context): false | number | string[] => {
    if (value === '' || value === 'none' || value === 'false') return false;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops >= 1 && hops <= 10) return hops;
      context.addIssue({ code: 'custom', message: 'must be a hop count from 1 to 10' });
      return z.NEVER;
    }
    const entries = value.split(',').map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isProxyAddress(entry));
    if (wrong.length) {
      context.addIssue({
        code: 'custom',
        message: `must be none, a hop count (1–10) or proxy addresses, CIDR ranges, loopback, linklocal or uniquelocal, separated by commas (not: ${wrong.join(', ')})`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** The PostgreSQL pool of one process unless DATABASE_POOL_SIZE / DATABASE_POOL_WAIT_MS say otherwise. */
export const DATABASE_POOL_DEFAULTS = { size: 10, waitMs: 5000 } as const;

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: urlWithProtocols(['postgres', 'postgresql']),
  REDIS_URL: urlWithProtocols(['redis', 'rediss']),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  PUBLIC_BASE_URL: z.url({ message: 'must be an absolute http(s) URL' }).optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i, { message: 'may contain only letters, digits, "-" and "_"' })
    .default('probity'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  JOB_LOCK_DURATION_MS: z.coerce.number().int().min(1000).max(600000).default(30000),
  PUPPETEER_EXECUTABLE_PATH: optionalString,
  SMTP_URL: urlWithProtocols(['smtp', 'smtps']),
  MAIL_FROM: z.string().default('Probity <no-reply@probity.local>'),
  /** PKCS#12 file with the agency's seal key and certificate chain; unset: a local CA and seal under DATA_DIR/keys. */
  DOSSIER_SIGNING_P12_FILE: optionalString,
  /** File holding the PKCS#12 passphrase (never the passphrase itself: it must not reach argv or logs). */
  DOSSIER_SIGNING_P12_PASSPHRASE_FILE: optionalString,
  /** PEM bundle of further CA certificates dossier seals may chain to (earlier CAs after a rotation). */
  DOSSIER_TRUST_ANCHORS_FILE: optionalString,
  /** RFC 3161 time-stamping authority: with it, every dossier signature carries a timestamp (PAdES B-T). */
  TSA_URL: urlWithProtocols(['http', 'https']),
  /** Secret for CSRF tokens (≥ 32 characters); unset: generated once under DATA_DIR/keys. Same value on every api instance. */
  SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  /** Requests per minute one client address may make; sign-in and provider links have stricter limits of their own. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(1000000).default(600),
  /** Requests per minute one client address may make on provider links: enough for autosave, too few to guess tokens. */
  PORTAL_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(1000000).default(60),
  TRUST_PROXY: trustProxy,
  /** on: every response carries a Server-Timing header with the time of each step (for benchmarks). */
  SERVER_TIMING: z.enum(['on', 'off']).default('off'),
  /** PostgreSQL connections one process may hold (services mode); PostgreSQL's max_connections bounds the sum. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(DATABASE_POOL_DEFAULTS.size),
  /** How long a request waits for a free connection before it is answered 503 with Retry-After. */
  DATABASE_POOL_WAIT_MS: z.coerce.number().int().min(50).max(60000).default(DATABASE_POOL_DEFAULTS.waitMs),
});

/** The validated configuration; also the injection token for it. */
export abstract class AppConfig {
  declare readonly mode: RuntimeMode;
  declare readonly nodeEnv: 'development' | 'production' | 'test';
  declare readonly port: number;
  declare readonly logLevel: string;
  declare readonly databaseUrl?: string;
  declare readonly redisUrl?: string;
  declare readonly dataDir: string;
  declare readonly publicBaseUrl: string;
  declare readonly queuePrefix: string;
  declare readonly workerConcurrency: number;
  declare readonly jobLockDurationMs: number;
  declare readonly browserExecutablePath?: string;
  declare readonly smtpUrl?: string;
  declare readonly mailFrom: string;
  declare readonly dossierSigningP12File?: string;
  declare readonly dossierSigningP12PassphraseFile?: string;
  declare readonly dossierTrustAnchorsFile?: string;
  declare readonly tsaUrl?: string;
  declare readonly sessionSecret?: string;
  declare readonly rateLimitPerMinute: number;
  declare readonly portalRateLimitPerMinute: number;
  /** Express `trust proxy`: false (the default), a hop count, or the trusted proxies' addresses and ranges. */
  declare readonly trustProxy: false | number | string[];
  /** Server-Timing header on every response (SERVER_TIMING=on). */
  declare readonly serverTiming: boolean;
  /** Connections in the PostgreSQL pool of this process (services mode). */
  declare readonly databasePoolSize: number;
  /** Milliseconds a caller waits for a pool connection before the request fails with 503. */
  declare readonly databasePoolWaitMs: number;
}

/**
 * Reads and validates the environment once. Either both DATABASE_URL and REDIS_URL are set (services
 * mode, separate api and worker processes) or neither (zero-setup mode: embedded PostgreSQL and
 * in-process jobs), because half of each would split one tender's data across two stores.
 */
export function loadConfig(environment: NodeJS.ProcessEnv): AppConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const env = parsed.data;
  if (Boolean(env.DATABASE_URL) !== Boolean(env.REDIS_URL)) {
    throw new ConfigError([
      'DATABASE_URL and REDIS_URL must be set together (services mode) or both left unset (zero-setup mode)',
    ]);
  }
  if (Boolean(env.DOSSIER_SIGNING_P12_FILE) !== Boolean(env.DOSSIER_SIGNING_P12_PASSPHRASE_FILE)) {
    throw new ConfigError([
      'DOSSIER_SIGNING_P12_FILE and DOSSIER_SIGNING_P12_PASSPHRASE_FILE must be set together (or both left unset for a local seal)',
    ]);
  }
  const path = (value: string | undefined) => (value ? resolve(value) : undefined);
  return {
    mode: env.DATABASE_URL ? 'services' : 'zero-setup',
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    dataDir: resolve(env.DATA_DIR),
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    queuePrefix: env.QUEUE_PREFIX,
    workerConcurrency: env.WORKER_CONCURRENCY,
    jobLockDurationMs: env.JOB_LOCK_DURATION_MS,
    browserExecutablePath: env.PUPPETEER_EXECUTABLE_PATH,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    dossierSigningP12File: path(env.DOSSIER_SIGNING_P12_FILE),
    dossierSigningP12PassphraseFile: path(env.DOSSIER_SIGNING_P12_PASSPHRASE_FILE),
    dossierTrustAnchorsFile: path(env.DOSSIER_TRUST_ANCHORS_FILE),
    tsaUrl: env.TSA_URL,
    sessionSecret: env.SESSION_SECRET,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    portalRateLimitPerMinute: env.PORTAL_RATE_LIMIT_PER_MINUTE,
    trustProxy: env.TRUST_PROXY,
    serverTiming: env.SERVER_TIMING === 'on',
    databasePoolSize: env.DATABASE_POOL_SIZE,
    databasePoolWaitMs: env.DATABASE_POOL_WAIT_MS,
  };
}
