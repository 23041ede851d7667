import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { createTestDatabase, servicesTestConfig, SmtpSink, startSmtpSink, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { childEnvironment, freePort, startBuilt, WORKSPACE_ROOT } from './processes';
import { serveOnLoopback } from './tender-http';
import { startTestWorker } from './e2e-app';

const run = promisify(execFile);

export type StackMode = 'services' | 'zero-setup';

/** One e-mail as a recipient reads it. */
export interface ReadMail {
  to: string[];
  subject: string;
  text: string;
}

/** Probity running as a user runs it, with the agency's first administrator created by `create-admin`. */
export interface TenderStack {
  mode: StackMode;
  baseUrl: string;
  /** Every e-mail sent so far: the SMTP server's inbox in services mode, the `.eml` outbox in zero-setup mode. */
  mails(): Promise<ReadMail[]>;
  close(): Promise<void>;
}

export interface StackAdmin {
  agency: string;
  email: string;
  name: string;
  password: string;
}

/** Settings both modes share: one loopback address plays every provider, so the portal limit is raised. */
const SHARED_SETTINGS = { PORTAL_RATE_LIMIT_PER_MINUTE: '1000', LOG_LEVEL: 'warn' };

async function createAdmin(admin: StackAdmin, env: Record<string, string | undefined>): Promise<void> {
  await run(
    process.execPath,
    [
      join(WORKSPACE_ROOT, 'dist/apps/api/src/create-admin.js'),
      '--agency',
      admin.agency,
      '--email',
      admin.email,
      '--name',
      admin.name,
    ],
    {
      cwd: WORKSPACE_ROOT,
      env: childEnvironment({ ...env, PROBITY_ADMIN_PASSWORD: admin.password }),
      timeout: 120_000,
    },
  );
}

async function waitUntilReady(baseUrl: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the api at ${baseUrl} did not become ready:\n${output()}`);
}

/** PostgreSQL, Redis, an SMTP server and a separate worker, as in production. */
export async function startServicesStack(admin: StackAdmin): Promise<TenderStack> {
  const database: TestDatabase = await createTestDatabase();
  const smtp: SmtpSink = await startSmtpSink();
  const config = servicesTestConfig(database.url, { SMTP_URL: smtp.url, ...SHARED_SETTINGS });
  await createAdmin(admin, { DATABASE_URL: database.url, REDIS_URL: config.redisUrl });
  const app: INestApplication = await createApp(config);
  const baseUrl = await serveOnLoopback(app);
  const worker: INestApplicationContext = await startTestWorker(config);
  return {
    mode: 'services',
    baseUrl,
    async mails() {
      return smtp.messages.map((message) => ({
        to: message.recipients,
        subject: message.parsed.subject ?? '',
        text: message.parsed.text ?? '',
      }));
    },
    async close() {
      await worker.close();
      await app.close();
      await smtp.close();
      await database.drop();
    },
  };
}

/** The README's zero-setup mode: one built api process, embedded PostgreSQL, in-process jobs, `.eml` outbox. */
export async function startZeroSetupStack(admin: StackAdmin): Promise<TenderStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-zero-tender-'));
  const zeroSetup = { DATA_DIR: dataDir, SMTP_URL: undefined, ...SHARED_SETTINGS };
  await createAdmin(admin, zeroSetup);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = startBuilt(
    'apps/api/src/main.js',
    childEnvironment({ ...zeroSetup, PORT: String(port), PUBLIC_BASE_URL: baseUrl }),
  );
  await waitUntilReady(baseUrl, api.output);
  const outbox = join(dataDir, 'mail');
  return {
    mode: 'zero-setup',
    baseUrl,
    async mails() {
      const files = (await readdir(outbox).catch(() => [] as string[])).filter((file) => file.endsWith('.eml')).sort();
      return Promise.all(
        files.map(async (file) => {
          const parsed = await simpleParser(await readFile(join(outbox, file)));
          const to = [parsed.to ?? []].flat().flatMap((address) => address.value.map((entry) => entry.address ?? ''));
          return { to, subject: parsed.subject ?? '', text: parsed.text ?? '' };
        }),
      );
    },
    async close() {
      api.child.kill('SIGTERM');
      await api.exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function startStack(mode: StackMode, admin: StackAdmin): Promise<TenderStack> {
  return mode === 'services' ? startServicesStack(admin) : startZeroSetupStack(admin);
}

/** Waits until an e-mail matching `match` has been sent (jobs and the outbox relay deliver asynchronously). */
export async function waitForMail(
  stack: TenderStack,
  match: (mail: ReadMail) => boolean,
  timeoutMs = 30_000,
): Promise<ReadMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await stack.mails()).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching e-mail within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
