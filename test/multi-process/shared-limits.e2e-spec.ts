import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { AppConfig } from '@probity/config';
import { IdentityService } from '@probity/identity';
import { createTestDatabase, servicesTestConfig, SmtpSink, startSmtpSink, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';

const PASSWORD = 'the right passphrase';

/**
 * Issue 19: two api instances of one installation (same database, Redis and QUEUE_PREFIX) share every
 * limit, so a client alternating between them gets no more tries than against one.
 */
describe('rate limits and sign-in back-off across two api instances (real Postgres, Redis)', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let config: AppConfig;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpSink();
    config = servicesTestConfig(database.url, { SMTP_URL: smtp.url, TRUST_PROXY: 'loopback' });
    for (let instance = 0; instance < 2; instance++) {
      const app = await createApp(config);
      await app.init();
      apps.push(app);
    }
    const identity = apps[0].get(IdentityService);
    const agency = await identity.findOrCreateAgency('Politie (test)');
    await identity.createStaffUser({
      agencyId: agency.id,
      email: 'target@politie.example',
      name: 'Target',
      role: 'evaluator',
      password: PASSWORD,
    });
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await smtp?.close();
    await database?.drop();
  });

  /** One sign-in attempt through the JSON API of the given instance, from the given client address. */
  async function attempt(instance: number, email: string, password: string, forwardedFor: string) {
    const agent = request.agent(apps[instance].getHttpServer());
    const csrf = (await agent.get('/api/v1/session').set('X-Forwarded-For', forwardedFor).expect(200)).body.csrfToken;
    return agent
      .post('/api/v1/session')
      .set('x-csrf-token', csrf)
      .set('X-Forwarded-For', forwardedFor)
      .send({ email, password });
  }

  it('the per-address sign-in limit (10 a minute) counts attempts on both instances together', async () => {
    const statuses: number[] = [];
    // Different unknown addresses, so only the per-address limit (not a back-off) can refuse.
    for (let i = 0; i < 11; i++)
      statuses.push((await attempt(i % 2, `nobody${i}@politie.example`, 'guess', '203.0.113.9')).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });

  it('an account locked through one instance is locked on the other', async () => {
    let address = 0;
    const from = () => `192.0.2.${++address}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await attempt(i % 2, 'target@politie.example', `wrong ${i}`, from())).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await attempt(0, 'target@politie.example', PASSWORD, from())).status).toBe(429);
    expect((await attempt(1, 'target@politie.example', PASSWORD, from())).status).toBe(429);
  });

  it('an address without an account backs off after the same five failures, wherever they land', async () => {
    let address = 100;
    const from = () => `192.0.2.${++address}`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await attempt(i % 2, 'no-such-person@politie.example', 'guess', from())).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});
