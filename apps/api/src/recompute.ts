import { readFile } from 'node:fs/promises';
import { recomputeDossier } from '@probity/dossier';

/**
 * `npm run recompute -- <dossier.pdf>`: recomputes the award from the files a dossier embeds and
 * exits 0 when every number is reproduced, 1 on a difference, 2 when the file cannot be read.
 */
async function main(): Promise<number> {
  const path = process.argv[2];
  if (!path) {
    process.stderr.write('usage: npm run recompute -- <dossier.pdf>\n');
    return 2;
  }
  const report = await recomputeDossier(await readFile(path));
  process.stdout.write(`${report.lines.join('\n')}\n`);
  return report.reproduced ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`probity recompute failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
