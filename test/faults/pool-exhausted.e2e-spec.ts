import { INestApplication } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { DataSource, QueryRunner } from 'typeorm';
import { CasesService, ProviderInvitesService } from '@probity/cases';
import { DEMO_PROVIDERS, demoCase } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { STACK_TRACE } from '../security/routes';
import { SessionHeaders, signedInStaff } from '../support/staff-sessions';
import { portalFormOf, urlencoded } from '../support/tender-http';

const POOL_WAIT_MS = 1000;

/**
 * Overload: every connection of the api's PostgreSQL pool is busy for longer than a request may wait
 * (DATABASE_POOL_WAIT_MS). pg-pool then fails the request with "timeout exceeded when trying to
 * connect"; the client must get 503 with Retry-After and advice, never a 500. A pool of one connection,
 * held by the test, stands in for a pool taken by a crowd of other requests.
 */
describe('PostgreSQL pool with no free connection', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let held: QueryRunner | undefined;
  let staff: SessionHeaders;
  const provider = { token: '', cookie: '', csrf: '', revision: 0 };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApp(
      servicesTestConfig(database.url, {
        DATABASE_POOL_SIZE: '1',
        DATABASE_POOL_WAIT_MS: String(POOL_WAIT_MS),
        SERVER_TIMING: 'on',
      }),
    );
    await app.init();
    const agency = await app.get(IdentityService).createAgency('Pool exhausted agency');
    const cases = app.get(CasesService);
    const created = await cases.createCase(agency.id, demoCase(new Date()));
    await cases.transition(created.id, 'open');
    const { token } = await app.get(ProviderInvitesService).inviteProvider(created.id, DEMO_PROVIDERS[0].invite);
    const page = await request(app.getHttpServer()).get(`/portal/${token}/sections/0`).expect(200);
    Object.assign(provider, { token, ...portalFormOf(page) });
    ({
      sessions: { officer: staff },
    } = await signedInStaff(app, 'pool.example', 'pool exhausted passphrase', [
      ['officer', agency.id, 'procurement_officer'],
    ]));
  });

  afterAll(async () => {
    await held?.release();
    await app?.close();
    await database?.drop();
  });

  const autosave = (text: string) =>
    request(app.getHttpServer())
      .post(`/portal/${provider.token}/sections/0`)
      .set('Cookie', provider.cookie)
      .set('Accept', 'application/json')
      .type('form')
      .send(
        urlencoded([
          ['_csrf', provider.csrf],
          ['_revision', String(provider.revision)],
          ['law_misuse', text],
        ]),
      );

  /** Takes the pool's only connection, so every request waits for it and gives up after POOL_WAIT_MS. */
  async function holdTheOnlyConnection(): Promise<void> {
    held = app.get(DataSource).createQueryRunner();
    await held.connect();
  }

  async function releaseIt(): Promise<void> {
    await held?.release();
    held = undefined;
  }

  it('answers 503 with Retry-After and advice on the API, the autosave and the pages, then works again', async () => {
    await holdTheOnlyConnection();
    const started = Date.now();
    const saved = await autosave('Typed while the pool was full.');
    expect(Date.now() - started).toBeGreaterThanOrEqual(POOL_WAIT_MS - 50);
    const api = await request(app.getHttpServer()).get('/api/v1/cases').set(staff);
    const page = await request(app.getHttpServer()).get(`/portal/${provider.token}`).set('Accept', 'text/html');
    await releaseIt();

    for (const response of [saved, api]) {
      expect({ status: response.status, body: response.body }).toMatchObject({
        status: 503,
        body: { statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/busy.*try again/is) },
      });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.text).not.toMatch(STACK_TRACE);
      expect(response.text).not.toMatch(/timeout exceeded/);
    }
    // The page is the product's own error page, in its look, with the same advice.
    expect(page.status).toBe(503);
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Probity is briefly unavailable');
    expect(page.text).toMatch(/busy.*try again/is);
    expect(page.text).not.toMatch(STACK_TRACE);

    // Nothing of the refused save was stored, and the next save with the same revision is taken.
    const retried = await autosave('Typed while the pool was full.');
    expect(retried.status).toBe(200);
    expect(retried.body.revision).toBe(provider.revision + 1);
    provider.revision = retried.body.revision;
    await request(app.getHttpServer()).get('/api/v1/cases').set(staff).expect(200);
  });

  it('reports the wait for a connection as the pool-wait step of Server-Timing', async () => {
    await holdTheOnlyConnection();
    const waitMs = 300;
    const releasedLater = new Promise((resolve) => setTimeout(resolve, waitMs)).then(releaseIt);
    const saved = await autosave('Saved once the connection came free.');
    await releasedLater;
    expect(saved.status).toBe(200);
    provider.revision = saved.body.revision;
    const steps = Object.fromEntries(
      String(saved.headers['server-timing'])
        .split(', ')
        .map((part) => part.split(';dur='))
        .map(([name, duration]) => [name, Number(duration)]),
    );
    // The save's checkout waited for the held connection: most of the 300 ms (the request reaches the
    // pool a little after the timer started, later still on a busy machine), a free pool takes ~1 ms.
    expect(steps['pool-wait']).toBeGreaterThanOrEqual(waitMs / 2);
    expect(steps['pool-wait']).toBeLessThan(POOL_WAIT_MS);
    expect(steps.app).toBeGreaterThanOrEqual(steps['pool-wait']);
  });

  it('gives a save its connection once: it finishes without queueing again behind later requests', async () => {
    await holdTheOnlyConnection();
    const saving = autosave('Saved in one go.').then((response) => response);
    // The save now waits for the held connection; another request queues after it and, once it has the
    // connection, keeps it for longer than a request may wait.
    await sleep(100);
    const later = app.get(DataSource).createQueryRunner();
    const laterDone = later
      .connect()
      .then(() => sleep(POOL_WAIT_MS * 2))
      .catch(() => undefined)
      .finally(() => later.release());
    await sleep(20);
    await releaseIt();
    const saved = await saving;
    await laterDone;
    // A save that went back to the pool between its steps would wait behind the later request and get 503.
    expect({ status: saved.status, body: saved.body }).toMatchObject({
      status: 200,
      body: { revision: provider.revision + 1 },
    });
    provider.revision = saved.body.revision;
  });
});
