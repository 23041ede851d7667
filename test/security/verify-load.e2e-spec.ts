import { INestApplication } from '@nestjs/common';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';

const JUNK_BYTES = 10 * 1024 * 1024;
const CONCURRENT_UPLOADS = 3;

/**
 * 10 MB that starts like a PDF and holds one array of a few million numbers: a PDF library parses
 * it for seconds in one go, without ever yielding to the event loop.
 */
function junkPdf(): Buffer {
  return Buffer.from(`%PDF-1.7\n1 0 obj\n[${'1 '.repeat(JUNK_BYTES / 2)}]\nendobj\n`);
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: number[], share: number) =>
  sorted(values)[Math.min(values.length - 1, Math.floor(values.length * share))];

/**
 * Anyone may upload a PDF to verify it, so reading one must not stall the server for everyone
 * else. The bound is relative to this machine: to how fast /health/live answers when idle and to
 * how long one junk file takes to verify, so a loaded 2-core machine does not fail it, while a
 * parse on the event loop (health waits for the whole parse) does.
 */
describe('verifying PDFs under load keeps the server answering (real PostgreSQL)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  const junk = junkPdf();

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApp(servicesTestConfig(database.url, { RATE_LIMIT_PER_MINUTE: '1000000' }));
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
    const started = performance.now();
    const result = await work();
    return { result, ms: performance.now() - started };
  }

  async function health(): Promise<number> {
    const { result, ms } = await timed(() => fetch(`${baseUrl}/health/live`));
    expect(result.status).toBe(200);
    return ms;
  }

  async function verify(): Promise<{ status: number; body: { valid?: boolean; message?: string } }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(junk)], { type: 'application/pdf' }), 'junk.pdf');
    const response = await fetch(`${baseUrl}/api/v1/dossiers/verify`, { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as { valid?: boolean; message?: string } };
  }

  /** Junk is never a dossier: "not valid", or refused once it takes longer to read than any dossier does. */
  function expectRefused(answer: { status: number; body: { valid?: boolean; message?: string } }): void {
    if (answer.status === 422) expect(answer.body.message).toMatch(/could not be read/);
    else expect(answer).toMatchObject({ status: 200, body: { valid: false } });
  }

  it('answers /health/live at its usual speed while junk PDFs are being verified', async () => {
    const idle: number[] = [];
    for (let ping = 0; ping < 20; ping++) idle.push(await health());
    const single = await timed(verify);
    expectRefused(single.result);

    let uploading = true;
    const uploads = Promise.all(Array.from({ length: CONCURRENT_UPLOADS }, verify)).finally(() => (uploading = false));
    const underLoad: number[] = [];
    while (uploading) underLoad.push(await health());
    for (const upload of await uploads) expectRefused(upload);

    const worst = Math.max(...underLoad);
    const bound = Math.max(single.ms / 3, 5 * percentile(idle, 0.9));
    const report = `one verify ${Math.round(single.ms)} ms, idle health p90 ${Math.round(percentile(idle, 0.9))} ms, under load ${underLoad.length} pings, worst ${Math.round(worst)} ms (bound ${Math.round(bound)} ms)`;
    expect(underLoad.length).toBeGreaterThan(CONCURRENT_UPLOADS);
    expect({ report, withinBound: worst < bound }).toEqual({ report, withinBound: true });
  }, 180_000);
});
