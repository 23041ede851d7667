import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem, type } from 'node:os';
import { join } from 'node:path';
import * as queueBench from './queue';
import * as questionnaireBench from './questionnaire';
import * as scoringBench from './scoring';
import * as dossierBench from './dossier';
import * as comparisonBench from './comparison';
import * as loadBench from './load';

export interface BenchResult {
  name: string;
  lines: string[];
}

type Bench = { name: string; run: () => Promise<BenchResult> };

/** Every benchmark; `npm run bench -- <name>` runs one. Results go to bench/RESULTS.md. */
const BENCHES: Bench[] = [
  { name: 'queue', run: queueBench.run },
  { name: 'questionnaire', run: questionnaireBench.run },
  { name: 'scoring', run: scoringBench.run },
  { name: 'comparison', run: comparisonBench.run },
  { name: 'dossier', run: dossierBench.run },
  { name: 'load', run: loadBench.run },
];

function machine(): string[] {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  let chromium = 'not found';
  try {
    chromium = execFileSync('chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    // Benchmarks that need a browser say so themselves.
  }
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${type()} ${process.arch}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `- Node.js ${process.version}; ${chromium}`,
  ];
}

const BENCH_DIR = join(__dirname, '..', '..', 'bench');

/** Each benchmark keeps its latest section in bench/results/<name>.md; RESULTS.md joins them all. */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const selected = only.length ? BENCHES.filter((bench) => only.includes(bench.name)) : BENCHES;
  const resultsDir = join(BENCH_DIR, 'results');
  await mkdir(resultsDir, { recursive: true });
  for (const bench of selected) {
    process.stdout.write(`running ${bench.name}…\n`);
    const result = await bench.run();
    const section = [`## ${result.name}`, '', ...machine(), '', ...result.lines, ''].join('\n');
    await writeFile(join(resultsDir, `${bench.name}.md`), section);
    process.stdout.write(`${result.lines.join('\n')}\n\n`);
  }
  const sections = await Promise.all(
    BENCHES.map((bench) => readFile(join(resultsDir, `${bench.name}.md`), 'utf8').catch(() => '')),
  );
  const report = [
    '# Benchmark results',
    '',
    'Produced by `npm run bench` (all) or `npm run bench -- <name>` (one); see bench/run.ts. Each',
    'section says when and on which machine it was measured.',
    '',
    ...sections.filter(Boolean),
  ].join('\n');
  await writeFile(join(BENCH_DIR, 'RESULTS.md'), report);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
