import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffRole } from '@probity/identity';
import {
  createTestDatabase,
  SmtpSink,
  startSmtpSink,
  TestDatabase,
  testRedisUrl,
  uniqueQueuePrefix,
} from '@probity/testing';
import { childEnvironment, freePort, RunningProcess, startBuilt, waitFor } from './processes';
import { RoundRobinProxy, startRoundRobinProxy } from './round-robin-proxy';
import { createStaffAccounts } from './staff-accounts';

/** A services-mode installation of several built api and worker processes behind a round-robin proxy. */
export interface Replicas {
  database: TestDatabase;
  smtp: SmtpSink;
  proxy: RoundRobinProxy;
  /** Each api's own address, for a client that stays connected to one of them. */
  apiUrls: string[];
  apis: RunningProcess[];
  workers: RunningProcess[];
  /** A queue of the installation, by name, to add jobs or watch them. */
  queue(name: string): Queue;
  /** The staff accounts, by the short name given, with their ids and e-mail addresses. */
  people: Record<string, { id: string; email: string }>;
  close(): Promise<void>;
}

/**
 * Starts `apis` api and `workers` worker processes that share everything a production layout shares
 * (stores, QUEUE_PREFIX, SESSION_SECRET, one DATA_DIR for the generated seal), after creating the
 * staff accounts the way create-admin does, all with `password`.
 */
export async function startReplicas(options: {
  apis: number;
  workers: number;
  staff: ReadonlyArray<readonly [string, StaffRole]>;
  password: string;
}): Promise<Replicas> {
  const database = await createTestDatabase();
  const smtp = await startSmtpSink();
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-replicas-'));
  const prefix = uniqueQueuePrefix();
  const ports: number[] = [];
  for (let api = 0; api < options.apis; api++) ports.push(await freePort());
  const apiUrls = ports.map((port) => `http://127.0.0.1:${port}`);
  const proxy = await startRoundRobinProxy(apiUrls);
  const env = childEnvironment({
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: prefix,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    PUBLIC_BASE_URL: proxy.url,
    // The proxy is on loopback and passes the client's X-Forwarded-For on.
    TRUST_PROXY: 'loopback',
    PORTAL_RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_PER_MINUTE: '100000',
    // A short lock: a killed worker's jobs go to another worker within seconds.
    JOB_LOCK_DURATION_MS: '2000',
    LOG_LEVEL: 'warn',
  });
  const people = await createStaff(database, options.staff, options.password);

  const queues = new Map<string, Queue>();
  const queue = (name: string): Queue => {
    if (!queues.has(name)) queues.set(name, new Queue(name, { connection: { url: testRedisUrl() }, prefix }));
    return queues.get(name) as Queue;
  };
  // Info: a worker says which queues it consumes.
  const workers = Array.from({ length: options.workers }, () =>
    startBuilt('apps/worker/src/main.js', { ...env, LOG_LEVEL: 'info' }),
  );
  const apis = ports.map((port) => startBuilt('apps/api/src/main.js', { ...env, PORT: String(port) }));
  const replicas: Replicas = {
    database,
    smtp,
    proxy,
    apiUrls,
    apis,
    workers,
    queue,
    people,
    async close() {
      for (const running of [...apis, ...workers]) if (running.child.exitCode === null) running.child.kill('SIGKILL');
      await Promise.all([...apis, ...workers].map((running) => running.exited));
      await proxy.close();
      for (const opened of queues.values()) await opened.obliterate({ force: true });
      await Promise.all([...queues.values()].map((opened) => opened.close()));
      await smtp.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all(
      apis.map((api, index) =>
        waitFor(async () => (await fetch(`${apiUrls[index]}/health/ready`).catch(() => null))?.ok, 240_000).catch(
          (error: Error) => {
            throw new Error(`${error.message}; the api said:\n${api.output()}`);
          },
        ),
      ),
    );
    await Promise.all(workers.map((worker) => worker.waitForOutput(/consuming queue dossiers/, 240_000)));
  } catch (error) {
    await replicas.close();
    throw error;
  }
  return replicas;
}

async function createStaff(
  database: TestDatabase,
  staff: ReadonlyArray<readonly [string, StaffRole]>,
  password: string,
): Promise<Replicas['people']> {
  const accounts = staff.map(([who, role]) => ({ email: `${who}@replicas.example`, name: who, role }));
  const created = await createStaffAccounts(database.url, 'Polizia di Stato (replicas test)', accounts, password);
  return Object.fromEntries(created.map(({ name, id, email }) => [name, { id, email }]));
}

/** Reads a Server-Sent Events stream to its end and returns the data of its last event. */
export async function lastServerSentEvent(url: string, cookie: string): Promise<unknown> {
  const response = await fetch(url, { headers: { cookie, accept: 'text/event-stream' } });
  if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream'))
    throw new Error(`${url} answered ${response.status} ${response.headers.get('content-type')}, not an event stream`);
  const events = (await response.text())
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => JSON.parse(line.slice('data:'.length)));
  return events.at(-1);
}
