import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDossierTemplate, dossierContentHash, sampleDossierInput } from '@probity/dossier';
import { BrowserPool, locateBrowser } from '@probity/pdf-rendering';
import type { BenchResult } from '../run';

const execute = promisify(execFile);
const WARM_RUNS = 20;
const FRESH_RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed<T>(action: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/**
 * Renders a 5-provider, 100-question dossier (the built-in bank padded with free-text questions)
 * through the pool, against a fresh browser per render and against Chromium's own --print-to-pdf of
 * the same HTML written to a temporary file.
 */
export async function run(): Promise<BenchResult> {
  const executablePath = locateBrowser().executablePath;
  const input = sampleDossierInput({ providers: 5, minimumQuestions: 100 });
  const html = createDossierTemplate()(input, {
    version: 1,
    status: 'draft',
    contentHash: dossierContentHash(input),
    generatedAt: new Date().toISOString(),
  });
  const options = { title: 'bench' };
  const poolOptions = { executablePath, maxConcurrentRenders: 2, maxRendersPerBrowser: 1000, renderTimeoutMs: 120000 };

  const pool = new BrowserPool(poolOptions);
  const cold = await timed(() => pool.renderPdf(html, options));
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await timed(() => pool.renderPdf(html, options)));
  const batch = 12;
  const batchMs = await timed(() => Promise.all(Array.from({ length: batch }, () => pool.renderPdf(html, options))));
  await pool.onModuleDestroy();

  const fresh: number[] = [];
  for (let i = 0; i < FRESH_RUNS; i++) {
    fresh.push(
      await timed(async () => {
        const single = new BrowserPool(poolOptions);
        await single.renderPdf(html, options);
        await single.onModuleDestroy();
      }),
    );
  }

  const workdir = await mkdtemp(join(tmpdir(), 'probity-bench-'));
  const cli: number[] = [];
  try {
    const input = join(workdir, 'dossier.html');
    await writeFile(input, html);
    for (let i = 0; i < FRESH_RUNS; i++) {
      const output = join(workdir, `out-${i}.pdf`);
      cli.push(
        await timed(() =>
          execute(
            executablePath,
            [
              '--headless',
              '--no-sandbox',
              '--disable-gpu',
              '--no-pdf-header-footer',
              `--print-to-pdf=${output}`,
              `file://${input}`,
            ],
            { timeout: 120000 },
          ),
        ),
      );
      if ((await readFile(output)).length < 1000) throw new Error('Chromium printed an empty PDF');
    }
  } finally {
    await rm(workdir, { recursive: true, force: true });
  }

  const warmMedian = median(warm);
  return {
    name: 'Dossier rendering (Puppeteer pool vs fresh browser vs chromium --print-to-pdf)',
    lines: [
      `- HTML: ${(html.length / 1024).toFixed(0)} KiB (${input.providers.length} providers × ${input.case.questionnaire.questionCount} questions, embedded fonts, SVG charts)`,
      `- pool, cold first render (browser launch included): **${cold.toFixed(0)} ms**`,
      `- pool, warm median over ${WARM_RUNS}: **${warmMedian.toFixed(0)} ms**`,
      `- pool, ${batch} renders at concurrency 2: ${batchMs.toFixed(0)} ms → **${((batch / batchMs) * 60000).toFixed(1)} dossiers/minute**`,
      `- fresh browser per render, median over ${FRESH_RUNS}: **${median(fresh).toFixed(0)} ms** (pool is ${(median(fresh) / warmMedian).toFixed(1)}× faster)`,
      `- \`chromium --headless --print-to-pdf\` of the same HTML (process start included), median over ${FRESH_RUNS}: **${median(cli).toFixed(0)} ms** (warm pool / CLI = ${(warmMedian / median(cli)).toFixed(2)})`,
    ],
  };
}
