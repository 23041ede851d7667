import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { NOT_APPLICABLE } from '@probity/rubric';
import { Answers, BUILT_IN_QUESTIONNAIRES, QuestionnaireDefinition } from '@probity/questionnaires';
import { buildPortalForm, FormSection } from '@probity/portal';
import { IdentityService } from '@probity/identity';
import { SESSION_COOKIE } from '@probity/web';
import { DEMO_PROVIDERS, demoCase } from '@probity/demo';

export type Agent = ReturnType<typeof request.agent>;

/** A signed-in staff browser: cookie jar plus the CSRF token bound to its session. */
export async function signIn(
  app: INestApplication,
  email: string,
  password: string,
): Promise<{ agent: Agent; csrf: string }> {
  const agent = request.agent(app.getHttpServer());
  const anonymous = await agent.get('/api/v1/session').expect(200);
  const signedIn = await agent
    .post('/api/v1/session')
    .set('x-csrf-token', anonymous.body.csrfToken)
    .send({ email, password })
    .expect(200);
  return { agent, csrf: signedIn.body.csrfToken as string };
}

/**
 * A `Cookie` header for a signed-in staff member, made through the identity service rather than the
 * sign-in route, so suites that need many people stay clear of the sign-in rate limit. Enough for
 * reads; state-changing requests also need a CSRF token (use `signIn`).
 */
export async function sessionCookie(app: INestApplication, email: string, password: string): Promise<string> {
  const signedIn = await app.get(IdentityService).signIn(email, password);
  if (!signedIn) throw new Error(`${email} could not sign in`);
  return `${SESSION_COOKIE}=${signedIn.token}`;
}

/** The hidden CSRF field of a rendered page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('page has no CSRF field');
  return match[1];
}

export function revisionOf(html: string): number {
  const match = /name="_revision" value="(\d+)"/.exec(html);
  if (!match) throw new Error('page has no revision field');
  return Number(match[1]);
}

/** What a provider's next save needs from a portal section page: its cookies, CSRF token and revision. */
export function portalFormOf(page: { headers: Record<string, unknown>; text: string }): {
  cookie: string;
  csrf: string;
  revision: number;
} {
  return {
    cookie: [page.headers['set-cookie']]
      .flat()
      .filter(Boolean)
      .map((line) => String(line).split(';')[0])
      .join('; '),
    csrf: csrfOf(page.text),
    revision: revisionOf(page.text),
  };
}

/** The fields a browser would post for these answers to one portal section. */
export function sectionFields(section: FormSection, answers: Answers): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (const question of section.questions) {
    const value = answers[question.name];
    if (value === undefined || value === null || question.kind === 'file') continue;
    if (value === NOT_APPLICABLE) fields.push([`${question.name}__na`, '1']);
    else if (question.kind === 'matrix')
      for (const [row, cell] of Object.entries(value as Record<string, unknown>))
        fields.push([`${question.name}__${row}`, String(cell)]);
    else if (Array.isArray(value)) for (const item of value) fields.push([question.name, String(item)]);
    else fields.push([question.name, String(value)]);
  }
  return fields;
}

export function urlencoded(fields: Array<[string, string]>): string {
  return new URLSearchParams(fields).toString();
}

export function builtInDefinition(key: string): QuestionnaireDefinition {
  const found = BUILT_IN_QUESTIONNAIRES.find((questionnaire) => questionnaire.key === key);
  if (!found) throw new Error(`no built-in questionnaire ${key}`);
  return found.definition;
}

/** Posts every visible section of the questionnaire for these answers, as the portal's autosave does. */
export async function answerThroughPortal(
  agent: Agent,
  token: string,
  definition: QuestionnaireDefinition,
  answers: Answers,
): Promise<number> {
  const page = await agent.get(`/portal/${token}/sections/0`).expect(200);
  const csrf = csrfOf(page.text);
  let revision = revisionOf(page.text);
  // Visibility depends on earlier answers, so sections are recomputed as answers accumulate.
  for (let pass = 0; pass < 3; pass++) {
    for (const section of buildPortalForm(definition, answers)) {
      const saved = await agent
        .post(`/portal/${token}/sections/${section.index}`)
        .set('Accept', 'application/json')
        .type('form')
        .send(urlencoded([['_csrf', csrf], ['_revision', String(revision)], ...sectionFields(section, answers)]));
      if (saved.status !== 200)
        throw new Error(`section ${section.index}: ${saved.status} ${JSON.stringify(saved.body)}`);
      revision = saved.body.revision;
    }
  }
  return revision;
}

export function linkIn(text: string | undefined): string {
  const match = /\/portal\/([A-Za-z0-9_-]{43})/.exec(text ?? '');
  if (!match) throw new Error(`no portal link in:\n${text}`);
  return match[1];
}

function cookiePairs(response: { headers: Record<string, unknown> }): Record<string, string> {
  const header = response.headers['set-cookie'];
  const lines = Array.isArray(header) ? header : header ? [String(header)] : [];
  return Object.fromEntries(
    lines.map((line) => line.split(';')[0].split('=')).map(([name, ...value]) => [name.trim(), value.join('=')]),
  );
}

/** Headers that act as a signed-in staff member on any request: the session and CSRF cookies plus the token. */
export async function signInHeaders(
  app: INestApplication,
  email: string,
  password: string,
): Promise<{ Cookie: string; 'x-csrf-token': string }> {
  const server = app.getHttpServer();
  const anonymous = await request(server).get('/api/v1/session').expect(200);
  const cookies = cookiePairs(anonymous);
  const signedIn = await request(server)
    .post('/api/v1/session')
    .set(
      'Cookie',
      Object.entries(cookies)
        .map(([name, value]) => `${name}=${value}`)
        .join('; '),
    )
    .set('x-csrf-token', anonymous.body.csrfToken)
    .send({ email, password })
    .expect(200);
  Object.assign(cookies, cookiePairs(signedIn));
  return {
    Cookie: Object.entries(cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; '),
    'x-csrf-token': signedIn.body.csrfToken,
  };
}

/** Serves the app on a free loopback port and returns its base URL (IPv4, as browsers are given it). */
export async function serveOnLoopback(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

/** A signed-in officer raises the demo case through the API (201), with `overrides` on top of its input. */
export async function raiseDemoCase(officer: { agent: Agent; csrf: string }, overrides: Record<string, unknown> = {}) {
  const input = demoCase(new Date());
  const created = await officer.agent
    .post('/api/v1/cases')
    .set('x-csrf-token', officer.csrf)
    .send({
      ...input,
      questionsDue: input.questionsDue?.toISOString(),
      responsesDue: input.responsesDue.toISOString(),
      ...overrides,
    })
    .expect(201);
  return { input, created };
}

/** A signed-in officer opens a draft case to providers (200). */
export async function publishCase(officer: { agent: Agent; csrf: string }, caseId: string): Promise<void> {
  await officer.agent
    .post(`/api/v1/cases/${caseId}/transitions`)
    .set('x-csrf-token', officer.csrf)
    .send({ to: 'open' })
    .expect(200);
}

/**
 * An agency with one procurement officer, the demo case raised and published and its first demo
 * provider invited: what every portal test starts from. The portal path comes from the invitation
 * e-mail, as a provider gets it.
 */
export async function openDemoCaseWithInvite(
  app: INestApplication,
  mailbox: { messages: Array<{ parsed: { text?: string } }> },
  officer: { agencyName: string; email: string; password: string },
): Promise<{ officer: { agent: Agent; csrf: string }; caseId: string; token: string; portalPath: string }> {
  const identity = app.get(IdentityService);
  const agency = await identity.createAgency(officer.agencyName);
  await identity.createStaffUser({
    agencyId: agency.id,
    email: officer.email,
    name: 'Test Officer',
    role: 'procurement_officer',
    password: officer.password,
  });
  const signedIn = await signIn(app, officer.email, officer.password);
  const { created } = await raiseDemoCase(signedIn);
  await publishCase(signedIn, created.body.id);
  const mailsBefore = mailbox.messages.length;
  await signedIn.agent
    .post(`/api/v1/cases/${created.body.id}/invites`)
    .set('x-csrf-token', signedIn.csrf)
    .send(DEMO_PROVIDERS[0].invite)
    .expect(201);
  const token = linkIn(mailbox.messages[mailsBefore]?.parsed.text);
  return { officer: signedIn, caseId: created.body.id as string, token, portalPath: `/portal/${token}` };
}
