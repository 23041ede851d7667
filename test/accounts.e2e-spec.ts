import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { IdentityService } from '@probity/identity';
import { createTestDatabase, servicesTestConfig, SmtpSink, startSmtpSink, TestDatabase } from '@probity/testing';
import { createApp } from '../apps/api/src/create-app';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { agencyWithStaff } from './support/e2e-app';
import { childEnvironment, WORKSPACE_ROOT } from './support/processes';
import { csrfOf, signIn, signInHeaders } from './support/tender-http';

const run = promisify(execFile);

/** The path of the newest password link e-mailed to this address. */
function resetPathFor(smtp: SmtpSink, email: string): string {
  const mail = smtp.messages.filter((message) => message.recipients.includes(email)).at(-1);
  const path = /\/password-reset\/[A-Za-z0-9_-]{43}/.exec(mail?.parsed.text ?? '')?.[0];
  if (!path) throw new Error(`no password link e-mailed to ${email}`);
  return path;
}

describe('staff accounts: first admin, sessions, sign-out and password reset (real Postgres, SMTP)', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpSink();
    app = await createApp(
      servicesTestConfig(database.url, { SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'http://probity.example' }),
    );
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await database?.drop();
  });

  it('the create-admin command creates the agency and its first administrator, who can sign in', async () => {
    const env = childEnvironment({
      DATABASE_URL: database.url,
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      PROBITY_ADMIN_PASSWORD: 'first admin passphrase',
      LOG_LEVEL: 'silent',
    });
    const script = join(WORKSPACE_ROOT, 'dist/apps/api/src/create-admin.js');
    const usage = await run(process.execPath, [script], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(usage).toMatchObject({ code: 64, stderr: expect.stringMatching(/usage: npm run create-admin/) });
    const created = await run(
      process.execPath,
      [script, '--agency', 'Europol EC3 (test)', '--email', 'Admin@EC3.example', '--name', 'Ada Admin'],
      { env },
    );
    expect(created.stdout).toContain('created admin admin@ec3.example for Europol EC3 (test)');
    expect(created.stdout).not.toContain('first admin passphrase');
    const again = await run(
      process.execPath,
      [script, '--agency', 'Europol EC3 (test)', '--email', 'admin@ec3.example', '--name', 'Ada'],
      {
        env,
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/already has an account/) });
    const admin = await signIn(app, 'admin@ec3.example', 'first admin passphrase');
    const session = await admin.agent.get('/api/v1/session').expect(200);
    expect(session.body.user).toMatchObject({ role: 'admin', name: 'Ada Admin' });
  });

  it('sessions are httpOnly, SameSite=Lax cookies; sign-out ends the session on the server', async () => {
    await agencyWithStaff(
      app,
      'Europol (test)',
      [{ email: 'Lena@Europol.example', name: 'Lena Legal', role: 'legal_reviewer' }],
      'legal reviewer passphrase',
    );
    const agent = request.agent(app.getHttpServer());
    const anonymous = await agent.get('/api/v1/session').expect(200);
    expect(anonymous.body.user).toBeNull();
    const signedIn = await agent
      .post('/api/v1/session')
      .set('x-csrf-token', anonymous.body.csrfToken)
      .send({ email: 'lena@europol.example', password: 'legal reviewer passphrase' })
      .expect(200);
    const cookie = String(signedIn.headers['set-cookie'])
      .split(/,(?=\s*\w+=)/)
      .find((line) => line.includes('probity_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(signedIn.body.user).toMatchObject({ role: 'legal_reviewer', email: 'lena@europol.example' });
    await agent.get('/api/v1/cases').expect(200);
    await agent.delete('/api/v1/session').set('x-csrf-token', signedIn.body.csrfToken).expect(204);
    await agent.get('/api/v1/cases').expect(401);
    const stolen = cookie?.match(/probity_session=([^;]+)/)?.[1];
    await request(app.getHttpServer()).get('/api/v1/cases').set('Cookie', `probity_session=${stolen}`).expect(401);
  });

  it('password reset: a one-time e-mailed link sets a new password and signs the account out everywhere', async () => {
    await agencyWithStaff(
      app,
      'Interpol (test)',
      [{ email: 'ines@interpol.example', name: 'Ines', role: 'evaluator' }],
      'the old passphrase',
    );
    const elsewhere = await signIn(app, 'ines@interpol.example', 'the old passphrase');

    const browser = request.agent(app.getHttpServer());
    const form = await browser.get('/password-reset').expect(200);
    const unknown = await browser
      .post('/password-reset')
      .type('form')
      .send({ _csrf: csrfOf(form.text), email: 'nobody@interpol.example' });
    const known = await browser
      .post('/password-reset')
      .type('form')
      .send({ _csrf: csrfOf(form.text), email: 'ines@interpol.example' });
    expect(unknown.status).toBe(200);
    expect(known.status).toBe(200);
    expect(unknown.text).toContain('If an account exists');
    expect(known.text).toContain('If an account exists');
    const mails = smtp.messages.filter((mail) => mail.recipients.includes('ines@interpol.example'));
    expect(mails).toHaveLength(1);
    expect(smtp.messages.some((mail) => mail.recipients.includes('nobody@interpol.example'))).toBe(false);
    const path = /\/password-reset\/([A-Za-z0-9_-]{43})/.exec(mails[0].parsed.text ?? '')?.[0];
    expect(path).toBeDefined();

    const choose = await browser.get(path as string).expect(200);
    const short = await browser
      .post(path as string)
      .type('form')
      .send({ _csrf: csrfOf(choose.text), password: 'short' });
    expect(short.status).toBe(422);
    const done = await browser
      .post(path as string)
      .type('form')
      .send({ _csrf: csrfOf(choose.text), password: 'a brand new passphrase' });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/login?notice=password-saved');

    await elsewhere.agent.get('/api/v1/cases').expect(401);
    await browser.get(path as string).expect(410);
    await signIn(app, 'ines@interpol.example', 'a brand new passphrase');
    const old = request.agent(app.getHttpServer());
    const csrf = (await old.get('/api/v1/session')).body.csrfToken;
    await old
      .post('/api/v1/session')
      .set('x-csrf-token', csrf)
      .send({ email: 'ines@interpol.example', password: 'the old passphrase' })
      .expect(401);
  });

  describe('one-time password links', () => {
    let identity: IdentityService;
    let agencyId: string;

    beforeAll(async () => {
      identity = app.get(IdentityService);
      agencyId = (await identity.createAgency('Garda Síochána (test)')).id;
    });

    async function person(email: string) {
      await identity.createStaffUser({
        agencyId,
        email,
        name: email,
        role: 'evaluator',
        password: 'the old passphrase',
      });
    }

    async function requestLink(email: string): Promise<string> {
      const browser = request.agent(app.getHttpServer());
      const form = await browser.get('/password-reset').expect(200);
      await browser
        .post('/password-reset')
        .type('form')
        .send({ _csrf: csrfOf(form.text), email })
        .expect(200);
      return resetPathFor(smtp, email);
    }

    async function choose(path: string, password: string) {
      const browser = request.agent(app.getHttpServer());
      const page = await browser.get(path);
      if (page.status !== 200) return page;
      return browser
        .post(path)
        .type('form')
        .send({ _csrf: csrfOf(page.text), password });
    }

    it('using one link voids every other outstanding link of the account', async () => {
      await person('orla@garda.example');
      const first = await requestLink('orla@garda.example');
      const second = await requestLink('orla@garda.example');
      expect(second).not.toBe(first);
      expect((await choose(second, 'the second passphrase')).status).toBe(303);
      const stale = await request(app.getHttpServer()).get(first).set('Accept', 'text/html');
      expect(stale.status).toBe(410);
      expect(stale.text).toContain('no longer active');
      await signIn(app, 'orla@garda.example', 'the second passphrase');
    });

    it('after the new password is saved the sign-in page says so', async () => {
      await person('cian@garda.example');
      const saved = await choose(await requestLink('cian@garda.example'), 'a fresh passphrase');
      expect(saved.status).toBe(303);
      const login = await request(app.getHttpServer()).get(saved.headers.location).expect(200);
      expect(login.text).toMatch(/role="status"[^>]*>\s*<p>Your new password is saved/);
    });

    it('an administrator’s account set-up link lasts 72 hours', async () => {
      await identity.createStaffUser({
        agencyId,
        email: 'aoife@garda.example',
        name: 'Aoife Admin',
        role: 'admin',
        password: 'garda admin passphrase',
      });
      const admin = await signInHeaders(app, 'aoife@garda.example', 'garda admin passphrase');
      const created = await request(app.getHttpServer())
        .post('/api/v1/staff')
        .set(admin)
        .send({ name: 'Niamh New', email: 'niamh@garda.example', role: 'evaluator' })
        .expect(201);
      const mail = smtp.messages.filter((message) => message.recipients.includes('niamh@garda.example')).at(-1);
      expect(mail?.parsed.text).toContain('within 72 hours');
      const [link] = await app
        .get(DataSource)
        .query(
          `SELECT extract(epoch FROM expires_at - created_at) AS seconds FROM password_resets WHERE user_id = $1`,
          [created.body.id],
        );
      expect(Math.round(Number(link.seconds) / 3600)).toBe(72);
    });
  });
});
