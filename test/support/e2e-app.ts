import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { BrowserContext } from 'playwright-core';
import type { AppConfig } from '@probity/config';
import { IdentityService, StaffRole } from '@probity/identity';
import { createTestDatabase, servicesTestConfig, SmtpSink, startSmtpSink, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { serveOnLoopback } from './tender-http';

/** The API in this process on its own database, with a mail sink: what most end-to-end suites start from. */
export interface E2eApp {
  app: INestApplication;
  database: TestDatabase;
  smtp: SmtpSink;
  config: AppConfig;
  /** The worker process's module in this process, on the same queues; only when started with `worker`. */
  worker: INestApplicationContext | null;
  /** The loopback URL browsers use; empty unless started with `serve`. */
  baseUrl: string;
  /** Closes everything that was started, in reverse order; safe after a failed start. */
  close(): Promise<void>;
}

/**
 * The one end-to-end bootstrap: a fresh database, an SMTP sink, the app created with the services
 * configuration (plus `env`), initialised, and served on loopback when a browser needs it.
 */
export async function startE2eApp(
  options: { env?: Record<string, string>; serve?: boolean; worker?: boolean } = {},
): Promise<E2eApp> {
  const database = await createTestDatabase();
  const smtp = await startSmtpSink();
  const config = servicesTestConfig(database.url, { SMTP_URL: smtp.url, ...options.env });
  const worker = options.worker ? await startTestWorker(config) : null;
  const app = await createApp(config);
  let baseUrl = '';
  if (options.serve) baseUrl = await serveOnLoopback(app);
  else await app.init();
  return {
    app,
    database,
    smtp,
    config,
    worker,
    baseUrl,
    close: async () => {
      await app.close();
      await worker?.close();
      await smtp.close();
      await database.drop();
    },
  };
}

/**
 * The worker as it runs in services mode, in this process, on the api's queues in the real Redis. A failed
 * start throws with its cause and logs it: Nest's default (abortOnError) calls process.exit(1) and, with the
 * logger off, leaves a suite failing with no reason given.
 */
export async function startTestWorker(config: AppConfig): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: ['error'],
    abortOnError: false,
  });
  await worker.init();
  return worker;
}

export interface StaffMember {
  email: string;
  name: string;
  role: StaffRole;
}

/** An agency with its staff, all with the same password; returns the agency's id and each member's id by e-mail. */
export async function agencyWithStaff(
  app: INestApplication,
  agencyName: string,
  staff: readonly StaffMember[],
  password: string,
): Promise<{ agencyId: string; idByEmail: Record<string, string> }> {
  const identity = app.get(IdentityService);
  const agency = await identity.createAgency(agencyName);
  const idByEmail: Record<string, string> = {};
  for (const member of staff)
    idByEmail[member.email] = (await identity.createStaffUser({ agencyId: agency.id, ...member, password })).id;
  return { agencyId: agency.id, idByEmail };
}

/** Signs a browser context in through the sign-in page, as a member of staff does, and lands on the cases. */
export async function signInWithBrowser(
  context: BrowserContext,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await page.waitForURL(`${baseUrl}/cases`);
  await page.close();
}
