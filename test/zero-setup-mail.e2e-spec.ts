import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import {
  childEnvironment,
  freePort,
  RunningProcess,
  signInOverHttp,
  startBuiltWithArguments,
  waitFor,
  WORKSPACE_ROOT,
} from './support/processes';

const run = promisify(execFile);

/**
 * Runs in a plain Node process on the built code: the embedded PostgreSQL (PGlite) cannot load inside
 * Jest's module sandbox. Arranges one open case due in 12 hours with one unsubmitted response, then
 * runs the reminders job twice and lets the outbox relay and the in-process queue deliver.
 */
const SCRIPT = `
require('reflect-metadata');
const { randomUUID } = require('node:crypto');
const { DataSource } = require('typeorm');
const { createApp } = require('./dist/apps/api/src/create-app');
const { loadConfig } = require('./dist/libs/platform/config/src');
const { SendRemindersJob } = require('./dist/libs/features/notifications/src');
const { InlineJobQueue, OutboxRelay } = require('./dist/libs/platform/queue/src');

(async () => {
  const app = await createApp(loadConfig(process.env));
  await app.init();
  const db = app.get(DataSource);
  const [agencyId, caseId, responseId] = [randomUUID(), randomUUID(), randomUUID()];
  const now = new Date();
  await db.query("INSERT INTO agencies (id, name) VALUES ($1, 'Police Scotland')", [agencyId]);
  await db.query(
    "INSERT INTO procurement_cases (id, agency_id, reference, title, description, intended_use, ai_act_classification, " +
      "responses_due, status, criteria_weights, questionnaire_key, questionnaire_version, questionnaire_definition, " +
      "questionnaire_hash, version) VALUES ($1, $2, 'PS-2026-031', 'Redaction of bodycam footage', 'Tender', " +
      "'Disclosure', '{}', $3, 'open', '{}', 'responsible-ai', 1, '{}', $4, 1)",
    [caseId, agencyId, new Date(now.getTime() + 12 * 3600 * 1000), 'e'.repeat(64)],
  );
  await db.query(
    "INSERT INTO provider_responses (id, case_id, organisation_name, country, legal_identifiers, contact_emails) " +
      "VALUES ($1, $2, 'Adatum Redact', 'GB', '{}', '[\\"bids@adatum.example\\"]')",
    [responseId, caseId],
  );
  const job = app.get(SendRemindersJob);
  const first = await job.handle({ now: now.toISOString() });
  const second = await job.handle({ now: now.toISOString() });
  await app.get(InlineJobQueue).whenIdle();
  await app.get(OutboxRelay).dispatchPending();
  await app.get(InlineJobQueue).whenIdle();
  const deliveries = await db.query('SELECT status, recipients FROM mail_deliveries');
  await app.close();
  process.stdout.write('RESULT ' + JSON.stringify({ first, second, deliveries }) + '\\n');
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\\n');
  process.exit(1);
});
`;

describe('deadline reminders in zero-setup mode (embedded PostgreSQL, in-process jobs, .eml files)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'probity-zero-mail-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('queues a due reminder through the outbox once and writes it as a parseable .eml file', async () => {
    const { stdout } = await run(process.execPath, ['-e', SCRIPT], {
      cwd: WORKSPACE_ROOT,
      env: childEnvironment({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SMTP_URL: undefined }),
      timeout: 120000,
    });
    const result = JSON.parse(
      stdout
        .split('\n')
        .find((line) => line.startsWith('RESULT '))!
        .slice(7),
    );
    expect(result.first).toEqual({ queued: 1 });
    expect(result.second).toEqual({ queued: 0 });
    expect(result.deliveries).toEqual([{ status: 'sent', recipients: ['bids@adatum.example'] }]);

    const files = await readdir(join(dataDir, 'mail'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/-reminder-[0-9a-f]{8}\.eml$/);
    const mail = await simpleParser(await readFile(join(dataDir, 'mail', files[0])));
    expect(mail.subject).toBe('Reminder: response due within 1 day – PS-2026-031 Redaction of bodycam footage');
    expect(mail.text).toContain('Dear Adatum Redact,');
    expect(mail.text).toContain('issued by Police Scotland');
  });
});

describe('e-mails of a whole tender in zero-setup mode (the demo server: embedded PostgreSQL, in-process jobs)', () => {
  let dataDir: string;
  let demo: RunningProcess;
  let base: string;

  /** Every .eml written so far, with the template its file is named after. */
  const written = async () =>
    Promise.all(
      (await readdir(join(dataDir, 'mail'))).map(async (file) => ({
        file,
        mail: await simpleParser(await readFile(join(dataDir, 'mail', file))),
      })),
    );
  /** Files are named <time>Z-<template>-<id>.eml. */
  const ofTemplate = (template: string) => (file: string) => new RegExp(`Z-${template}-[0-9a-f]{8}\\.eml$`).test(file);
  const recipientsOf = async (template: string) =>
    (await written())
      .filter(({ file }) => ofTemplate(template)(file))
      .map(({ mail }) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text)
      .sort();
  const credentials = (email: string) =>
    demo.output().match(new RegExp(`as ${email.replace(/[.]/g, '\\.')} with password (\\S+)`))?.[1] as string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'probity-zero-tender-mail-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    demo = startBuiltWithArguments(
      'apps/api/src/demo.js',
      ['--serve'],
      childEnvironment({ DATA_DIR: dataDir, PORT: String(port), PUBLIC_BASE_URL: base, SMTP_URL: undefined }),
    );
    await demo.waitForOutput(/serving on/, 180_000);
  });

  afterAll(async () => {
    demo?.child.kill('SIGTERM');
    await demo?.exited;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('e-mails the panel’s evaluator when evaluation starts and each legal reviewer when the review copy is ready', async () => {
    expect(await recipientsOf('sign-off-request')).toEqual([
      'data.protection@demo.probity.example',
      'legal.counsel@demo.probity.example',
    ]);
    for (const { file, mail } of await written())
      if (ofTemplate('sign-off-request')(file)) expect(mail.text).toContain(`${base}/reviews/dossiers/`);

    expect(await recipientsOf('evaluation-invite')).toEqual(['evaluator@demo.probity.example']);
    const [{ mail: invite }] = (await written()).filter(({ file }) => ofTemplate('evaluation-invite')(file));
    expect(invite.subject).toMatch(/^Evaluation open: PROC-2026-0142-\d+ – /);
    expect(invite.text).toMatch(new RegExp(`${base}/cases/[0-9a-f-]{36}/evaluation`));
  });

  it('e-mails an invitation and a published clarification to providers', async () => {
    const { headers } = await signInOverHttp(
      base,
      'officer@demo.probity.example',
      credentials('officer@demo.probity.example'),
    );
    const cases = (await (await fetch(`${base}/api/v1/cases`, { headers })).json()) as {
      items: Array<{ id: string; status: string }>;
    };
    const open = cases.items.find((c) => c.status === 'open')!;
    const invited = await fetch(`${base}/api/v1/cases/${open.id}/invites`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        organisationName: 'Second Provider BV',
        country: 'NL',
        legalIdentifiers: {},
        contactEmails: ['tenders@second-provider.example'],
      }),
    });
    expect(invited.status).toBe(201);
    expect(await recipientsOf('invite')).toEqual(['tenders@second-provider.example']);

    // The demo's provider asks in the portal; the officer's answer is published to every invited provider.
    const portal = demo.output().match(/provider portal for \S+: (\S+)/)?.[1] as string;
    const overview = await fetch(portal);
    const portalCookie = overview.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const csrf = (await overview.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] as string;
    const asked = await fetch(`${portal}/clarifications`, {
      method: 'POST',
      headers: {
        cookie: portalCookie,
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: csrf, question: 'Is an on-premises installation required?' }),
    });
    expect(asked.status).toBe(201);
    const { id } = (await asked.json()) as { id: string };
    const published = await fetch(`${base}/api/v1/clarifications/${id}/answer`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ answer: 'No: a sovereign EU cloud is acceptable.' }),
    });
    expect(published.status).toBe(200);
    await waitFor(async () => (await recipientsOf('clarification-published')).length === 2 || null, 30_000, 250);
    expect(await recipientsOf('clarification-published')).toEqual([
      'bids@demo-provider.example',
      'tenders@second-provider.example',
    ]);
  });

  it('keeps post-award monitoring on the embedded PostgreSQL: a check is handed on and marked done (not a 404)', async () => {
    const signIn = async (email: string) => (await signInOverHttp(base, email, credentials(email))).headers;
    const officer = { ...(await signIn('officer@demo.probity.example')), 'content-type': 'application/json' };
    const admin = await signIn('admin@demo.probity.example');
    const call = (path: string, body?: object) =>
      fetch(
        `${base}/api/v1${path}`,
        body ? { method: 'POST', headers: officer, body: JSON.stringify(body) } : { headers: officer },
      );
    const cases = (await (await call('/cases')).json()) as { items: Array<{ id: string; status: string }> };
    const signed = cases.items.find((c) => c.status === 'signed_off')!;
    expect((await call(`/cases/${signed.id}/transitions`, { to: 'awarded' })).status).toBe(200);
    expect((await call(`/cases/${signed.id}/monitoring`, {})).status).toBe(201);
    const staff = (await (await fetch(`${base}/api/v1/staff`, { headers: admin })).json()) as {
      items: Array<{ id: string; email: string }>;
    };
    const dana = staff.items.find((member) => member.email === 'legal.counsel@demo.probity.example')!;
    type Schedule = { checks: Array<{ id: string; owner: string; done: boolean }> };
    const { checks } = (await (await call(`/cases/${signed.id}/monitoring`)).json()) as Schedule;
    const handedOn = await call(`/cases/${signed.id}/monitoring/owner`, { checkId: checks[0].id, ownerId: dana.id });
    expect(handedOn.status).toBe(200);
    expect(((await handedOn.json()) as Schedule).checks[0].owner).toBe('Dana Legal Counsel');
    const done = await call(`/cases/${signed.id}/monitoring/done`, { checkId: checks[0].id });
    expect(done.status).toBe(200);
    expect(((await done.json()) as Schedule).checks[0].done).toBe(true);
  });
});
