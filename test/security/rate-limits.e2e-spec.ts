import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock, IdentityService } from '@probity/identity';
import { createTestDatabase, servicesTestConfig, SmtpSink, startSmtpSink, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { csrfOf } from '../support/tender-http';

const PASSWORD = 'the right passphrase';

/**
 * Issue 13 #9 and #18: rate limits count what they protect (a one-time link, an account), a 429 is
 * the app's own page with Retry-After, client addresses come from X-Forwarded-For only behind a
 * proxy named in TRUST_PROXY, and an account backs off after repeated failed sign-ins.
 */
describe('rate limits and sign-in back-off (real Postgres, SMTP)', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  const apps: INestApplication[] = [];

  async function startApp(overrides: Record<string, string> = {}): Promise<INestApplication> {
    const app = await createApp(
      servicesTestConfig(database.url, { SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'http://probity.example', ...overrides }),
    );
    await app.init();
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpSink();
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await smtp?.close();
    await database?.drop();
  });

  async function newColleague(app: INestApplication, email: string): Promise<void> {
    const identity = app.get(IdentityService);
    const agency = await identity.findOrCreateAgency('Policía Nacional (test)');
    await identity.createStaffUser({ agencyId: agency.id, email, name: email, role: 'evaluator', password: PASSWORD });
  }

  async function resetLink(app: INestApplication, email: string): Promise<string> {
    const started = await app.get(IdentityService).startPasswordReset(email);
    if (!started) throw new Error(`no account ${email}`);
    return `/password-reset/${started.token}`;
  }

  /** One sign-in attempt through the JSON API, from the given client address when set. */
  async function attempt(app: INestApplication, email: string, password: string, forwardedFor?: string) {
    const agent = request.agent(app.getHttpServer());
    const csrf = (await agent.get('/api/v1/session').expect(200)).body.csrfToken;
    const call = agent.post('/api/v1/session').set('x-csrf-token', csrf);
    if (forwardedFor) call.set('X-Forwarded-For', forwardedFor);
    return call.send({ email, password });
  }

  describe('one-time links are limited per link, not per office address', () => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await startApp();
    });

    it('eight colleagues in one office set their passwords within a minute', async () => {
      for (let colleague = 1; colleague <= 8; colleague++) {
        const email = `colleague${colleague}@policia.example`;
        await newColleague(app, email);
        const browser = request.agent(app.getHttpServer());
        const path = await resetLink(app, email);
        const page = await browser.get(path).expect(200);
        // Everyone mistypes once: the short password is refused, the second try is saved.
        await browser
          .post(path)
          .type('form')
          .send({ _csrf: csrfOf(page.text), password: 'short' })
          .expect(422);
        const saved = await browser
          .post(path)
          .type('form')
          .send({ _csrf: csrfOf(page.text), password: 'a long new passphrase' });
        expect([email, saved.status]).toEqual([email, 303]);
      }
    });

    it('a link tried too often gets the app’s 429 page with Retry-After, not the throttler’s text', async () => {
      await newColleague(app, 'guessed@policia.example');
      const path = await resetLink(app, 'guessed@policia.example');
      const browser = request.agent(app.getHttpServer());
      const csrf = csrfOf((await browser.get(path).expect(200)).text);
      const statuses: number[] = [];
      let refused: request.Response | undefined;
      for (let attempt = 0; attempt < 8 && !refused; attempt++) {
        const response = await browser
          .post(path)
          .set('Accept', 'text/html')
          .type('form')
          .send({ _csrf: csrf, password: 'short' });
        statuses.push(response.status);
        if (response.status === 429) refused = response;
      }
      expect(refused).toBeDefined();
      expect(statuses.slice(0, -1).every((status) => status === 422)).toBe(true);
      expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused!.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(refused!.headers['content-type']).toMatch(/text\/html/);
      expect(refused!.text).toContain('<h1 id="error-title">Too many requests</h1>');
      expect(refused!.text).not.toContain('ThrottlerException');
      expect(refused!.text).toMatch(/Wait \d+ seconds?/);
      // Another colleague's link from the same address is not affected.
      await newColleague(app, 'unaffected@policia.example');
      await request(app.getHttpServer())
        .get(await resetLink(app, 'unaffected@policia.example'))
        .expect(200);
    });
  });

  describe('client addresses', () => {
    // A different unknown account per attempt: one account would back off on its own (below).
    const unknown = (i: number) => `nobody${i}@policia.example`;

    it('ignores X-Forwarded-For by default: a client cannot pick a fresh address per attempt', async () => {
      const app = await startApp();
      const statuses: number[] = [];
      for (let i = 1; i <= 11; i++) statuses.push((await attempt(app, unknown(i), 'guess', `203.0.113.${i}`)).status);
      expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
    });

    it('honours X-Forwarded-For from a proxy named in TRUST_PROXY', async () => {
      const app = await startApp({ TRUST_PROXY: 'loopback' });
      const statuses: number[] = [];
      for (let i = 1; i <= 11; i++) statuses.push((await attempt(app, unknown(i), 'guess', `203.0.113.${i}`)).status);
      expect(statuses.every((status) => status === 401)).toBe(true);
      const same: number[] = [];
      for (let i = 1; i <= 11; i++) same.push((await attempt(app, unknown(100 + i), 'guess', '198.51.100.7')).status);
      expect(same.at(-1)).toBe(429);
    });
  });

  describe('per-account back-off', () => {
    let app: INestApplication;
    let now: Date;
    const email = 'target@policia.example';
    // A different address per attempt: the back-off follows the account, wherever guesses come from.
    let address = 0;
    const from = () => `192.0.2.${++address}`;
    const lockMails = async (): Promise<number> => {
      const [row] = await app
        .get(DataSource)
        .query(
          `SELECT count(*)::int AS n FROM job_outbox WHERE job_name = 'mail.send' AND payload->>'template' = 'account-locked' AND payload->'to' ? $1`,
          [email],
        );
      return row.n;
    };

    beforeAll(async () => {
      app = await startApp({ TRUST_PROXY: 'loopback' });
      now = new Date('2026-12-01T09:00:00Z');
      jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
      await newColleague(app, email);
    });

    const advance = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

    it('after five failures even the right password is refused with 429 until the lock ends; the owner is e-mailed once', async () => {
      for (let i = 0; i < 4; i++) expect((await attempt(app, email, `wrong ${i}`, from())).status).toBe(401);
      // The fifth failure starts the lock and says so.
      expect((await attempt(app, email, 'wrong 4', from())).status).toBe(429);
      const locked = await attempt(app, email, PASSWORD, from());
      expect(locked.status).toBe(429);
      expect(locked.body.message).toMatch(/Too many failed sign-ins for this account/);
      expect(Number(locked.headers['retry-after'])).toBe(60);
      advance(30);
      const still = await attempt(app, email, PASSWORD, from());
      expect(still.status).toBe(429);
      expect(Number(still.headers['retry-after'])).toBe(30);
      expect(await lockMails()).toBe(1);
    });

    it('the next failure after a lock locks for longer, and e-mails again', async () => {
      advance(31);
      expect((await attempt(app, email, 'wrong again', from())).status).toBe(429);
      const locked = await attempt(app, email, PASSWORD, from());
      expect(Number(locked.headers['retry-after'])).toBe(120);
      expect(await lockMails()).toBe(2);
    });

    it('the sign-in page says the same in words', async () => {
      const browser = request.agent(app.getHttpServer());
      const form = await browser.get('/login').expect(200);
      const page = await browser
        .post('/login')
        .set('X-Forwarded-For', from())
        .type('form')
        .send({ _csrf: csrfOf(form.text), email, password: PASSWORD });
      expect(page.status).toBe(429);
      expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
      expect(page.text).toContain('Too many failed sign-ins for this account');
      expect(page.text).toContain('href="/password-reset"');
    });

    it('an address without an account backs off the same way, so a lock-out does not reveal accounts', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await attempt(app, 'no-such-person@policia.example', 'guess', from())).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    });

    it('once the lock has ended the right password works and the count starts again', async () => {
      advance(121);
      expect((await attempt(app, email, PASSWORD, from())).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await attempt(app, email, `wrong ${i}`, from())).status).toBe(401);
      expect((await attempt(app, email, PASSWORD, from())).status).toBe(200);
    });
  });
});
