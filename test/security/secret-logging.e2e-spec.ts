import { randomBytes } from 'node:crypto';
import { DEMO_PROVIDERS, demoCase } from '@probity/demo';
import {
  createTestDatabase,
  SmtpSink,
  startSmtpSink,
  TestDatabase,
  testRedisUrl,
  uniqueQueuePrefix,
} from '@probity/testing';
import { csrfOf, linkIn, revisionOf } from '../support/tender-http';
import { childEnvironment, freePort, RunningProcess, startBuilt, waitFor } from '../support/processes';
import { createStaffAccounts } from '../support/staff-accounts';

const PASSWORD = 'the first secret passphrase';
const NEW_PASSWORD = 'the second secret passphrase';
const WRONG_PASSWORD = 'a wrong but secret passphrase';

/** A browser's cookie jar over fetch, remembering every secret the server handed out. */
class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async call(path: string, init: RequestInit & { form?: Record<string, string>; json?: unknown } = {}) {
    const headers = new Headers(init.headers);
    headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    let body = init.body;
    if (init.form) {
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    if (init.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      if (value.join('=')) this.cookies.set(name, value.join('='));
    }
    return { status: response.status, text: await response.text(), headers: response.headers };
  }
}

/**
 * A whole tender flow against the built api and worker processes, as production runs them, with
 * their output captured: no secret that passed through them may appear in a log line.
 */
describe('no secrets in the logs of the built processes', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let api: RunningProcess;
  let worker: RunningProcess;
  let baseUrl: string;
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpSink();
    // The accounts are made the way create-admin makes them, before the processes start.
    const officer = { email: 'officer@logging.example', name: 'Officer', role: 'procurement_officer' as const };
    await createStaffAccounts(database.url, 'Logging test agency', [officer], PASSWORD);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env = childEnvironment({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniqueQueuePrefix(),
      SMTP_URL: smtp.url,
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      // The most a production operator would plausibly switch on while chasing a problem.
      LOG_LEVEL: 'debug',
    });
    secrets.set('session secret', env.SESSION_SECRET as string);
    api = startBuilt('apps/api/src/main.js', env);
    worker = startBuilt('apps/worker/src/main.js', env);
    await api.waitForOutput(/listening|started|Nest application successfully started/i, 60_000);
    await worker.waitForOutput(/consuming queue/, 60_000);
    await waitFor(async () => (await fetch(`${baseUrl}/health/live`).catch(() => null))?.ok, 30_000);
  });

  afterAll(async () => {
    for (const child of [api, worker]) if (child && child.child.exitCode === null) child.child.kill('SIGTERM');
    await Promise.all([api?.exited, worker?.exited]);
    await smtp?.close();
    await database?.drop();
  });

  it('runs sign-in, a case, an invite, the portal, a password reset and sign-out', async () => {
    const officer = new Browser(baseUrl);
    const anonymous = JSON.parse((await officer.call('/api/v1/session')).text);
    secrets.set('anonymous CSRF token', anonymous.csrfToken);
    const wrong = await officer.call('/api/v1/session', {
      method: 'POST',
      headers: { 'x-csrf-token': anonymous.csrfToken },
      json: { email: 'officer@logging.example', password: WRONG_PASSWORD },
    });
    expect(wrong.status).toBe(401);
    const signedIn = await officer.call('/api/v1/session', {
      method: 'POST',
      headers: { 'x-csrf-token': anonymous.csrfToken },
      json: { email: 'officer@logging.example', password: PASSWORD },
    });
    expect(signedIn.status).toBe(200);
    const csrf = JSON.parse(signedIn.text).csrfToken as string;
    secrets.set('staff CSRF token', csrf);
    secrets.set('session id', officer.cookies.get('probity_session') as string);
    secrets.set('CSRF cookie', officer.cookies.get('probity_csrf') as string);

    const input = demoCase(new Date());
    const created = await officer.call('/api/v1/cases', {
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
      json: { ...input, questionsDue: undefined, responsesDue: input.responsesDue.toISOString() },
    });
    expect(created.status).toBe(201);
    const caseId = JSON.parse(created.text).id as string;
    await officer.call(`/api/v1/cases/${caseId}/transitions`, {
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
      json: { to: 'open' },
    });
    const invited = await officer.call(`/api/v1/cases/${caseId}/invites`, {
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
      json: DEMO_PROVIDERS[0].invite,
    });
    expect(invited.status).toBe(201);
    const token = linkIn(
      (await waitFor(async () => smtp.messages.find((m) => /\/portal\//.test(m.parsed.text ?? '')), 60_000)).parsed
        .text,
    );
    secrets.set('invite token', token);

    const provider = new Browser(baseUrl);
    const section = await provider.call(`/portal/${token}/sections/0`);
    expect(section.status).toBe(200);
    const portalCsrf = csrfOf(section.text);
    secrets.set('portal CSRF token', portalCsrf);
    const saved = await provider.call(`/portal/${token}/sections/0`, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      form: { _csrf: portalCsrf, _revision: String(revisionOf(section.text)), law_misuse: 'Logged?' },
    });
    expect(saved.status).toBe(200);
    const stale = await provider.call(`/portal/${token}/sections/0`, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      form: { _csrf: portalCsrf, _revision: '0', law_misuse: 'Conflict' },
    });
    expect(stale.status).toBe(409);
    // Text PostgreSQL refuses (NUL) once made a 500 whose log line held the token and the answer.
    const unstorableAnswer = 'An answer only the agency may read';
    secrets.set('answer refused for its NUL', unstorableAnswer);
    const refused = await provider.call(`/portal/${token}/sections/0`, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      form: { _csrf: portalCsrf, _revision: '1', law_misuse: `${unstorableAnswer}\u0000` },
    });
    expect(refused.status).toBe(400);
    await provider.call(`/portal/${token}/clarifications`, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      form: { _csrf: portalCsrf, question: 'Does this get logged?' },
    });
    await provider.call(`/portal/${token}/not-a-route`);

    const forgetful = new Browser(baseUrl);
    const resetPage = await forgetful.call('/password-reset');
    await forgetful.call('/password-reset', {
      method: 'POST',
      form: { _csrf: csrfOf(resetPage.text), email: 'officer@logging.example' },
    });
    const resetMail = await waitFor(
      async () => smtp.messages.find((m) => /\/password-reset\//.test(m.parsed.text ?? '')),
      60_000,
    );
    const resetToken = /\/password-reset\/([A-Za-z0-9_-]+)/.exec(resetMail.parsed.text ?? '')?.[1] as string;
    secrets.set('reset token', resetToken);
    const choose = await forgetful.call(`/password-reset/${resetToken}`);
    expect(choose.status).toBe(200);
    const reset = await forgetful.call(`/password-reset/${resetToken}`, {
      method: 'POST',
      form: { _csrf: csrfOf(choose.text), password: NEW_PASSWORD },
    });
    expect(reset.status).toBe(303);
    // Used once, the link is gone: the refusal is logged too.
    expect((await forgetful.call(`/password-reset/${resetToken}`)).status).toBe(410);

    const signOut = await officer.call('/api/v1/session', { method: 'DELETE', headers: { 'x-csrf-token': csrf } });
    expect(signOut.status).toBe(204);
    const again = new Browser(baseUrl);
    const fresh = JSON.parse((await again.call('/api/v1/session')).text);
    const signedInAgain = await again.call('/api/v1/session', {
      method: 'POST',
      headers: { 'x-csrf-token': fresh.csrfToken },
      json: { email: 'officer@logging.example', password: NEW_PASSWORD },
    });
    expect(signedInAgain.status).toBe(200);
    secrets.set('second session id', again.cookies.get('probity_session') as string);
  });

  it('the logs show the requests but none of the secrets', async () => {
    const logs = `${api.output()}\n${worker.output()}`;
    // The flow really was logged, so an empty or silent log cannot pass this test.
    expect(logs).toMatch(/"path":"\/api\/v1\/session"/);
    expect(logs).toMatch(/"path":"\/portal\/\[redacted\]\/sections\/0"/);
    expect(logs).toMatch(/"path":"\/password-reset\/\[redacted\]"/);
    const passwords: Array<[string, string]> = [
      ['password', PASSWORD],
      ['new password', NEW_PASSWORD],
      ['wrong password', WRONG_PASSWORD],
    ];
    const leaked = [...secrets, ...passwords]
      .filter(([, value]) => value && logs.includes(value))
      .map(([name]) => name);
    expect(leaked).toEqual([]);
  });
});
