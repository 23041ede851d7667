import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DossierRenderer, dossierContentHash, type DossierInput, sampleDossierInput } from '@probity/dossier';
import { BrowserPool } from '@probity/pdf-rendering';
import { ProcessTreeMemory } from './process-tree';

const execute = promisify(execFile);

export interface ScaleOptions {
  executablePath: string;
  providers: number;
  questions: number;
  warmRuns: number;
  /** Renders at concurrency 2 for the throughput figure (0: none). */
  batch: number;
}

export interface ScaleResult {
  providers: number;
  questions: number;
  htmlBytes: number;
  pdfBytes: number;
  pages: number;
  tagged: boolean;
  coldMs: number;
  warmMedianMs: number;
  /** Median of the template step alone (HTML from the input), part of warmMedianMs. */
  htmlMedianMs: number;
  perMinute?: number;
  /** Median CPU time of node plus Chromium per warm render: less sensitive to other load than wall time. */
  cpuMedianMs: number;
  /** Peak of node plus the Chromium process tree over the warm runs (one render at a time). */
  peakSequential: { rss: number; pss: number };
  /** Peak with two renders of this size at once, as the worker runs them. */
  peakConcurrent: { rss: number; pss: number };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed<T>(action: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

export function poolOptions(executablePath: string) {
  return { executablePath, maxConcurrentRenders: 2, maxRendersPerBrowser: 1000, renderTimeoutMs: 120000 };
}

export function benchInput(providers: number, questions: number): DossierInput {
  return sampleDossierInput({ providers, minimumQuestions: questions });
}

export function benchMeta(input: DossierInput) {
  return {
    version: 1,
    status: 'draft' as const,
    contentHash: dossierContentHash(input),
    generatedAt: '2026-12-04T12:00:00.000Z',
  };
}

/** pdfinfo's page count and tagged flag of the printed dossier. */
async function pdfFacts(pdf: Buffer): Promise<{ pages: number; tagged: boolean }> {
  const workdir = await mkdtemp(join(tmpdir(), 'probity-bench-'));
  try {
    const file = join(workdir, 'dossier.pdf');
    await writeFile(file, pdf);
    const { stdout } = await execute('pdfinfo', [file]);
    return { pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0), tagged: /^Tagged:\s+yes/m.test(stdout) };
  } finally {
    await rm(workdir, { recursive: true, force: true });
  }
}

/**
 * The whole dossier step the worker runs (template, print through the pool, metadata), on a fresh
 * pool per size so each size's Chromium memory is its own.
 */
export async function measureScale(options: ScaleOptions, memory: ProcessTreeMemory): Promise<ScaleResult> {
  const input = benchInput(options.providers, options.questions);
  const meta = benchMeta(input);
  const pool = new BrowserPool(poolOptions(options.executablePath));
  const renderer = new DossierRenderer(pool);
  try {
    const html = renderer.html(input, meta);
    let pdf: Buffer = Buffer.alloc(0);
    const coldMs = await timed(async () => ({ pdf } = await renderer.render(input, meta)));
    memory.reset();
    const warm: number[] = [];
    const cpu: number[] = [];
    const templating: number[] = [];
    for (let i = 0; i < options.warmRuns; i++) {
      templating.push(await timed(async () => renderer.html(input, meta)));
      const cpuBefore = memory.cpuMs();
      warm.push(await timed(() => renderer.render(input, meta)));
      cpu.push(memory.cpuMs() - cpuBefore);
    }
    const peakSequential = memory.peakBytes();
    memory.reset();
    const batchMs = options.batch
      ? await timed(() => Promise.all(Array.from({ length: options.batch }, () => renderer.render(input, meta))))
      : await timed(() => Promise.all([renderer.render(input, meta), renderer.render(input, meta)]));
    const peakConcurrent = memory.peakBytes();
    return {
      providers: input.providers.length,
      questions: input.case.questionnaire.questionCount,
      htmlBytes: Buffer.byteLength(html),
      pdfBytes: pdf.length,
      ...(await pdfFacts(pdf)),
      coldMs,
      warmMedianMs: median(warm),
      htmlMedianMs: median(templating),
      perMinute: options.batch ? (options.batch / batchMs) * 60000 : undefined,
      cpuMedianMs: median(cpu),
      peakSequential,
      peakConcurrent,
    };
  } finally {
    await pool.onModuleDestroy();
  }
}
