import { INestApplication } from '@nestjs/common';
import { createServer, Server, Socket, connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CasesService, ProviderInvitesService, ProviderResponse } from '@probity/cases';
import { DEMO_PROVIDERS, demoCase } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { STACK_TRACE } from '../security/routes';
import { portalFormOf, urlencoded } from '../support/tender-http';

/**
 * A TCP proxy in front of the shared PostgreSQL: cutting it drops every connection of this test's
 * api (and refuses new ones) without touching the server other suites use.
 */
class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private cut = false;
  private server?: Server;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (this.cut) return client.destroy();
      const upstream = connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Drops every open connection and refuses new ones until `restore`. */
  sever(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  async stop(): Promise<void> {
    this.sever();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe('PostgreSQL connections cut during autosave traffic', () => {
  let database: TestDatabase;
  let proxy: CuttableProxy;
  let app: INestApplication;
  const providers: Array<{ token: string; responseId: string; cookie: string; csrf: string; revision: number }> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = new CuttableProxy(direct.hostname, Number(direct.port || 5432));
    await proxy.start();
    const proxied = new URL(database.url);
    proxied.port = String(proxy.port);
    // Each provider claims its own X-Forwarded-For, believed only from a trusted (loopback) proxy.
    app = await createApp(
      servicesTestConfig(proxied.toString(), { RATE_LIMIT_PER_MINUTE: '1000000', TRUST_PROXY: 'loopback' }),
    );
    await app.init();
    const agency = await app.get(IdentityService).createAgency('Postgres cut agency');
    const cases = app.get(CasesService);
    const created = await cases.createCase(agency.id, demoCase(new Date()));
    await cases.transition(created.id, 'open');
    for (let i = 0; i < 8; i++) {
      const { response, token } = await app.get(ProviderInvitesService).inviteProvider(created.id, {
        ...DEMO_PROVIDERS[0].invite,
        organisationName: `Provider ${i}`,
        contactEmails: [`p${i}@cut.example`],
      });
      const page = await request(app.getHttpServer())
        .get(`/portal/${token}/sections/0`)
        .set('X-Forwarded-For', `198.51.100.${i + 1}`)
        .expect(200);
      providers.push({ token, responseId: response.id, ...portalFormOf(page) });
    }
  });

  afterAll(async () => {
    await app?.close();
    await proxy?.stop();
    await database?.drop();
  });

  it('answers 503 with a message while the database is unreachable, never 500, and loses no acknowledged save', async () => {
    const statuses = new Map<number, number>();
    const problems: string[] = [];
    const acknowledged = new Map<string, { revision: number; text: string }>();
    let running = true;

    const client = async (index: number) => {
      const provider = providers[index];
      for (let sequence = 1; running; sequence++) {
        const text = `Save ${sequence} of provider ${index}`;
        const response = await request(app.getHttpServer())
          .post(`/portal/${provider.token}/sections/0`)
          .set('Cookie', provider.cookie)
          .set('X-Forwarded-For', `198.51.100.${index + 1}`)
          .set('Accept', 'application/json')
          .type('form')
          .timeout(30_000)
          .send(
            urlencoded([
              ['_csrf', provider.csrf],
              ['_revision', String(provider.revision)],
              ['law_misuse', text],
            ]),
          );
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 200) {
          provider.revision = response.body.revision;
          acknowledged.set(provider.responseId, { revision: response.body.revision, text });
        } else if (response.status === 409) {
          // A save that committed just before its connection dropped: the client takes the new revision.
          provider.revision = response.body.current.revision;
        } else if (response.status === 503) {
          if (!/try again/i.test(response.body.message ?? '')) problems.push(`503 without advice: ${response.text}`);
          if (!response.headers['retry-after']) problems.push('503 without Retry-After');
        } else {
          problems.push(`${response.status}: ${response.text.slice(0, 300)}`);
        }
        if (STACK_TRACE.test(response.text)) problems.push(`stack trace: ${response.text.slice(0, 300)}`);
        await sleep(150);
      }
    };

    const clients = providers.map((_, index) => client(index));
    await sleep(1500);
    proxy.sever();
    await sleep(3000);
    proxy.restore();
    await sleep(4000);
    running = false;
    await Promise.all(clients);

    expect(problems).toEqual([]);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(providers.length);

    // After the outage every provider saves again, and every acknowledged save is in the database.
    const stored = await app
      .get(DataSource)
      .getRepository(ProviderResponse)
      .findBy(providers.map((provider) => ({ id: provider.responseId })));
    for (const row of stored) {
      const last = acknowledged.get(row.id);
      expect(last).toBeDefined();
      if (!last) continue;
      expect(row.revision).toBeGreaterThanOrEqual(last.revision);
      if (row.revision === last.revision) expect((row.answers as Record<string, unknown>).law_misuse).toBe(last.text);
    }
    await request(app.getHttpServer()).get('/health/live').expect(200);
  });
});
