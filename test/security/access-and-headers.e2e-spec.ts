import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { CasesService, ClarificationsService, ProviderInvitesService } from '@probity/cases';
import { AppConfig } from '@probity/config';
import { DEMO_PROVIDERS, demoCase } from '@probity/demo';
import { IdentityService, StaffRole } from '@probity/identity';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { signInHeaders } from '../support/tender-http';

const PASSWORD = 'access and headers passphrase';

type Session = { Cookie: string; 'x-csrf-token': string };

function cookiesOf(response: request.Response): Record<string, string> {
  return Object.fromEntries(
    [response.headers['set-cookie']]
      .flat()
      .filter(Boolean)
      .map((line) => String(line).split(';')[0].split('='))
      .map(([name, ...value]) => [name, value.join('=')]),
  );
}

/** The cookies a response set, as the `Cookie` header a browser sends back. */
const cookieHeaderOf = (response: request.Response) =>
  Object.entries(cookiesOf(response))
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

/** The whole `Set-Cookie` line of one cookie (its attributes included). */
const setCookieLine = (response: request.Response, prefix: string) =>
  [response.headers['set-cookie']].flat().find((line) => String(line).startsWith(prefix));

/** Roles, sessions and HTTP security headers, against the real application on real services. */
describe('roles, sessions and security headers (real Postgres and Redis)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  const sessions: Partial<Record<StaffRole, Session>> = {};
  let caseId: string;
  let responseId: string;
  let clarificationId: string;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApp(servicesTestConfig(database.url));
    await app.init();
    const identity = app.get(IdentityService);
    const agency = await identity.createAgency('Roles test agency');
    const roles: StaffRole[] = ['procurement_officer', 'evaluator', 'legal_reviewer', 'admin'];
    for (const role of roles) {
      await identity.createStaffUser({
        agencyId: agency.id,
        email: `${role}@roles.example`,
        name: role,
        role,
        password: PASSWORD,
      });
      sessions[role] = await signInHeaders(app, `${role}@roles.example`, PASSWORD);
    }
    const cases = app.get(CasesService);
    const created = await cases.createCase(agency.id, { ...demoCase(new Date()), questionsDue: undefined });
    caseId = created.id;
    await cases.transition(caseId, 'open');
    const invited = await app.get(ProviderInvitesService).inviteProvider(caseId, DEMO_PROVIDERS[0].invite);
    responseId = invited.response.id;
    token = invited.token;
    const openCase = await cases.caseOfAgency(agency.id, caseId);
    clarificationId = (await app.get(ClarificationsService).ask(invited.response, openCase, 'Is there a pilot phase?'))
      .id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  describe('a role without the right gets 403 with a message, and nothing changes', () => {
    const officerOnly: Array<[string, string, () => string, object]> = [
      [
        'create a case',
        'post',
        () => '/api/v1/cases',
        { ...demoCase(new Date()), responsesDue: new Date().toISOString() },
      ],
      ['invite a provider', 'post', () => `/api/v1/cases/${caseId}/invites`, DEMO_PROVIDERS[1].invite],
      ['move the case', 'post', () => `/api/v1/cases/${caseId}/transitions`, { to: 'closed' }],
      ['set the panel', 'put', () => `/api/v1/cases/${caseId}/panel`, { members: [] }],
      ['re-issue a link', 'post', () => `/api/v1/responses/${responseId}/invite/reissue`, {}],
      ['revoke a link', 'post', () => `/api/v1/responses/${responseId}/invite/revoke`, {}],
      ['reopen a response', 'post', () => `/api/v1/responses/${responseId}/reopen`, { reason: 'probe' }],
      ['answer a clarification', 'post', () => `/api/v1/clarifications/${clarificationId}/answer`, { answer: 'x' }],
      ['change weights', 'put', () => `/api/v1/cases/${caseId}/weights`, { weights: {} }],
      ['record a price', 'put', () => `/api/v1/cases/${caseId}/prices/${responseId}`, { amount: 1 }],
      ['lock the weights', 'post', () => `/api/v1/cases/${caseId}/weights/lock`, {}],
      ['raise a case (page)', 'post', () => '/cases', { title: 'x' }],
      ['invite (page)', 'post', () => `/cases/${caseId}/invites`, { organisationName: 'x' }],
      ['move the case (page)', 'post', () => `/cases/${caseId}/transitions`, { to: 'closed' }],
      ['revoke (page)', 'post', () => `/cases/${caseId}/responses/${responseId}/revoke`, {}],
      ['answer (page)', 'post', () => `/cases/${caseId}/clarifications/${clarificationId}`, { answer: 'x' }],
      ['new-case form', 'get', () => '/cases/new', {}],
    ];
    const lacking: StaffRole[] = ['evaluator', 'legal_reviewer'];
    const matrix = officerOnly.flatMap(([name, method, path, body]) =>
      lacking.map((role) => [name, role, method, path, body] as const),
    );

    it.each(matrix)('%s as %s', async (_name, role, method, path, body) => {
      const call = request(app.getHttpServer())
        [method as 'get' | 'post' | 'put'](path())
        .set(sessions[role] as Session)
        .set('Accept', 'application/json');
      const response = await (method === 'get' ? call : call.send(body));
      expect(response.status).toBe(403);
      // The access policy's refusal names the role and what it does not allow.
      expect(response.body.message).toMatch(/^Your role \((evaluator|legal reviewer)\) does not allow you to /);
      expect(response.body.reason).toBe('role');
    });

    it('afterwards the case, the link and the clarification are as they were', async () => {
      const officer = sessions.procurement_officer as Session;
      const server = app.getHttpServer();
      expect((await request(server).get(`/api/v1/cases/${caseId}`).set(officer).expect(200)).body.status).toBe('open');
      expect((await request(server).get('/api/v1/cases').set(officer).expect(200)).body.total).toBe(1);
      await request(server).get(`/portal/${token}`).expect(200);
      const [clarification] = (await request(server).get(`/api/v1/cases/${caseId}/clarifications`).set(officer)).body;
      expect(clarification.answer ?? null).toBeNull();
    });

    it.each([
      ['audit trail', () => '/api/v1/audit', ['procurement_officer', 'evaluator'] as StaffRole[]],
      ['prices', () => `/api/v1/cases/${caseId}/prices`, ['evaluator'] as StaffRole[]],
    ])('reading the %s is limited too', async (_name, path, roles) => {
      for (const role of roles)
        await request(app.getHttpServer())
          .get(path())
          .set(sessions[role] as Session)
          .expect(403);
      await request(app.getHttpServer())
        .get(path())
        .set(sessions.admin as Session)
        .expect(200);
    });
  });

  describe('session fixation', () => {
    it('a session id planted before sign-in is replaced, and is never a session', async () => {
      const server = app.getHttpServer();
      const planted = 'a'.repeat(43);
      const anonymous = await request(server).get('/api/v1/session').set('Cookie', `probity_session=${planted}`);
      const csrfCookie = cookieHeaderOf(anonymous);
      const signedIn = await request(server)
        .post('/api/v1/session')
        .set('Cookie', `probity_session=${planted}; ${csrfCookie}`)
        .set('x-csrf-token', anonymous.body.csrfToken)
        .send({ email: 'evaluator@roles.example', password: PASSWORD })
        .expect(200);
      const issued = cookiesOf(signedIn).probity_session;
      expect(issued).toBeDefined();
      expect(issued).not.toBe(planted);
      await request(server).get('/api/v1/cases').set('Cookie', `probity_session=${planted}`).expect(401);
      await request(server).get('/api/v1/cases').set('Cookie', `probity_session=${issued}`).expect(200);
    });

    it('each sign-in gets a new session id; after sign-out the old one is refused', async () => {
      const first = await signInHeaders(app, 'legal_reviewer@roles.example', PASSWORD);
      const second = await signInHeaders(app, 'legal_reviewer@roles.example', PASSWORD);
      const sessionOf = (session: Session) => /probity_session=([^;]+)/.exec(session.Cookie)?.[1];
      expect(sessionOf(first)).not.toBe(sessionOf(second));
      const server = app.getHttpServer();
      await request(server).get('/api/v1/cases').set(first).expect(200);
      await request(server).delete('/api/v1/session').set(first).expect(204);
      await request(server).get('/api/v1/cases').set(first).expect(401);
      const page = await request(server).get('/cases').set(first).set('Accept', 'text/html');
      expect(page.status).toBe(303);
      // Signing out one browser does not sign out another.
      await request(server).get('/api/v1/cases').set(second).expect(200);
    });

    it('session cookies are HttpOnly and SameSite', async () => {
      const server = app.getHttpServer();
      const anonymous = await request(server).get('/api/v1/session');
      const signedIn = await request(server)
        .post('/api/v1/session')
        .set('Cookie', cookieHeaderOf(anonymous))
        .set('x-csrf-token', anonymous.body.csrfToken)
        .send({ email: 'admin@roles.example', password: PASSWORD })
        .expect(200);
      const line = setCookieLine(signedIn, 'probity_session=');
      expect(line).toMatch(/HttpOnly/i);
      expect(line).toMatch(/SameSite=Lax/i);
    });
  });

  describe('security headers', () => {
    const pages = () =>
      [
        ['portal page', `/portal/${token}`, {}],
        ['sign-in page', '/login', {}],
        ['case page', `/cases/${caseId}`, sessions.procurement_officer],
        ['JSON API', `/api/v1/cases/${caseId}`, sessions.procurement_officer],
      ] as Array<[string, string, Record<string, string>]>;

    it('every response has a CSP without unsafe-inline scripts, frame-ancestors none and no X-Powered-By', async () => {
      for (const [name, path, headers] of pages()) {
        const response = await request(app.getHttpServer()).get(path).set(headers);
        expect([name, response.status]).toEqual([name, 200]);
        const csp = String(response.headers['content-security-policy']);
        const directives = Object.fromEntries(
          csp.split(';').map((directive) => {
            const [key, ...values] = directive.trim().split(/\s+/);
            return [key, values.join(' ')];
          }),
        );
        expect(directives['script-src']).toBe("'self'");
        expect(directives['default-src']).toBe("'self'");
        expect(directives['frame-ancestors']).toBe("'none'");
        expect(directives['object-src']).toBe("'none'");
        expect(directives['base-uri']).toBe("'none'");
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
        expect(response.headers['x-powered-by']).toBeUndefined();
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      }
    });

    it('portal pages, whose address is the provider’s key, send no referrer at all', async () => {
      for (const path of [`/portal/${token}`, `/portal/${token}/sections/0`]) {
        const response = await request(app.getHttpServer()).get(path).expect(200);
        expect(response.headers['referrer-policy']).toBe('no-referrer');
      }
      const login = await request(app.getHttpServer()).get('/login').expect(200);
      expect(login.headers['referrer-policy']).toBe('same-origin');
    });

    it('over plain HTTP there is no HSTS (it would lock out a test install)', async () => {
      const response = await request(app.getHttpServer()).get('/login').expect(200);
      expect(response.headers['strict-transport-security']).toBeUndefined();
    });
  });

  describe('behind TLS (PUBLIC_BASE_URL https, proxy on loopback)', () => {
    let tlsApp: INestApplication;

    beforeAll(async () => {
      tlsApp = await createApp(
        servicesTestConfig(database.url, { PUBLIC_BASE_URL: 'https://probity.example', TRUST_PROXY: 'loopback' }),
      );
      await tlsApp.init();
      expect(tlsApp.get(AppConfig).publicBaseUrl).toBe('https://probity.example');
    });

    afterAll(async () => {
      await tlsApp?.close();
    });

    it('sends HSTS for a year with subdomains, upgrades insecure requests and trusts the proxy TRUST_PROXY names', async () => {
      const response = await request(tlsApp.getHttpServer())
        .get('/login')
        .set('X-Forwarded-Proto', 'https')
        .set('X-Forwarded-For', '203.0.113.9')
        .expect(200);
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      const express = tlsApp.getHttpAdapter().getInstance() as { get(name: string): unknown };
      expect(express.get('trust proxy')).toEqual(['loopback']);
    });

    it('cookies are Secure and the CSRF cookie is __Host- prefixed', async () => {
      const server = tlsApp.getHttpServer();
      const anonymous = await request(server).get('/api/v1/session').set('X-Forwarded-Proto', 'https');
      const csrfLine = setCookieLine(anonymous, '__Host-');
      expect(csrfLine).toMatch(/Secure/);
      expect(csrfLine).toMatch(/Path=\//);
      const signedIn = await request(server)
        .post('/api/v1/session')
        .set('X-Forwarded-Proto', 'https')
        .set('Cookie', cookieHeaderOf(anonymous))
        .set('x-csrf-token', anonymous.body.csrfToken)
        .send({ email: 'admin@roles.example', password: PASSWORD })
        .expect(200);
      const sessionLine = setCookieLine(signedIn, 'probity_session=');
      expect(sessionLine).toMatch(/Secure/);
    });
  });
});
