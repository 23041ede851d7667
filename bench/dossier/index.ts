import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DossierRenderer } from '@probity/dossier';
import { BrowserPool, locateBrowser } from '@probity/pdf-rendering';
import type { BenchResult } from '../run';
import { ProcessTreeMemory } from './process-tree';
import { profileRender } from './render-profile';
import { benchInput, benchMeta, measureScale, median, poolOptions, ScaleResult } from './scale';

const execute = promisify(execFile);
const QUESTIONS = 100;
const FRESH_RUNS = 3;
/** Providers per dossier, with warm runs each (the large ones take seconds per render). */
const SIZES = [
  { providers: 5, warmRuns: 10, batch: 12 },
  { providers: 10, warmRuns: 5, batch: 0 },
  { providers: 25, warmRuns: 3, batch: 0 },
];

async function timed<T>(action: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** Fresh browser per render and Chromium's own --print-to-pdf, for the 5-provider HTML. */
async function alternatives(executablePath: string, html: string): Promise<{ fresh: number; cli: number }> {
  const fresh: number[] = [];
  for (let i = 0; i < FRESH_RUNS; i++) {
    fresh.push(
      await timed(async () => {
        const single = new BrowserPool(poolOptions(executablePath));
        await single.renderPdf(html, { title: 'bench' });
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
      const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer'];
      cli.push(
        await timed(() =>
          execute(executablePath, [...args, `--print-to-pdf=${output}`, `file://${input}`], { timeout: 120000 }),
        ),
      );
      if ((await readFile(output)).length < 1000) throw new Error('Chromium printed an empty PDF');
    }
  } finally {
    await rm(workdir, { recursive: true, force: true });
  }
  return { fresh: median(fresh), cli: median(cli) };
}

function growth(results: ScaleResult[]): string {
  const [first] = results;
  return results
    .slice(1)
    .map(
      (result) =>
        `5 → ${result.providers} providers (×${(result.providers / first.providers).toFixed(0)}): time ×${(result.warmMedianMs / first.warmMedianMs).toFixed(2)}, pages ×${(result.pages / first.pages).toFixed(2)}, HTML ×${(result.htmlBytes / first.htmlBytes).toFixed(2)}, CPU ×${(result.cpuMedianMs / first.cpuMedianMs).toFixed(2)}, peak PSS ×${(result.peakSequential.pss / first.peakSequential.pss).toFixed(2)}`,
    )
    .join('; ');
}

/**
 * Dossiers of 5, 10 and 25 providers × 100 questions (the sample builder's demo providers padded with
 * free-text questions) through the pool and the renderer the worker uses, with the peak memory of this
 * process and its Chromium tree; then one 25-provider render profiled phase by phase, and for the
 * 5-provider HTML a fresh browser per render and Chromium's own --print-to-pdf for comparison.
 */
export async function run(): Promise<BenchResult> {
  const executablePath = locateBrowser().executablePath;
  const loadBefore = loadavg();
  const memory = new ProcessTreeMemory();
  const results: ScaleResult[] = [];
  try {
    for (const size of SIZES)
      results.push(await measureScale({ executablePath, questions: QUESTIONS, ...size }, memory));
  } finally {
    await memory.stop();
  }
  const largest = benchInput(SIZES[SIZES.length - 1].providers, QUESTIONS);
  const largestHtml = new DossierRenderer(new BrowserPool(poolOptions(executablePath))).html(
    largest,
    benchMeta(largest),
  );
  const profile = await profileRender(executablePath, largestHtml);
  const small = benchInput(SIZES[0].providers, QUESTIONS);
  const smallHtml = new DossierRenderer(new BrowserPool(poolOptions(executablePath))).html(small, benchMeta(small));
  const { fresh, cli } = await alternatives(executablePath, smallHtml);
  const [five] = results;
  const load = (averages: number[]) => averages.map((value) => value.toFixed(1)).join(' / ');

  return {
    name: 'Dossier rendering (5, 10 and 25 providers × 100 questions; pool vs fresh browser vs chromium --print-to-pdf)',
    lines: [
      'Whole dossier step as the worker runs it (HTML from the template, printed by the pool, metadata by pdf-lib); a fresh pool per size; memory is the peak sum over this Node.js process and every Chromium process it started, sampled every 50 ms from a worker thread: Pss (shared pages split between the processes sharing them) and, in brackets, VmRSS (shared pages counted in every process); CPU is user + system time of the same processes.',
      '',
      `Machine load (1 / 5 / 15-minute load average on ${cpus().length} cores): ${load(loadBefore)} at the start, ${load(loadavg())} at the end; other work on the machine stretches wall times, CPU time much less.`,
      '',
      '| providers × questions | HTML | PDF | pages | tagged | cold ms | warm median ms | CPU ms per render | of which template ms | peak PSS, 1 render | peak PSS (RSS sum), 2 at once |',
      '|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|',
      ...results.map(
        (r) =>
          `| ${r.providers} × ${r.questions} | ${kib(r.htmlBytes)} | ${kib(r.pdfBytes)} | ${r.pages} | ${r.tagged ? 'yes' : 'NO'} | ${r.coldMs.toFixed(0)} | **${r.warmMedianMs.toFixed(0)}** | ${r.cpuMedianMs.toFixed(0)} | ${r.htmlMedianMs.toFixed(0)} | ${mib(r.peakSequential.pss)} | ${mib(r.peakConcurrent.pss)} (${mib(r.peakConcurrent.rss)}) |`,
      ),
      '',
      `- warm runs: ${SIZES.map((s) => `${s.warmRuns} at ${s.providers} providers`).join(', ')}`,
      `- 5 providers, ${SIZES[0].batch} renders at concurrency 2: **${five.perMinute?.toFixed(1)} dossiers/minute** (target ≥ 60; warm target ≤ 1,500 ms)`,
      `- growth: ${growth(results)}`,
      `- fresh browser per render (5 providers, print only), median over ${FRESH_RUNS}: **${fresh.toFixed(0)} ms**; \`chromium --headless --print-to-pdf\` of the same HTML (process start included): **${cli.toFixed(0)} ms**`,
      '',
      `Where one ${largest.providers.length}-provider render goes (Chromium devtools timeline, renderer main thread; one render on its own browser): loading the document ${profile.loadMs.toFixed(0)} ms, \`printToPDF\` ${profile.printMs.toFixed(0)} ms.`,
      '',
      '| phase | while loading, ms | inside printToPDF, ms |',
      '|---|---:|---:|',
      ...profile.phases.map((p) => `| ${p.phase} | ${p.loadMs.toFixed(0)} | ${p.printMs.toFixed(0)} |`),
      `| rest of printToPDF (header/footer templates, PDF generation in Skia, print compositor, transfer) | | ${(profile.printMs - profile.phases.reduce((sum, p) => sum + p.printMs, 0)).toFixed(0)} |`,
    ],
  };
}
