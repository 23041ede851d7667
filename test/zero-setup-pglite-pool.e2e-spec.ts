import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WORKSPACE_ROOT } from './support/processes';

const run = promisify(execFile);

/**
 * Zero-setup mode on embedded PGlite: typeorm-pglite hands every query runner the same pool object, and
 * TypeORM adds an `error` listener to it per connected runner, so more than ten open runners printed
 * `MaxListenersExceededWarning … PGlitePool` on every `npm run demo`. Runs in a plain Node process on the
 * built code: PGlite cannot load inside Jest's module sandbox.
 */
const SCRIPT = `
require('reflect-metadata');
const { DataSource } = require('typeorm');
const { buildDataSourceOptions } = require('./dist/libs/platform/database/src/lib/data-source-options');

(async () => {
  const warnings = [];
  process.on('warning', (warning) => warnings.push({ name: warning.name, message: warning.message }));
  const dataSource = new DataSource(buildDataSourceOptions({ mode: 'zero-setup', dataDir: process.env.DATA_DIR }));
  await dataSource.initialize();
  const runners = [];
  for (let i = 0; i < 20; i++) {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    runners.push(runner);
  }
  const answers = await Promise.all(runners.map((runner, i) => runner.query('SELECT $1::int AS n', [i])));
  await Promise.all(runners.map((runner) => runner.release()));
  // Warnings are emitted on a later tick.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await dataSource.destroy();
  process.stdout.write('RESULT ' + JSON.stringify({ numbers: answers.map(([row]) => row.n), warnings }) + '\\n');
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\\n');
  process.exit(1);
});
`;

describe('zero-setup data source (embedded PostgreSQL)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'probity-pglite-pool-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('opens 20 query runners at once without a MaxListenersExceededWarning', async () => {
    const { stdout } = await run(process.execPath, ['-e', SCRIPT], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    const line = stdout.split('\n').find((text) => text.startsWith('RESULT '));
    if (!line) throw new Error(`the script printed no result:\n${stdout}`);
    const { numbers, warnings } = JSON.parse(line.slice('RESULT '.length)) as {
      numbers: number[];
      warnings: Array<{ name: string; message: string }>;
    };
    expect(numbers).toEqual([...Array(20).keys()]);
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});
