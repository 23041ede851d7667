import fc from 'fast-check';
import request from 'supertest';
import { signInHeaders } from '../support/tender-http';
import { hostileBody, hostileQuery, hostileSegment, OVERSIZED_BODIES } from './hostile-arbitraries';
import {
  expectRefusal,
  expectWellBehaved,
  HostileWorld,
  PASSWORD,
  pathFor,
  sendHostile,
  startHostileWorld,
  stopHostileWorld,
} from './hostile-world';
import { AppRoute, documentedRoutes, fillPath, routesOf } from './routes';

const RUNS_PER_ROUTE = 30;

/** Random and malformed input at every route the application serves, signed in and with valid tokens. */
describe('hostile input at every route (real Postgres and Redis)', () => {
  let world: HostileWorld;
  let routes: AppRoute[];
  const prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    world = await startHostileWorld();
    routes = routesOf(world.app);
  });

  afterAll(() => stopHostileWorld(world));

  it('the route list comes from the application and covers every documented API route', async () => {
    const document = await request(world.app.getHttpServer()).get('/api/docs-json').expect(200);
    const served = new Set(routes.map((route) => `${route.method} ${route.path}`));
    const documented = documentedRoutes(document.body).map((route) => `${route.method} ${route.path}`);
    expect(documented.length).toBeGreaterThan(10);
    expect(documented.filter((route) => !served.has(route))).toEqual([]);
    expect(routes.some((route) => route.path.startsWith('/portal/:token'))).toBe(true);
  });

  it('text PostgreSQL cannot store (NUL, lone surrogates) is a 400 naming the field, in JSON, forms and multipart', async () => {
    const server = world.app.getHttpServer();
    const portalSection = `/portal/${world.parameters.token}/sections/0`;
    const autosave = await request(server)
      .post(portalSection)
      .set('Cookie', world.portal.Cookie)
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: world.portal.csrf, _revision: '0', law_misuse: 'An answer\u0000 with a NUL' });
    expectRefusal(autosave, 400, /"law_misuse" contains a NUL/, 'portal autosave with NUL');
    const clarification = await request(server)
      .post(`/portal/${world.parameters.token}/clarifications`)
      .set('Cookie', world.portal.Cookie)
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: world.portal.csrf, question: 'Is\u0000 this stored?' });
    expectRefusal(clarification, 400, /"question" contains a NUL/, 'clarification with NUL');
    const loneSurrogate = await request(server)
      .post(`/api/v1/clarifications/${world.parameters.clarificationId}/answer`)
      .set(world.officer)
      .type('json')
      .send('{"question":"broken \\ud800 text","answer":"x"}');
    expectRefusal(loneSurrogate, 400, /"question" contains invalid Unicode/, 'JSON with a lone surrogate');
    const signIn = await request(server)
      .post('/api/v1/session')
      .set(world.officer)
      .type('json')
      .send('{"email":"officer@hostile.example\\u0000","password":"x"}');
    expectRefusal(signIn, 400, /"email" contains a NUL/, 'sign-in with NUL');
    const evidence = await request(server)
      .post(`/portal/${world.parameters.token}/evidence`)
      .set('Cookie', world.portal.Cookie)
      .set('x-csrf-token', world.portal.csrf)
      .set('Accept', 'application/json')
      .field('questionName', 'ho_override_process\u0000')
      .attach('file', Buffer.from('plain evidence text'), { filename: 'notes.txt', contentType: 'text/plain' });
    expectRefusal(evidence, 400, /"questionName" contains a NUL/, 'multipart field with NUL');
    const query = await request(server).get('/api/v1/cases?page=1%00').set(world.officer);
    expectRefusal(query, 400, /query parameter "page" contains a NUL/, 'query with NUL');
  });

  it('a questionnaire pasted as JSON text is checked the same way once parsed: 422 with the JSON path', async () => {
    const server = world.app.getHttpServer();
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
        .post(`/admin/questionnaires?_csrf=${encodeURIComponent(world.admin['x-csrf-token'])}`)
        .set('Cookie', world.admin.Cookie)
        .set('Accept', 'application/json')
        .field('key', 'hostile-import')
        .field('definition', definition);
      expectWellBehaved(label, response);
      expect(response.status).toBe(422);
      expect(response.text).toMatch(message);
    }
  });

  it('JSON nested thousands deep is a 400, before validation can overflow the stack', async () => {
    const server = world.app.getHttpServer();
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
      const created = await request(server).post('/api/v1/cases').set(world.officer).type('json').send(body);
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
      const response = await sendHostile(
        world,
        route,
        pathFor(world, route),
        { kind: 'long-field', contentType: 'application/json', body: Buffer.from(JSON.stringify(fields)) },
        'lang=-146.8&page=1e%2B308',
      );
      expectWellBehaved('clarification answered with long text', response);
      expect(response.status).toBe(422);
      expect(response.text).toMatch(/at most [\d,]+ characters/);
    }
  });

  it('a page number beyond any real list is a 400, not "bigint out of range"', async () => {
    const server = world.app.getHttpServer();
    const huge = '99999999999999999999';
    for (const [path, who] of [
      ['/api/v1/cases', world.officer],
      ['/api/v1/audit', world.admin],
    ] as const) {
      const response = await request(server).get(`${path}?page=${huge}`).set(who);
      expectRefusal(response, 400, /page/, `${path}?page=${huge}`);
    }
    const page = await request(server).get(`/cases?page=${huge}`).set(world.officer).set('Accept', 'text/html');
    expectWellBehaved(`/cases?page=${huge}`, page);
    expect(page.status).toBe(400);
    expect(page.text).toMatch(/page/i);
  });

  /** Signing out ends the session every other staff route is fuzzed with, so those run last. */
  const endsSession = (route: AppRoute) =>
    (route.method === 'DELETE' && route.path === '/api/v1/session') || route.path === '/logout';
  /** Server-sent events stay open by design; a request with junk still gets headers, checked separately. */
  const streams = (route: AppRoute) => route.path.endsWith('/stream');

  it('no route answers random or malformed bodies and queries with a 5xx or a stack trace', async () => {
    const ordered = [...routes.filter((route) => !endsSession(route)), ...routes.filter(endsSession)].filter(
      (route) => !streams(route),
    );
    expect(ordered.length).toBeGreaterThan(40);
    for (const route of ordered) {
      await fc.assert(
        fc.asyncProperty(hostileBody, hostileQuery, async (body, queryPairs) => {
          const query = new URLSearchParams(queryPairs.map(([name, value]) => [name, String(value)])).toString();
          const response = await sendHostile(world, route, pathFor(world, route), body, query);
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
        const response = await sendHostile(world, route, pathFor(world, route), body, '');
        expect(response.status).toBe(413);
        expectWellBehaved(`${route.method} ${route.path} [${body.kind}]`, response);
      }
  });

  it('junk in path parameters is a 4xx, never a 5xx', async () => {
    world.officer = await signInHeaders(world.app, 'officer@hostile.example', PASSWORD);
    const parameterised = routes.filter((route) => route.path.includes(':') && !streams(route) && !endsSession(route));
    for (const route of parameterised) {
      await fc.assert(
        fc.asyncProperty(hostileSegment, async (segment) => {
          const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
          // One parameter at a time is junk, the others stay valid, so each check is reached.
          for (const name of names) {
            const path = fillPath(route.path, { ...world.parameters, [name]: segment });
            const response = await sendHostile(
              world,
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
    await request(world.app.getHttpServer()).get('/health/live').expect(200);
  });
});
