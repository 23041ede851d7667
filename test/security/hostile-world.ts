import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEMO_PROVIDERS, demoCase } from '@probity/demo';
import { BUILT_IN_QUESTIONNAIRES } from '@probity/questionnaires';
import { QueueName } from '@probity/queue';
import type { SmtpSink } from '@probity/testing';
import { agencyWithStaff, E2eApp, startE2eApp } from '../support/e2e-app';
import { SessionHeaders } from '../support/staff-sessions';
import { csrfOf, linkIn, signInHeaders } from '../support/tender-http';
import { HostileBody } from './hostile-arbitraries';
import { RawAnswer, rawRequest } from './raw-request';
import { AppRoute, fillPath, STACK_TRACE } from './routes';

/** Set-up and checks of test/security/hostile-input.e2e-spec.ts: one app, signed-in staff, a portal session. */

export const PASSWORD = 'hostile input passphrase';

/** What every answer to hostile input must look like: no 5xx, no internals, errors that say what went wrong. */
export function expectWellBehaved(label: string, response: request.Response | RawAnswer): void {
  const text = response.text ?? '';
  const context = `${label} → ${response.status} ${text.slice(0, 300)}`;
  if (response.status >= 500) throw new Error(`server error: ${context}`);
  if (STACK_TRACE.test(text)) throw new Error(`internals in the body: ${context}`);
  if (response.status < 400) return;
  const type = String(response.headers['content-type'] ?? '');
  if (type.includes('application/json')) {
    const messages = [response.body?.message].flat();
    if (response.body?.statusCode !== response.status || !messages.every((m) => typeof m === 'string' && m.trim()))
      throw new Error(`error without a message: ${context}`);
  } else if (type.includes('text/html')) {
    if (!/<h1[^>]*>[^<]+/.test(text) && !/role="alert"/.test(text))
      throw new Error(`error page without text: ${context}`);
  } else {
    throw new Error(`error of type "${type}": ${context}`);
  }
}

/** A 400 whose message names what was refused, in JSON for the API and the portal's script. */
export function expectRefusal(
  response: request.Response | RawAnswer,
  status: number,
  message: RegExp,
  label: string,
): void {
  expectWellBehaved(label, response);
  if (response.status !== status || !message.test([response.body?.message].flat().join(' ')))
    throw new Error(`expected ${status} ${message}: ${label} → ${response.status} ${response.text.slice(0, 300)}`);
}

export interface HostileWorld {
  e2e: E2eApp;
  app: INestApplication;
  smtp: SmtpSink;
  baseUrl: string;
  officer: SessionHeaders;
  admin: SessionHeaders;
  portal: { Cookie: string; csrf: string };
  /** A valid value for every path parameter the routes take. */
  parameters: Record<string, string>;
}

/** The app with real Postgres and Redis, staff signed in, an open case with one invited provider and a question. */
export async function startHostileWorld(): Promise<HostileWorld> {
  // TRUST_PROXY: the fuzzed requests each claim their own X-Forwarded-For (randomAddress), which only
  // counts when the loopback proxy is trusted; the per-address limits then stay out of the way.
  const e2e = await startE2eApp({
    env: { RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'error', TRUST_PROXY: 'loopback' },
    serve: true,
  });
  const { app, smtp } = e2e;
  await agencyWithStaff(
    app,
    'Hostile input test agency',
    [
      { email: 'officer@hostile.example', name: 'Officer', role: 'procurement_officer' },
      { email: 'admin@hostile.example', name: 'Admin', role: 'admin' },
      // Its password may be reset by the fuzzed reset form, so the officer's own is never put at risk.
      { email: 'forgetful@hostile.example', name: 'Forgetful', role: 'evaluator' },
    ],
    PASSWORD,
  );
  const officer = await signInHeaders(app, 'officer@hostile.example', PASSWORD);
  const admin = await signInHeaders(app, 'admin@hostile.example', PASSWORD);
  const server = app.getHttpServer();
  const input = demoCase(new Date());
  const created = await request(server)
    .post('/api/v1/cases')
    .set(officer)
    .send({ ...input, questionsDue: undefined, responsesDue: input.responsesDue.toISOString() })
    .expect(201);
  const caseId = created.body.id as string;
  await request(server).post(`/api/v1/cases/${caseId}/transitions`).set(officer).send({ to: 'open' }).expect(200);
  const invited = await request(server)
    .post(`/api/v1/cases/${caseId}/invites`)
    .set(officer)
    .send(DEMO_PROVIDERS[0].invite)
    .expect(201);
  const token = linkIn(smtp.messages.at(-1)?.parsed.text);
  const page = await request(server).get(`/portal/${token}`).expect(200);
  const portal = {
    Cookie: [page.headers['set-cookie']]
      .flat()
      .map((line) => String(line).split(';')[0])
      .join('; '),
    csrf: csrfOf(page.text),
  };
  const asked = await request(server)
    .post(`/portal/${token}/clarifications`)
    .set('Cookie', portal.Cookie)
    .set('Accept', 'application/json')
    .type('form')
    .send({ _csrf: portal.csrf, question: 'A real question first?' })
    .expect(201);
  await request(server)
    .post('/password-reset')
    .set(officer)
    .type('form')
    .send({ email: 'forgetful@hostile.example' })
    .expect(200);
  const resetToken = /\/password-reset\/([A-Za-z0-9_-]+)/.exec(smtp.messages.at(-1)?.parsed.text ?? '')?.[1];
  if (!resetToken) throw new Error('no password reset link was sent');
  const parameters = {
    token,
    caseId,
    responseId: invited.body.id,
    clarificationId: asked.body.id,
    index: '0',
    key: BUILT_IN_QUESTIONNAIRES[0].key,
    id: '00000000-0000-4000-8000-000000000000',
    evidenceId: '00000000-0000-4000-8000-000000000000',
    action: 'reopen',
    resetToken,
    questionName: 'ho_override_process',
    userId: '00000000-0000-4000-8000-000000000000',
    templateId: '00000000-0000-4000-8000-000000000000',
    // A real queue and a job id it never had: the retry routes are fuzzed past the queue-name check.
    queue: QueueName.Scoring,
    jobId: '1',
  };
  return { e2e, app, smtp, baseUrl: e2e.baseUrl, officer, admin, portal, parameters };
}

export async function stopHostileWorld(world: HostileWorld | undefined): Promise<void> {
  await world?.e2e.close();
}

function identityFor(world: HostileWorld, route: AppRoute): Record<string, string> {
  if (route.path.startsWith('/portal/')) return { Cookie: world.portal.Cookie, 'x-csrf-token': world.portal.csrf };
  return world.officer;
}

/** The route's path with a valid value for every parameter (the reset form takes the reset token). */
export function pathFor(world: HostileWorld, route: AppRoute): string {
  return route.path.startsWith('/password-reset/:token')
    ? fillPath(route.path, { token: world.parameters.resetToken })
    : fillPath(route.path, world.parameters);
}

/** Sends one hostile body over node:http, as the officer (or the provider on portal routes). */
export async function sendHostile(
  world: HostileWorld,
  route: AppRoute,
  path: string,
  body: HostileBody,
  query: string,
): Promise<RawAnswer> {
  const headers: Record<string, string> = {
    ...identityFor(world, route),
    'X-Forwarded-For': randomAddress(),
    Accept: 'application/json, text/html;q=0.9',
  };
  if (body.contentType) headers['Content-Type'] = body.contentType;
  if (body.contentEncoding) headers['Content-Encoding'] = body.contentEncoding;
  const sent = body.body && route.method !== 'GET' ? body.body : undefined;
  if (sent) headers['Content-Length'] = String(sent.length);
  try {
    return await rawRequest(world.baseUrl, {
      method: route.method,
      path: `${path}${query ? `?${query}` : ''}`,
      headers,
      body: sent,
      timeoutMs: 20_000,
    });
  } catch (error) {
    throw new Error(`${route.method} ${path} [${body.kind}]: ${(error as Error).message}`);
  }
}

function randomAddress(): string {
  // Every request from its own documentation-range address: the per-address rate limits stay out of the way.
  const octets = Array.from({ length: 3 }, () => Math.floor(Math.random() * 256));
  return `198.${octets.join('.')}`;
}
