import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase, testRedisUrl, uniqueQueuePrefix } from '@probity/testing';
import { childEnvironment, freePort, RunningProcess, startBuilt, waitFor } from '../support/processes';

const EX_CONFIG = 78;

/**
 * Issue 19: every api and worker process of one installation must sign with the same secrets. A
 * process whose session secret or dossier seal differs from the others' would work alone and fail
 * for every user it shares with them (CSRF tokens refused, dossiers that do not verify), so it must
 * refuse to start and name the variable to fix.
 */
describe('processes of one installation agree on their secrets (services mode, built processes)', () => {
  let database: TestDatabase;
  let sharedDataDir: string;
  let otherDataDir: string;
  let services: Record<string, string>;
  const started: RunningProcess[] = [];

  const start = (entry: string, env: Record<string, string | undefined>): RunningProcess => {
    const running = startBuilt(entry, childEnvironment({ ...services, ...env }));
    started.push(running);
    return running;
  };

  /** An api on a free port; `live` resolves once it answers /health/live. */
  const startApi = async (env: Record<string, string | undefined>) => {
    const port = await freePort();
    const api = start('apps/api/src/main.js', { ...env, PORT: String(port) });
    const live = () =>
      waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => null))?.ok, 90_000);
    return { api, live };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    sharedDataDir = await mkdtemp(join(tmpdir(), 'probity-shared-'));
    otherDataDir = await mkdtemp(join(tmpdir(), 'probity-other-'));
    services = {
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniqueQueuePrefix(),
      // Info: the worker says which queues it consumes.
      LOG_LEVEL: 'info',
    };
  });

  afterAll(async () => {
    for (const running of started) if (running.child.exitCode === null) running.child.kill('SIGKILL');
    await Promise.all(started.map((running) => running.exited));
    await database?.drop();
    await rm(sharedDataDir, { recursive: true, force: true });
    await rm(otherDataDir, { recursive: true, force: true });
  });

  it('an api without SESSION_SECRET refuses to start, naming the variable', async () => {
    const { api } = await startApi({ DATA_DIR: sharedDataDir });
    expect((await api.exited).code).toBe(EX_CONFIG);
    expect(api.output()).toMatch(/SESSION_SECRET must be set in services mode/);
  });

  it('a second api with a different SESSION_SECRET refuses to start; one with the same secret starts', async () => {
    const secret = randomBytes(32).toString('hex');
    await (await startApi({ DATA_DIR: sharedDataDir, SESSION_SECRET: secret })).live();

    const { api: different } = await startApi({
      DATA_DIR: sharedDataDir,
      SESSION_SECRET: randomBytes(32).toString('hex'),
    });
    expect((await different.exited).code).toBe(EX_CONFIG);
    expect(different.output()).toMatch(
      /SESSION_SECRET: this process's session secret differs from the one the other Probity processes/,
    );

    await (await startApi({ DATA_DIR: sharedDataDir, SESSION_SECRET: secret })).live();
  });

  it('a worker with a dossier seal of its own (generated under another DATA_DIR) refuses to start', async () => {
    const stranger = start('apps/worker/src/main.js', { DATA_DIR: otherDataDir });
    expect((await stranger.exited).code).toBe(EX_CONFIG);
    expect(stranger.output()).toMatch(/DOSSIER_SIGNING_P12_FILE/);
    expect(stranger.output()).toMatch(/seal differs from the one the other Probity processes/);

    const colleague = start('apps/worker/src/main.js', { DATA_DIR: sharedDataDir });
    await colleague.waitForOutput(/consuming queue/, 90_000);
  });
});
