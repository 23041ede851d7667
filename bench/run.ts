import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem, type } from 'node:os';
import { join } from 'node:path';

export interface BenchResult {
  name: string;
  lines: string[];
}

type Bench = { name: string; load: () => Promise<{ run: () => Promise<BenchResult> }> };

/** Every benchmark; `npm run bench -- <name>` runs one. Results go to bench/RESULTS.md. */
const BENCHES: Bench[] = [];

function machine(): string[] {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  let chromium = 'not found';
  try {
    chromium = execFileSync('chromium', ['--version']).toString().trim();
  } catch {
    // Benchmarks that need a browser say so themselves.
  }
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${type()} ${process.arch}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `- Node.js ${process.version}; ${chromium}`,
  ];
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const selected = only.length ? BENCHES.filter((bench) => only.includes(bench.name)) : BENCHES;
  const sections: string[] = [];
  for (const bench of selected) {
    process.stdout.write(`running ${bench.name}…\n`);
    const result = await (await bench.load()).run();
    sections.push(`## ${result.name}\n\n${result.lines.join('\n')}\n`);
    process.stdout.write(`${result.lines.join('\n')}\n\n`);
  }
  const report = [
    '# Benchmark results',
    '',
    'Produced by `npm run bench` (see bench/run.ts); numbers are from one run on the machine below.',
    '',
    ...machine(),
    '',
    ...sections,
  ].join('\n');
  await writeFile(join(__dirname, '..', '..', 'bench', 'RESULTS.md'), report);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
