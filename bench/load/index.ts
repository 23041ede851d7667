import { NestFactory } from '@nestjs/core';
import { spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { CasesService, ProviderInvitesService, ProviderResponse } from '@probity/cases';
import { DEMO_AGENCY_NAME, demoCase } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { createTestDatabase, freePort, servicesTestConfig, testRedisUrl, uniqueQueuePrefix } from '@probity/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';

import type { BenchResult } from '../run';
import { StepTimings } from './steps';
import { LoopDelay, loopDelayOf, startLoopMonitor } from './event-loop-probe';

const DIST = join(__dirname, '..', '..');

interface LoadStats {
  requests: number;
  acknowledged: number;
  errors: Map<string, number>;
  latencies: number[];
  seconds: number;
  /** The load generator's own event-loop delay while it drove the load (it shares the 2 cores). */
  generatorLoop: LoopDelay;
}

/**
 * Starts a built entry point and resolves once `readyUrl` answers 200. `BENCH_SERVER_NODE_ARGS` adds
 * Node options to the servers only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles` to see where time goes).
 * Every server measures its event-loop delay (event-loop-probe) into `env.BENCH_EVENT_LOOP_FILE`.
 */
async function start(entry: string, env: NodeJS.ProcessEnv, readyUrl: string): Promise<ChildProcess> {
  const nodeArgs = [
    '--require',
    join(__dirname, 'event-loop-probe.js'),
    ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ];
  const child = spawn(process.execPath, [...nodeArgs, join(DIST, entry)], {
    env,
    // stdin carries the event-loop probe's orders (see measureLoop).
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited (${child.exitCode}):\n${errors}`);
    if (Date.now() > deadline) throw new Error(`${entry} not ready within 60 s:\n${errors}`);
    const ready = await fetch(readyUrl, { method: readyUrl.endsWith('/rows') ? 'POST' : 'GET' }).catch(() => null);
    if (ready?.ok) return child;
    await sleep(200);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

/** `clients` loops, each sending one request every `periodMs` for `seconds`, measuring each answer. */
async function drive(
  clients: number,
  periodMs: number,
  seconds: number,
  send: (client: number, sequence: number) => Promise<{ ok: boolean; label: string }>,
): Promise<LoadStats> {
  const loop = startLoopMonitor();
  const stats: LoadStats = {
    requests: 0,
    acknowledged: 0,
    errors: new Map(),
    latencies: [],
    seconds,
    generatorLoop: { p50: 0, p99: 0, max: 0 },
  };
  const deadline = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      // Spread the first saves over one period, as real typists would be.
      await sleep(Math.random() * periodMs);
      for (let sequence = 1; Date.now() < deadline; sequence++) {
        const sent = performance.now();
        const outcome = await send(client, sequence).catch((error: Error) => ({ ok: false, label: error.message }));
        stats.latencies.push(performance.now() - sent);
        stats.requests++;
        if (outcome.ok) stats.acknowledged++;
        else stats.errors.set(outcome.label, (stats.errors.get(outcome.label) ?? 0) + 1);
        await sleep(Math.max(0, periodMs - (performance.now() - sent)));
      }
    }),
  );
  stats.seconds = (performance.now() - started) / 1000;
  loop.disable();
  stats.generatorLoop = loopDelayOf(loop);
  return stats;
}

function describeStats(name: string, stats: LoadStats): string {
  const sorted = [...stats.latencies].sort((a, b) => a - b);
  const errors = [...stats.errors].map(([label, count]) => `${count} × ${label}`).join(', ') || 'none';
  return `| ${name} | ${stats.requests} | ${(stats.requests / stats.seconds).toFixed(1)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${percentile(sorted, 100).toFixed(0)} | ${errors} |`;
}

/** Runs `work` while the server's event-loop probe measures (see event-loop-probe.ts); returns both results. */
async function measureLoop<T>(
  server: ChildProcess,
  file: string,
  work: () => Promise<T>,
): Promise<[T, LoopDelay | null]> {
  server.stdin?.write('reset\n');
  const result = await work();
  server.stdin?.write('report\n');
  for (let attempt = 0; attempt < 50; attempt++) {
    const written = await readFile(file, 'utf8').catch(() => null);
    if (written) {
      await rm(file, { force: true });
      return [result, JSON.parse(written) as LoopDelay];
    }
    await sleep(100);
  }
  return [result, null];
}

const loopText = (delay: LoopDelay | null) =>
  delay ? `${delay.p50} / ${delay.p99} / ${delay.max}` : 'not measured (the server did not write its probe)';

function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

/**
 * Autosave under load: `BENCH_LOAD_PROVIDERS` (200) providers each saving a section every 2 s for
 * `BENCH_LOAD_SECONDS` (60) against one built api process on real PostgreSQL and Redis, each from its
 * own address (X-Forwarded-For through the loopback proxy, as behind a reverse proxy). Afterwards
 * every provider's stored revision and text must match its last acknowledged save. The same load
 * then goes to a bare NestJS endpoint that writes one row, for comparison.
 */
export async function run(): Promise<BenchResult> {
  const providers = Number(process.env.BENCH_LOAD_PROVIDERS ?? 200);
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
  const periodMs = 2000;
  const database = await createTestDatabase();
  const config = servicesTestConfig(database.url, { LOG_LEVEL: 'silent' });
  const setup = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  await setup.init();
  const children: ChildProcess[] = [];
  try {
    const cases = setup.get(CasesService);
    const agency = await setup.get(IdentityService).findOrCreateAgency(DEMO_AGENCY_NAME);
    const created = await cases.createCase(agency.id, demoCase(new Date()));
    await cases.transition(created.id, 'open');
    const invited: Array<{ token: string; responseId: string }> = [];
    for (let i = 0; i < providers; i++) {
      const { response, token } = await setup.get(ProviderInvitesService).inviteProvider(created.id, {
        organisationName: `Load provider ${i}`,
        country: 'NL',
        legalIdentifiers: {},
        contactEmails: [`load${i}@example.test`],
      });
      invited.push({ token, responseId: response.id });
    }

    process.stderr.write(`  ${providers} providers invited; starting the api\n`);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniqueQueuePrefix(),
      PORT: String(port),
      PUBLIC_BASE_URL: base,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      RATE_LIMIT_PER_MINUTE: '1000000',
      // Each simulated provider claims its own X-Forwarded-For, as behind a reverse proxy on loopback.
      TRUST_PROXY: 'loopback',
      // Each response says how long each step took (Server-Timing), collected below.
      SERVER_TIMING: 'on',
      BENCH_EVENT_LOOP_FILE: join(tmpdir(), `probity-bench-api-loop-${port}.json`),
    };
    const api = await start('apps/api/src/main.js', env, `${base}/health/live`);
    children.push(api);
    await sleep(500);

    const sessions = await Promise.all(
      invited.map(async ({ token, responseId }, client) => {
        const address = `10.${(client >> 8) & 255}.${client & 255}.1`;
        const page = await fetch(`${base}/portal/${token}/sections/0`, { headers: { 'X-Forwarded-For': address } });
        const html = await page.text();
        return {
          token,
          responseId,
          address,
          cookie: cookieHeader(page),
          csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '',
          revision: Number(/name="_revision" value="(\d+)"/.exec(html)?.[1]),
          acknowledged: null as null | { revision: number; text: string },
          initialRevision: 0,
        };
      }),
    );
    for (const session of sessions) session.initialRevision = session.revision;
    process.stderr.write(`  portal pages open; autosaving for ${seconds} s\n`);

    const steps = new StepTimings();
    const bodyBytes: number[] = [];
    const [probity, apiLoop] = await measureLoop(api, env.BENCH_EVENT_LOOP_FILE, () =>
      drive(providers, periodMs, seconds, async (client, sequence) => {
        const session = sessions[client];
        const text = `Autosave ${sequence} of provider ${client}`;
        const form = new URLSearchParams({
          _csrf: session.csrf,
          _revision: String(session.revision),
          law_misuse: text,
        }).toString();
        bodyBytes.push(Buffer.byteLength(form));
        const response = await fetch(`${base}/portal/${session.token}/sections/0`, {
          method: 'POST',
          headers: {
            Accept: 'application/json',
            'Content-Type': 'application/x-www-form-urlencoded',
            Cookie: session.cookie,
            'X-Forwarded-For': session.address,
          },
          body: form,
        });
        steps.add(response.headers.get('server-timing'));
        const body = (await response.json().catch(() => ({}))) as { revision?: number };
        if (response.status !== 200 || typeof body.revision !== 'number')
          return { ok: false, label: `HTTP ${response.status}` };
        session.revision = body.revision;
        session.acknowledged = { revision: body.revision, text };
        return { ok: true, label: 'ok' };
      }),
    );

    // Every acknowledged save is in the database: the stored text is the last acknowledged one and
    // the revision counted every acknowledged save.
    const stored = await setup
      .get(DataSource)
      .getRepository(ProviderResponse)
      .findBy(sessions.map((session) => ({ id: session.responseId })));
    const byId = new Map(stored.map((row) => [row.id, row]));
    let lost = 0;
    let acknowledgedSaves = 0;
    for (const session of sessions) {
      const row = byId.get(session.responseId);
      const saves = session.acknowledged ? session.acknowledged.revision - session.initialRevision : 0;
      acknowledgedSaves += saves;
      if (!session.acknowledged) continue;
      if (
        row?.revision !== session.acknowledged.revision ||
        (row.answers as Record<string, unknown>).law_misuse !== session.acknowledged.text
      )
        lost++;
    }
    const [storedSize] = await database.dataSource.query<{ answers: number }[]>(
      `SELECT avg(octet_length("answers"::text))::int AS answers FROM "provider_responses" WHERE "case_id" = $1`,
      [created.id],
    );
    const [auditState] = await database.dataSource.query<{ entries: number; pending: number }[]>(
      `SELECT count(*)::int AS entries, count(*) FILTER (WHERE "hash" IS NULL)::int AS pending FROM "audit_entries"
       WHERE "action" = 'response.answers-saved'`,
    );
    await stop(api);

    process.stderr.write('  same load against the bare endpoint\n');
    const barePort = await freePort();
    const bareLoopFile = join(tmpdir(), `probity-bench-bare-loop-${barePort}.json`);
    const bare = await start(
      'bench/load/bare-server.js',
      { ...process.env, DATABASE_URL: database.url, PORT: String(barePort), BENCH_EVENT_LOOP_FILE: bareLoopFile },
      `http://127.0.0.1:${barePort}/rows`,
    );
    children.push(bare);
    const [baseline, bareLoop] = await measureLoop(bare, bareLoopFile, () =>
      drive(providers, periodMs, seconds, async (client, sequence) => {
        const response = await fetch(`http://127.0.0.1:${barePort}/rows`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ key: `provider ${client}`, value: `Autosave ${sequence} of provider ${client}` }),
        });
        await response.arrayBuffer();
        return { ok: response.status === 200, label: `HTTP ${response.status}` };
      }),
    );
    const bareRows = Number((await database.dataSource.query('SELECT count(*)::int AS n FROM bench_rows'))[0].n);
    await stop(bare);

    return {
      name: 'Autosave under load (one api process, real PostgreSQL and Redis)',
      lines: [
        `- ${providers} providers, each saving section 1 every ${periodMs / 1000} s for ${seconds} s from its own address; load generated by the same machine (2 shared cores), so the numbers are a floor`,
        '',
        '| target | requests | requests/s | p50 ms | p99 ms | max ms | errors |',
        '|---|---:|---:|---:|---:|---:|---|',
        describeStats('Probity portal autosave (CSRF, rate limit, revision check, audit)', probity),
        describeStats('bare NestJS endpoint, one INSERT', baseline),
        '',
        `- acknowledged saves: ${probity.acknowledged} (revisions counted in the database: ${acknowledgedSaves}); providers whose stored answer or revision differs from their last acknowledged save: **${lost}**`,
        `- bare endpoint: ${baseline.acknowledged} acknowledged, ${bareRows - 1} rows written by the load (the table also holds the readiness probe's row)`,
        `- audit entries of the saves: ${auditState.entries} (one per acknowledged save expected), ${auditState.pending} still waiting to be chained when the load stopped`,
        `- event-loop delay during the load, p50 / p99 / max ms (perf_hooks: how late a 10 ms timer fired): api ${loopText(apiLoop)}, its load generator ${loopText(probity.generatorLoop)}; bare server ${loopText(bareLoop)}, its load generator ${loopText(baseline.generatorLoop)}`,
        '',
        `Each step of a save, from the api's Server-Timing header (same run; form body ${Math.round(bodyBytes.reduce((a, b) => a + b, 0) / Math.max(1, bodyBytes.length))} bytes, stored answers JSON ${storedSize.answers} bytes on average):`,
        '',
        ...steps.table(),
      ],
    };
  } finally {
    for (const child of children) await stop(child);
    await setup.close();
    await database.drop();
  }
}
