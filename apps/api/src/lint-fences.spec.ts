import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The lint fences in eslint.config.mjs are only worth something while they fire: each case lints a snippet
 * as if it lived at a fenced (or allowed) path, so a glob that stops matching fails here, not silently.
 */
const workspaceRoot = join(__dirname, '../../..');

interface Probe {
  source: string;
  filePath: string;
}

/**
 * ESLint's Node API loads the flat config with a dynamic import, which Jest's module sandbox refuses, so the
 * probes run in one plain Node process: `new ESLint().lintText(source, { filePath })` per probe. Plugins may
 * print to stdout too (Nx warns when no project graph is cached yet, as in a fresh checkout), so the answers
 * follow a marker line.
 */
const ANSWERS_MARKER = '--- lint probe answers ---';
const LINT_PROBES = `
  import { ESLint } from 'eslint';
  import { readFileSync } from 'node:fs';
  const probes = JSON.parse(readFileSync(0, 'utf8'));
  const eslint = new ESLint();
  const answers = [];
  for (const { source, filePath } of probes) {
    const [result] = await eslint.lintText(source, { filePath });
    answers.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
  }
  process.stdout.write('\\n${ANSWERS_MARKER}\\n' + JSON.stringify(answers));
`;

function lintAll(probes: Probe[]): string[][] {
  const input = JSON.stringify(probes.map((probe) => ({ ...probe, filePath: join(workspaceRoot, probe.filePath) })));
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_PROBES], {
    cwd: workspaceRoot,
    input,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const markerAt = output.lastIndexOf(ANSWERS_MARKER);
  if (markerAt < 0) throw new Error(`the lint probes printed no answers:\n${output}`);
  return JSON.parse(output.slice(markerAt + ANSWERS_MARKER.length)) as string[][];
}

/** Every probe of this file is linted once, up front; each test reads its answers by key. */
const probes = new Map<string, Probe>();
let answers: Map<string, string[]>;

function probe(source: string, filePath: string): string {
  const key = `${filePath}\n${source}`;
  probes.set(key, { source, filePath });
  return key;
}

function restrictedImports(key: string): string[] {
  const found = answers.get(key);
  if (!found) throw new Error(`probe not registered before beforeAll: ${key}`);
  return found;
}

beforeAll(() => {
  const keys = [...probes.keys()];
  const results = lintAll(keys.map((key) => probes.get(key) as Probe));
  answers = new Map(keys.map((key, index) => [key, results[index]]));
}, 120_000);

const TYPEORM_IMPORT = "import { DataSource } from 'typeorm';\nexport type Source = DataSource;\n";
const READ_FILE = "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n";

describe('lint fence: only repositories and entities import typeorm', () => {
  const refused = [
    'libs/features/dossier/src/lib/review.service.ts',
    'libs/features/identity/src/lib/identity.service.ts',
    'libs/features/cases/src/lib/cases.service.ts',
    'libs/features/notifications/src/lib/send-mail.job.ts',
    'libs/features/notifications/src/lib/send-reminders.job.ts',
    'libs/platform/web/src/lib/some-helper.ts',
    'apps/api/src/main.ts',
  ].map((filePath) => [filePath, probe(TYPEORM_IMPORT, filePath)]);
  it.each(refused)('refuses typeorm in %s', (_filePath, key) => {
    expect(restrictedImports(key)).toEqual([expect.stringContaining("'typeorm'")]);
  });

  const subpath = probe(
    "import { Driver } from 'typeorm/driver/Driver';\nexport type D = Driver;\n",
    'libs/features/portal/src/lib/portal.service.ts',
  );
  it('refuses typeorm subpaths too', () => {
    expect(restrictedImports(subpath)).toHaveLength(1);
  });

  const allowed = [
    'libs/features/dossier/src/lib/dossier-version.repository.ts',
    'libs/features/dossier/src/lib/dossier-version.entity.ts',
    'libs/features/dossier/src/lib/review.entities.ts',
    'libs/platform/database/src/migrations/1763800000000-heartbeats.ts',
    'libs/platform/database/src/lib/unit-of-work.ts',
    'libs/platform/testing/src/lib/test-database.ts',
    'apps/api/src/migrate.ts',
    'apps/api/src/create-admin.ts',
    'libs/features/dossier/src/lib/dossier-review.int-spec.ts',
  ].map((filePath) => [filePath, probe(TYPEORM_IMPORT, filePath)]);
  it.each(allowed)('allows typeorm in %s', (_filePath, key) => {
    expect(restrictedImports(key)).toEqual([]);
  });
});

describe('lint fence: pure code imports no framework and no I/O', () => {
  const PURE_PATHS = [
    'libs/features/dossier/src/model/dossier-view.ts',
    'libs/features/dossier/src/render/pdf-metadata.ts',
    'libs/features/dossier/src/ocds/ocds-export.ts',
    'libs/features/evaluation/src/lib/panel-rules.ts',
    'libs/features/evaluation/src/lib/judgement-questions.ts',
    'libs/features/evaluation/src/lib/pricing.ts',
    'libs/features/evaluation/src/lib/scoring-progress.ts',
    'libs/features/cases/src/lib/case-lifecycle.ts',
    'libs/features/cases/src/lib/evidence-policy.ts',
    'libs/features/cases/src/lib/response-period.ts',
    'libs/features/cases/src/lib/questionnaire-choice.ts',
    'libs/domain/scoring/src/lib/new-file.ts',
    'libs/domain/rubric/src/lib/new-file.ts',
    'libs/domain/questionnaires/src/lib/new-file.ts',
    'libs/domain/access/src/lib/new-file.ts',
  ];
  const FORBIDDEN: Array<[string, string]> = [
    ['NestJS', "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n"],
    ['TypeORM', TYPEORM_IMPORT],
    ['BullMQ', "import { Queue } from 'bullmq';\nexport type Q = Queue;\n"],
    ['ioredis', "import Redis from 'ioredis';\nexport type R = Redis;\n"],
    ['Puppeteer', "import puppeteer from 'puppeteer';\nexport const p = puppeteer;\n"],
    ['node:fs', READ_FILE],
    ['fs/promises', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n"],
    ['node:net', "import { createServer } from 'node:net';\nexport const c = createServer;\n"],
    ['node:http', "import { request } from 'node:http';\nexport const r = request;\n"],
    ['child_process', "import { spawn } from 'child_process';\nexport const s = spawn;\n"],
  ];

  const fenced = PURE_PATHS.map((filePath) => ({
    filePath,
    keys: FORBIDDEN.map(([what, source]) => [what, probe(source, filePath)] as const),
  }));
  it.each(fenced)('refuses every framework and I/O import in $filePath', ({ keys }) => {
    const fired = keys.map(([what, key]) => ({ what, fired: restrictedImports(key).length }));
    expect(fired).toEqual(FORBIDDEN.map(([what]) => ({ what, fired: 1 })));
  });

  const crypto = probe(
    "import { createHash } from 'node:crypto';\nexport const h = createHash;\n",
    'libs/features/dossier/src/model/signature.ts',
  );
  it('leaves pure imports alone', () => {
    expect(restrictedImports(crypto)).toEqual([]);
  });

  // These read templates or schemas from disk or start a worker thread: adapters, named in eslint.config.mjs.
  const adapters = [
    'libs/features/dossier/src/render/dossier-template.ts',
    'libs/features/dossier/src/render/pdf-proof-reader.ts',
    'libs/features/dossier/src/ocds/ocds-validator.ts',
  ].map((filePath) => [filePath, probe(READ_FILE, filePath)]);
  it.each(adapters)('lets the I/O adapter %s read files', (_filePath, key) => {
    expect(restrictedImports(key)).toEqual([]);
  });
});
