import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  childEnvironment,
  freePort,
  signInOverHttp,
  startBuilt,
  startBuiltWithArguments,
  WORKSPACE_ROOT,
} from './support/processes';

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
      // One PAdES signature over the whole file, valid for poppler without Probity.
      const { stdout: signatures } = await run('pdfsig', ['-nocert', pdfPath!]);
      expect(signatures.match(/^Signature #\d+:/gm)).toHaveLength(1);
      expect(signatures).toContain('Total document signed');
      expect(signatures).toContain('Signature Validation: Signature is Valid.');
      // The sign-off page names the reviewers and the seal certificate under the visible seal.
      expect(text).toContain('Approved by Dana Legal Counsel (Legal reviewer), Sam Data Protection (Legal reviewer)');
      expect(text).toMatch(/Seal certificate: CN=Probity at \S+ dossier seal/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('with --serve keeps serving the demo data: every printed sign-in works, the portal link opens and create-admin works meanwhile', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'probity-serve-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const demo = startBuiltWithArguments(
      'apps/api/src/demo.js',
      ['--serve'],
      childEnvironment({ DATA_DIR: dataDir, PORT: String(port), PUBLIC_BASE_URL: base }),
    );
    try {
      await demo.waitForOutput(/serving on/, 180_000);
      const portal = demo.output().match(/provider portal for \S+: (\S+)/)?.[1];
      expect(portal).toMatch(/\/portal\/[A-Za-z0-9_-]{43}$/);
      const page = await fetch(portal!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Demo Provider Ltd');

      const signIns = [...demo.output().matchAll(/sign in at \S+ as (\S+) with password (\S+) \(([a-z_]+)\)/g)];
      expect(signIns.map(([, , , role]) => role).sort()).toEqual([
        'admin',
        'evaluator',
        'legal_reviewer',
        'legal_reviewer',
        'procurement_officer',
      ]);
      for (const [, email, password, role] of signIns)
        await expect(signInOverHttp(base, email, password)).resolves.toMatchObject({ role });

      // The running server holds the embedded database: create-admin goes through it rather than opening it twice.
      const createSecondAdmin = [
        join(WORKSPACE_ROOT, 'dist/apps/api/src/create-admin.js'),
        '--agency',
        'Second police service (while serving)',
        '--email',
        'second.admin@police.example',
        '--name',
        'Second Admin',
      ];
      const created = await run(process.execPath, createSecondAdmin, {
        cwd: WORKSPACE_ROOT,
        env: childEnvironment({ DATA_DIR: dataDir, PROBITY_ADMIN_PASSWORD: 'a long passphrase for the admin' }),
        timeout: 60_000,
      });
      expect(created.stdout).toContain(
        'created admin second.admin@police.example for Second police service (while serving)',
      );
      await expect(
        signInOverHttp(base, 'second.admin@police.example', 'a long passphrase for the admin'),
      ).resolves.toMatchObject({ role: 'admin' });
      const again = run(process.execPath, createSecondAdmin, {
        cwd: WORKSPACE_ROOT,
        env: childEnvironment({ DATA_DIR: dataDir }),
        timeout: 60_000,
      });
      await expect(again).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already') });
      // The server is still serving after both.
      expect((await fetch(`${base}/health/live`)).status).toBe(200);
    } finally {
      demo.child.kill('SIGTERM');
      await demo.exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
