import { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { DEMO_PROVIDERS, demoCase } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { BUILT_IN_QUESTIONNAIRES } from '@probity/questionnaires';
import { createTestDatabase, servicesTestConfig, SmtpSink, startSmtpSink, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { csrfOf, linkIn, serveOnLoopback, signInHeaders } from '../support/tender-http';
import { RawAnswer, rawRequest } from './raw-request';
import { AppRoute, documentedRoutes, fillPath, routesOf, STACK_TRACE } from './routes';

const PASSWORD = 'hostile input passphrase';
const RUNS_PER_ROUTE = 30;

/** Keys that pollute prototypes when a parser or a merge copies them naively. */
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'hasOwnProperty'];
/** Names the real forms and DTOs use, so junk reaches validation and the services behind it. */
const KNOWN_KEYS = [
  '_csrf',
  '_revision',
  'email',
  'password',
  'token',
  'to',
  'members',
  'question',
  'answer',
  'reason',
  'questionName',
  'weights',
  'amount',
  'reviewers',
  'returnToSection',
  'law_misuse',
  'organisationName',
  'contactEmails',
  'criteriaWeights',
  'aiActClassification',
];

const key = fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 12 }));
/** Text PostgreSQL cannot store: NUL anywhere in it, UTF-16 surrogates without their partner. */
const unstorableText = fc.oneof(
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }))
    .map(([before, after]) => `${before}\u0000${after}`),
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\ud800', '\udfff', '\udbff\ud800', '\udc00\ud83d'))
    .map(([text, lone]) => `${text}${lone}${text}`),
);
/** Beyond every integer column and offset: 2^63 and more, as numbers and as the digits a query carries. */
const hugeNumber = fc.oneof(
  fc.constantFrom(1e20, -1e20, 2 ** 63, 1e21, Number.MAX_VALUE, -Number.MAX_VALUE),
  fc.bigInt({ min: 2n ** 63n, max: 10n ** 30n }).map(String),
);
/** Longer than any text column or index entry, still under the 1 MB body limit. */
const veryLongString = fc
  .tuple(fc.constantFrom('x', 'é', '字', '😀', 'a b '), fc.integer({ min: 3_000, max: 60_000 }))
  .map(([unit, times]) => unit.repeat(times));
/** Values that fit in a URL: Node answers a request line over 16 KB itself, with a bare 431. */
const shortScalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '-1', 'NaN', '1e309', 'true', 'null', '../../etc/passwd', '<script>x</script>'),
  unstorableText,
  hugeNumber,
  fc.integer({ min: 500, max: 2_000 }).map((length) => 'q'.repeat(length)),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308),
  fc.boolean(),
  fc.constant(null),
);
const scalar = fc.oneof(shortScalar, veryLongString);
const { value: junk } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => new RawObject(entries)),
  ),
}));

/** A JSON object written out key by key, so `__proto__` and duplicate keys reach the parser as sent. */
class RawObject {
  constructor(readonly entries: Array<[string, unknown]>) {}
}

function rawJson(value: unknown): string {
  if (value instanceof RawObject)
    return `{${value.entries.map(([name, inner]) => `${JSON.stringify(name)}:${rawJson(inner)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(rawJson).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

function formPairs(value: unknown, prefix = ''): Array<[string, string]> {
  if (value instanceof RawObject)
    return value.entries.flatMap(([name, inner]) => formPairs(inner, prefix ? `${prefix}[${name}]` : name));
  if (Array.isArray(value)) return value.flatMap((inner) => formPairs(inner, prefix ? `${prefix}[]` : '0'));
  return [[prefix || 'value', String(value)]];
}

interface HostileBody {
  kind: string;
  contentType?: string;
  contentEncoding?: string;
  body?: Buffer;
}

/** Counterexamples print as their kind and a readable prefix, not as a megabyte of byte values. */
function described(body: HostileBody): HostileBody {
  const preview = body.body ? JSON.stringify(body.body.subarray(0, 120).toString('utf8')) : '(none)';
  return Object.assign(body, {
    [fc.toStringMethod]: () =>
      `${body.kind} ${body.contentType ?? ''}${body.contentEncoding ? ` (${body.contentEncoding})` : ''} ${body.body?.length ?? 0} bytes: ${preview}`,
  });
}

/** Just over the 1 MB body limit; built once, they are large, and sent once per route kind below. */
const OVERSIZED_BODIES: HostileBody[] = [
  { kind: 'huge-json', contentType: 'application/json', body: Buffer.from(`{"question":"${'x'.repeat(1_100_000)}"}`) },
  {
    kind: 'huge-form',
    contentType: 'application/x-www-form-urlencoded',
    body: Buffer.from(`question=${'y'.repeat(1_100_000)}`),
  },
];

const hostileBody: fc.Arbitrary<HostileBody> = fc
  .oneof(
    junk.map((value) => ({ kind: 'json', contentType: 'application/json', body: Buffer.from(rawJson(value)) })),
    junk.map((value) => ({
      kind: 'form',
      contentType: 'application/x-www-form-urlencoded',
      body: Buffer.from(new URLSearchParams(formPairs(value)).toString()),
    })),
    fc
      .constantFrom(
        '{"__proto__":{"polluted":"yes","role":"admin"}}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
        '{"_revision":{"__proto__":{"polluted":"yes"}},"answers":{"__proto__":{"polluted":"yes"}}}',
      )
      .map((text) => ({ kind: 'pollution', contentType: 'application/json', body: Buffer.from(text) })),
    fc
      .constantFrom('__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes', '__proto__=x&_revision[]=1')
      .map((text) => ({
        kind: 'pollution-form',
        contentType: 'application/x-www-form-urlencoded',
        body: Buffer.from(text),
      })),
    fc
      .oneof(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('{', '{"a":', '[1,2', '{"a":1}}', "{'a':1}", 'undefined', '\u0000'),
      )
      .map((text) => ({ kind: 'invalid-json', contentType: 'application/json', body: Buffer.from(text) })),
    fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'text/html',
          'application/octet-stream',
          'multipart/form-data',
          'multipart/form-data; boundary=xyz',
          'application/json; charset=utf-7',
          'application/x-www-form-urlencoded; charset=koi8-r',
          'image/png',
          'application/json; boundary=--',
          ';;;',
        ),
        fc.string({ maxLength: 80 }),
      )
      .map(([contentType, text]) => ({ kind: 'wrong-content-type', contentType, body: Buffer.from(text) })),
    fc.constantFrom('gzip', 'deflate', 'br', 'x-unknown').map((contentEncoding) => ({
      kind: 'bad-encoding',
      contentType: 'application/json',
      contentEncoding,
      body: Buffer.from('{"not":"compressed"}'),
    })),
    fc.constant({ kind: 'no-body' }),
    fc
      .tuple(fc.integer({ min: 100, max: 5_000 }), fc.constantFrom('[', '{"answers":'), key)
      .map(([depth, opening, name]) => ({
        kind: 'deep-json',
        contentType: 'application/json',
        body: Buffer.from(
          `{${JSON.stringify(name)}:${opening.repeat(depth)}1${(opening === '[' ? ']' : '}').repeat(depth)}}`,
        ),
      })),
    junk.map((value) => {
      const boundary = 'hostile-boundary-7MA4YWxkTrZu0gW';
      const parts = formPairs(value).map(
        ([name, text]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${text}\r\n`,
      );
      return {
        kind: 'multipart',
        contentType: `multipart/form-data; boundary=${boundary}`,
        body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
      };
    }),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1000, max: 3000 }))
      .map(([unit, times]) => unit.repeat(times))
      .map((text) => ({
        kind: 'long-field',
        contentType: 'application/json',
        body: Buffer.from(JSON.stringify({ question: text, answer: text, reason: text, email: text, password: text })),
      })),
  )
  .map(described);

const hostileSegment = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.constantFrom('..', '%2e%2e', '-1', '1e9', '00000000-0000-0000-0000-000000000000', '__proto__', ' ', '%00', 'ä'),
  // Segments are percent-encoded on the way (a lone surrogate cannot be: encodeURIComponent refuses it).
  unstorableText.filter((text) => !/[\ud800-\udfff]/.test(text)),
  hugeNumber.map(String),
  fc.integer({ min: 300, max: 2_000 }).map((length) => 's'.repeat(length)),
);

const hostileQuery = fc.array(
  fc.tuple(fc.oneof(key, fc.constantFrom('page', 'pageSize', 'lang', 'notice')), shortScalar),
  {
    maxLength: 4,
  },
);

function randomAddress(): string {
  // Every request from its own documentation-range address: the per-address rate limits stay out of the way.
  const octets = Array.from({ length: 3 }, () => Math.floor(Math.random() * 256));
  return `198.${octets.join('.')}`;
}

/** What every answer to hostile input must look like: no 5xx, no internals, errors that say what went wrong. */
function expectWellBehaved(label: string, response: request.Response | RawAnswer): void {
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

/** Random and malformed input at every route the application serves, signed in and with valid tokens. */
describe('hostile input at every route (real Postgres and Redis)', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let app: INestApplication;
  let officer: { Cookie: string; 'x-csrf-token': string };
  let admin: { Cookie: string; 'x-csrf-token': string };
  let portal: { Cookie: string; csrf: string };
  let parameters: Record<string, string>;
  let routes: AppRoute[];
  let baseUrl: string;
  const prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpSink();
    // TRUST_PROXY: the fuzzed requests each claim their own X-Forwarded-For (randomAddress), which only
    // counts when the loopback proxy is trusted; the per-address limits then stay out of the way.
    app = await createApp(
      servicesTestConfig(database.url, {
        SMTP_URL: smtp.url,
        RATE_LIMIT_PER_MINUTE: '1000000',
        LOG_LEVEL: 'error',
        TRUST_PROXY: 'loopback',
      }),
    );
    baseUrl = await serveOnLoopback(app);
    const identity = app.get(IdentityService);
    const agency = await identity.createAgency('Hostile input test agency');
    await identity.createStaffUser({
      agencyId: agency.id,
      email: 'officer@hostile.example',
      name: 'Officer',
      role: 'procurement_officer',
      password: PASSWORD,
    });
    await identity.createStaffUser({
      agencyId: agency.id,
      email: 'admin@hostile.example',
      name: 'Admin',
      role: 'admin',
      password: PASSWORD,
    });
    // Its password may be reset by the fuzzed reset form, so the officer's own is never put at risk.
    await identity.createStaffUser({
      agencyId: agency.id,
      email: 'forgetful@hostile.example',
      name: 'Forgetful',
      role: 'evaluator',
      password: PASSWORD,
    });
    officer = await signInHeaders(app, 'officer@hostile.example', PASSWORD);
    admin = await signInHeaders(app, 'admin@hostile.example', PASSWORD);
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
    portal = {
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
    parameters = {
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
    };
    routes = routesOf(app);
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await database?.drop();
  });

  it('the route list comes from the application and covers every documented API route', async () => {
    const document = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    const served = new Set(routes.map((route) => `${route.method} ${route.path}`));
    const documented = documentedRoutes(document.body).map((route) => `${route.method} ${route.path}`);
    expect(documented.length).toBeGreaterThan(10);
    expect(documented.filter((route) => !served.has(route))).toEqual([]);
    expect(routes.some((route) => route.path.startsWith('/portal/:token'))).toBe(true);
  });

  /** A 400 whose message names what was refused, in JSON for the API and the portal's script. */
  function expectRefusal(response: request.Response | RawAnswer, status: number, message: RegExp, label: string): void {
    expectWellBehaved(label, response);
    if (response.status !== status || !message.test([response.body?.message].flat().join(' ')))
      throw new Error(`expected ${status} ${message}: ${label} → ${response.status} ${response.text.slice(0, 300)}`);
  }

  it('text PostgreSQL cannot store (NUL, lone surrogates) is a 400 naming the field, in JSON, forms and multipart', async () => {
    const server = app.getHttpServer();
    const portalSection = `/portal/${parameters.token}/sections/0`;
    const autosave = await request(server)
      .post(portalSection)
      .set('Cookie', portal.Cookie)
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: portal.csrf, _revision: '0', law_misuse: 'An answer\u0000 with a NUL' });
    expectRefusal(autosave, 400, /"law_misuse" contains a NUL/, 'portal autosave with NUL');
    const clarification = await request(server)
      .post(`/portal/${parameters.token}/clarifications`)
      .set('Cookie', portal.Cookie)
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: portal.csrf, question: 'Is\u0000 this stored?' });
    expectRefusal(clarification, 400, /"question" contains a NUL/, 'clarification with NUL');
    const loneSurrogate = await request(server)
      .post(`/api/v1/clarifications/${parameters.clarificationId}/answer`)
      .set(officer)
      .type('json')
      .send('{"question":"broken \\ud800 text","answer":"x"}');
    expectRefusal(loneSurrogate, 400, /"question" contains invalid Unicode/, 'JSON with a lone surrogate');
    const signIn = await request(server)
      .post('/api/v1/session')
      .set(officer)
      .type('json')
      .send('{"email":"officer@hostile.example\\u0000","password":"x"}');
    expectRefusal(signIn, 400, /"email" contains a NUL/, 'sign-in with NUL');
    const evidence = await request(server)
      .post(`/portal/${parameters.token}/evidence`)
      .set('Cookie', portal.Cookie)
      .set('x-csrf-token', portal.csrf)
      .set('Accept', 'application/json')
      .field('questionName', 'ho_override_process\u0000')
      .attach('file', Buffer.from('plain evidence text'), { filename: 'notes.txt', contentType: 'text/plain' });
    expectRefusal(evidence, 400, /"questionName" contains a NUL/, 'multipart field with NUL');
    const query = await request(server).get('/api/v1/cases?page=1%00').set(officer);
    expectRefusal(query, 400, /query parameter "page" contains a NUL/, 'query with NUL');
  });

  it('a questionnaire pasted as JSON text is checked the same way once parsed: 422 with the JSON path', async () => {
    const server = app.getHttpServer();
    const pasted = (title: string, elements: string) =>
      `{"title":${title},"pages":[{"name":"p1","elements":${elements}}]}`;
    const question = '{"type":"comment","name":"q1","title":"Why?"}';
    const deepPanel = `${'{"type":"panel","name":"deep","elements":['.repeat(3000)}${question}${']}'.repeat(3000)}`;
    for (const [label, definition, message] of [
      ['an escaped NUL', pasted('"Title \\u0000"', `[${question}]`), /\$\.title[\s\S]*NUL/],
      ['an escaped lone surrogate', pasted('"Title \\udc00"', `[${question}]`), /\$\.title[\s\S]*unpaired surrogate/],
      ['panels nested 3,000 deep', pasted('"Deep"', `[${deepPanel}]`), /nested more than \d+ levels/],
    ] as const) {
      const response = await request(server)
        .post(`/admin/questionnaires?_csrf=${encodeURIComponent(admin['x-csrf-token'])}`)
        .set('Cookie', admin.Cookie)
        .set('Accept', 'application/json')
        .field('key', 'hostile-import')
        .field('definition', definition);
      expectWellBehaved(label, response);
      expect(response.status).toBe(422);
      expect(response.text).toMatch(message);
    }
  });

  it('JSON nested thousands deep is a 400, before validation can overflow the stack', async () => {
    const server = app.getHttpServer();
    const deep = `{"email":${'['.repeat(3000)}${']'.repeat(3000)},"password":"x"}`;
    const deepObject = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    const anonymous = await request(server).get('/api/v1/session').expect(200);
    const cookie = [anonymous.headers['set-cookie']]
      .flat()
      .map((line) => String(line).split(';')[0])
      .join('; ');
    for (const body of [deep, deepObject]) {
      const signIn = await request(server)
        .post('/api/v1/session')
        .set('Cookie', cookie)
        .set('x-csrf-token', anonymous.body.csrfToken)
        .type('json')
        .send(body);
      expectRefusal(signIn, 400, /nested more than \d+ levels/, 'sign-in nested 3000 deep');
      const created = await request(server).post('/api/v1/cases').set(officer).type('json').send(body);
      expectRefusal(created, 400, /nested more than \d+ levels/, 'case nested 3000 deep');
    }
  });

  it('a clarification answered on the case page with text beyond the limits is a 422, not a 500', async () => {
    const route = { method: 'POST', path: '/cases/:caseId/clarifications/:clarificationId' };
    const long = '9@U~Ye_'.repeat(3000);
    for (const fields of [
      { question: long, answer: 'Fine.' },
      { question: 'Short?', answer: long },
    ]) {
      const response = await send(
        route,
        pathFor(route),
        { kind: 'long-field', contentType: 'application/json', body: Buffer.from(JSON.stringify(fields)) },
        'lang=-146.8&page=1e%2B308',
      );
      expectWellBehaved('clarification answered with long text', response);
      expect(response.status).toBe(422);
      expect(response.text).toMatch(/at most [\d,]+ characters/);
    }
  });

  it('a page number beyond any real list is a 400, not "bigint out of range"', async () => {
    const server = app.getHttpServer();
    const huge = '99999999999999999999';
    for (const [path, who] of [
      ['/api/v1/cases', officer],
      ['/api/v1/audit', admin],
    ] as const) {
      const response = await request(server).get(`${path}?page=${huge}`).set(who);
      expectRefusal(response, 400, /page/, `${path}?page=${huge}`);
    }
    const page = await request(server).get(`/cases?page=${huge}`).set(officer).set('Accept', 'text/html');
    expectWellBehaved(`/cases?page=${huge}`, page);
    expect(page.status).toBe(400);
    expect(page.text).toMatch(/page/i);
  });

  /** Signing out ends the session every other staff route is fuzzed with, so those run last. */
  const endsSession = (route: AppRoute) =>
    (route.method === 'DELETE' && route.path === '/api/v1/session') || route.path === '/logout';
  /** Server-sent events stay open by design; a request with junk still gets headers, checked separately. */
  const streams = (route: AppRoute) => route.path.endsWith('/stream');

  function identityFor(route: AppRoute): Record<string, string> {
    if (route.path.startsWith('/portal/')) return { Cookie: portal.Cookie, 'x-csrf-token': portal.csrf };
    return officer;
  }

  function pathFor(route: AppRoute): string {
    const path = route.path.startsWith('/password-reset/:token')
      ? fillPath(route.path, { token: parameters.resetToken })
      : fillPath(route.path, parameters);
    return path;
  }

  async function send(route: AppRoute, path: string, body: HostileBody, query: string): Promise<RawAnswer> {
    const headers: Record<string, string> = {
      ...identityFor(route),
      'X-Forwarded-For': randomAddress(),
      Accept: 'application/json, text/html;q=0.9',
    };
    if (body.contentType) headers['Content-Type'] = body.contentType;
    if (body.contentEncoding) headers['Content-Encoding'] = body.contentEncoding;
    const sent = body.body && route.method !== 'GET' ? body.body : undefined;
    if (sent) headers['Content-Length'] = String(sent.length);
    try {
      return await rawRequest(baseUrl, {
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

  it('no route answers random or malformed bodies and queries with a 5xx or a stack trace', async () => {
    const ordered = [...routes.filter((route) => !endsSession(route)), ...routes.filter(endsSession)].filter(
      (route) => !streams(route),
    );
    expect(ordered.length).toBeGreaterThan(40);
    for (const route of ordered) {
      await fc.assert(
        fc.asyncProperty(hostileBody, hostileQuery, async (body, queryPairs) => {
          const query = new URLSearchParams(queryPairs.map(([name, value]) => [name, String(value)])).toString();
          const response = await send(route, pathFor(route), body, query);
          expectWellBehaved(`${route.method} ${route.path} [${body.kind}] ?${query}`, response);
        }),
        { numRuns: route.method === 'GET' ? Math.ceil(RUNS_PER_ROUTE / 3) : RUNS_PER_ROUTE },
      );
    }
  }, 900_000);

  it('bodies over the 1 MB limit are refused with 413 and a message', async () => {
    const targets = [
      { method: 'POST', path: '/api/v1/cases' },
      { method: 'POST', path: '/portal/:token/clarifications' },
      { method: 'POST', path: '/api/v1/session' },
    ];
    for (const route of targets)
      for (const body of OVERSIZED_BODIES) {
        const response = await send(route, pathFor(route), body, '');
        expect(response.status).toBe(413);
        expectWellBehaved(`${route.method} ${route.path} [${body.kind}]`, response);
      }
  });

  it('junk in path parameters is a 4xx, never a 5xx', async () => {
    officer = await signInHeaders(app, 'officer@hostile.example', PASSWORD);
    const parameterised = routes.filter((route) => route.path.includes(':') && !streams(route) && !endsSession(route));
    for (const route of parameterised) {
      await fc.assert(
        fc.asyncProperty(hostileSegment, async (segment) => {
          const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
          // One parameter at a time is junk, the others stay valid, so each check is reached.
          for (const name of names) {
            const path = fillPath(route.path, { ...parameters, [name]: segment });
            const response = await send(
              route,
              path,
              { kind: 'json', contentType: 'application/json', body: Buffer.from('{}') },
              '',
            );
            expectWellBehaved(`${route.method} ${path}`, response);
          }
        }),
        { numRuns: Math.ceil(RUNS_PER_ROUTE / 4) },
      );
    }
  }, 200_000);

  it('nothing reached Object.prototype and the application still answers', async () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeysBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await request(app.getHttpServer()).get('/health/live').expect(200);
  });
});
