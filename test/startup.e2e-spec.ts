import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { childEnvironment, startBuilt, startBuiltWithArguments } from './support/processes';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const run = promisify(execFile);

describe('process start-up', () => {
  it('stops with one clear line and a non-zero exit code when DATABASE_URL is malformed', async () => {
    const api = startBuilt(
      'apps/api/src/main.js',
      childEnvironment({ DATABASE_URL: 'nonsense', REDIS_URL: 'redis://127.0.0.1:6379' }),
    );
    const { code } = await api.exited;
    expect(code).not.toBe(0);
    const lines = api.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DATABASE_URL must be a URL starting with postgres:\/\//);
  });

  it('refuses to start a worker in zero-setup mode, where the api runs jobs itself', async () => {
    const worker = startBuilt('apps/worker/src/main.js', childEnvironment({}));
    const { code } = await worker.exited;
    expect(code).not.toBe(0);
    expect(worker.output()).toMatch(/needs DATABASE_URL and REDIS_URL/);
  });

  it('runs the demo tender end to end on the zero-setup default and writes a real dossier PDF', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'probity-demo-'));
    try {
      const demo = startBuilt('apps/api/src/demo.js', childEnvironment({ DATA_DIR: dataDir }));
      const { code } = await demo.exited;
      expect(code).toBe(0);
      expect(demo.output()).toMatch(/scoring 3\/3 responses/);
      expect(demo.output()).toMatch(/rank 1: Northwind Vision Analytics/);
      expect(demo.output()).toMatch(/knocked out: Blackbox Surveillance Ltd/);
      expect(demo.output()).toMatch(/signed off by Dana Legal Counsel, Sam Data Protection/);
      const pdfPath = demo.output().match(/PDF written to (\S+\.pdf)/)?.[1];
      expect(pdfPath).toBeDefined();
      const { stdout } = await run('pdfinfo', [pdfPath!]);
      expect(Number(stdout.match(/Pages:\s+(\d+)/)?.[1])).toBeGreaterThan(10);
      expect(stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      expect(stdout).toMatch(/Tagged:\s+yes/);
      const { stdout: text } = await run('pdftotext', [pdfPath!, '-']);
      for (const provider of ['Northwind Vision Analytics', 'Helios Forensic AI', 'Blackbox Surveillance Ltd'])
        expect(text).toContain(provider);
      expect(text).toContain('Sign-off');
      // The signed dossier's sign-off block names both reviewers and their decisions (table cells wrap lines).
      expect(text).toMatch(/is signed since/);
      expect(text).toMatch(/Dana Legal\s+Counsel/);
      expect(text).toMatch(/Sam Data\s+Protection/);
      expect(text).toMatch(/Approved with\s+conditions/);
      expect(text).toMatch(/Overall \(0–100\)/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('with --serve keeps serving the demo data: the printed officer can sign in and the printed portal link opens', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'probity-serve-'));
    const port = await freePort();
    const demo = startBuiltWithArguments(
      'apps/api/src/demo.js',
      ['--serve'],
      childEnvironment({ DATA_DIR: dataDir, PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}` }),
    );
    try {
      await demo.waitForOutput(/serving on/, 120_000);
      const password = demo.output().match(/as officer@demo\.probity\.example with password (\S+)/)?.[1];
      const portal = demo.output().match(/provider portal for \S+: (\S+)/)?.[1];
      expect(password).toBeDefined();
      expect(portal).toMatch(/\/portal\/[A-Za-z0-9_-]{43}$/);
      const page = await fetch(portal!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Demo Provider Ltd');
      const session = await fetch(`http://127.0.0.1:${port}/api/v1/session`);
      const cookie = session.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; ');
      const { csrfToken } = (await session.json()) as { csrfToken: string };
      const signedIn = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
        body: JSON.stringify({ email: 'officer@demo.probity.example', password }),
      });
      expect(signedIn.status).toBe(200);
      expect(((await signedIn.json()) as { user: { role: string } }).user.role).toBe('procurement_officer');
    } finally {
      demo.child.kill('SIGTERM');
      await demo.exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
