import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BrowserPool } from '@probity/pdf-rendering';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import { DossierRenderer } from './dossier-renderer';
import { testBrowserPool } from '../testing/test-browser-pool';

const run = promisify(execFile);

describe('dossier rendering with real Chromium', () => {
  let pool: BrowserPool;
  let renderer: DossierRenderer;
  let workdir: string;
  let canary: Server;
  let canaryPort: number;
  const canaryHits: string[] = [];

  beforeAll(async () => {
    pool = testBrowserPool();
    renderer = new DossierRenderer(pool);
    workdir = await mkdtemp(join(tmpdir(), 'probity-dossier-'));
    canary = createServer((request, response) => {
      canaryHits.push(request.url ?? '');
      response.end('canary');
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    canaryPort = (canary.address() as { port: number }).port;
  });

  afterAll(async () => {
    await pool.onModuleDestroy();
    await new Promise((resolve) => canary.close(resolve));
    await rm(workdir, { recursive: true, force: true });
  });

  async function pdfText(pdf: Buffer, name: string): Promise<{ text: string; info: string }> {
    const file = join(workdir, name);
    await writeFile(file, pdf);
    const [{ stdout: text }, { stdout: info }] = await Promise.all([
      run('pdftotext', ['-layout', file, '-']),
      run('pdfinfo', [file]),
    ]);
    return { text, info };
  }

  it('renders an A4, tagged, multi-page dossier with providers, scores and the sign-off block', async () => {
    const snapshot = sampleDossierInput();
    const { pdf } = await renderer.render(snapshot, {
      version: 1,
      status: 'draft',
      contentHash: 'a'.repeat(64),
      generatedAt: '2026-11-22T10:00:00Z',
    });
    const { text, info } = await pdfText(pdf, 'dossier.pdf');
    for (const provider of snapshot.providers) expect(text).toContain(provider.name);
    expect(text).toContain('Recommended provider: Northwind Vision Analytics');
    expect(text).toContain('Refuses independent audit access');
    expect(text).toMatch(/Sign-off/);
    expect(text).toMatch(/page 2 of \d+/);
    expect(text).toContain(snapshot.case.reference);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(Number(info.match(/Pages:\s+(\d+)/)?.[1])).toBeGreaterThan(5);
    expect(info).toMatch(/Author:\s+Metropolitan Police Service \(demo\)/);
    expect(info).toMatch(/Subject:\s+Tender evaluation dossier for case PROC-2026-0142/);
  });

  it('prints hostile provider text inert: no request leaves the browser and no script runs', async () => {
    const base = `http://127.0.0.1:${canaryPort}`;
    const payload = [
      `<img src="${base}/img">`,
      `<link rel="stylesheet" href="${base}/css">`,
      `<iframe src="${base}/frame"></iframe>`,
      `<div style="background:url(${base}/bg)">x</div>`,
      `<img src="file:///etc/passwd">`,
      `<script>document.title='pwned';fetch('${base}/script')</script>`,
    ].join(' ');
    const snapshot = sampleDossierInput({
      providerNameSuffix: ` <script>alert(1)</script>`,
      answerOverrides: { law_misuse: payload },
    });
    const { pdf } = await renderer.render(snapshot, {
      version: 1,
      status: 'draft',
      contentHash: 'b'.repeat(64),
      generatedAt: '2026-11-22T10:00:00Z',
    });
    const { text } = await pdfText(pdf, 'hostile.pdf');
    expect(canaryHits).toEqual([]);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain(`<img src="${base}/img">`);
  });

  it('also blocks requests from raw HTML handed to the pool directly', async () => {
    await pool.renderPdf(
      `<html><body><img src="http://127.0.0.1:${canaryPort}/direct"><script>fetch('http://127.0.0.1:${canaryPort}/js')</script></body></html>`,
      { title: 'probe' },
    );
    expect(canaryHits).toEqual([]);
  });
});
