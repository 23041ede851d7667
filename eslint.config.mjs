import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const TYPEORM_BAN = {
  name: 'typeorm',
  message:
    'Only *.repository.ts and entity files use TypeORM; go through a repository (or the owning library’s service).',
};
const TYPEORM_SUBPATH_BAN = { group: ['typeorm/*'], message: TYPEORM_BAN.message };

/** Where TypeORM belongs for good. */
const TYPEORM_ALLOWED = [
  '**/*.repository.ts',
  '**/*.entity.ts',
  '**/*.entities.ts',
  '**/migrations/**',
  'libs/platform/database/**',
  'libs/platform/testing/**',
  // Test support of int-specs (module harnesses on a real database).
  'libs/*/*/src/testing/**',
  // Scripts that open their own data source before any NestJS module exists.
  'apps/api/src/migrate.ts',
  'apps/api/src/create-admin.ts',
  // Integration, end-to-end and load tests seed and inspect real PostgreSQL directly.
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  'test/**',
  'bench/**',
  // The transactional outbox owns `job_outbox` and joins the caller's transaction by design (infrastructure).
  'libs/platform/queue/src/lib/job-outbox.ts',
  // Constructs the driver error whose logging it checks.
  'libs/platform/web/src/lib/error-logging.spec.ts',
];

/** Pure folders and files inside feature libraries, and the pure libraries themselves. */
const PURE_FILES = [
  'libs/features/dossier/src/model/**/*.ts',
  'libs/features/dossier/src/render/**/*.ts',
  'libs/features/dossier/src/ocds/**/*.ts',
  'libs/features/evaluation/src/lib/{panel-rules,judgement-questions,pricing,scoring-progress}.ts',
  'libs/features/cases/src/lib/{case-lifecycle,evidence-policy,response-period,questionnaire-choice}.ts',
  'libs/domain/{scoring,rubric,questionnaires,access}/src/**/*.ts',
  'libs/features/{readiness,monitoring}/src/model/**/*.ts',
];

/** Files in those folders that do I/O on purpose: they read templates or schemas from disk, or start a worker thread. */
const NOT_PURE_IN_PURE_FOLDERS = [
  'libs/features/dossier/src/render/dossier-template.ts',
  'libs/features/dossier/src/render/pdf-proof-reader.ts',
  'libs/features/dossier/src/ocds/ocds-validator.ts',
];

const PURE_MESSAGE = 'Pure code: no NestJS, database, queue, browser or file/network I/O here; put it in an adapter.';
const IO_MODULES = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process'];
const PURE_BANNED_PATHS = ['bullmq', 'ioredis', 'puppeteer', 'puppeteer-core', 'pg']
  .concat(
    IO_MODULES,
    IO_MODULES.map((name) => `node:${name}`),
  )
  .map((name) => ({ name, message: PURE_MESSAGE }));
const PURE_BANNED_PATTERNS = [{ group: ['@nestjs/*', 'typeorm/*'], message: PURE_MESSAGE }];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'tmp/**', 'coverage/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Apps wire modules; libs never reach back into apps.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            // Pure domain logic (questionnaires, scoring): no framework, no I/O, unit-tested in milliseconds.
            {
              sourceTag: 'layer:domain',
              onlyDependOnLibsWithTags: ['layer:domain'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'puppeteer', 'puppeteer-core', 'bullmq', 'ioredis'],
            },
            // NestJS feature modules use infrastructure only through the infra libs' abstractions.
            {
              sourceTag: 'layer:feature',
              onlyDependOnLibsWithTags: ['layer:domain', 'layer:infra', 'layer:feature'],
              bannedExternalImports: ['puppeteer', 'puppeteer-core', 'bullmq', '@nestjs/bullmq', 'ioredis'],
            },
            { sourceTag: 'layer:infra', onlyDependOnLibsWithTags: ['layer:domain', 'layer:infra'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Repositories own their tables: across the repo only repositories, entities, migrations and the database
    // and testing libraries talk TypeORM; everything else goes through a repository or a library's service.
    files: ['**/*.ts'],
    ignores: TYPEORM_ALLOWED,
    rules: { 'no-restricted-imports': ['error', { paths: [TYPEORM_BAN], patterns: [TYPEORM_SUBPATH_BAN] }] },
  },
  {
    // Pure code: no framework, no database, no queue, no browser, no file or network I/O, so it is unit-tested in
    // milliseconds. Later blocks replace `no-restricted-imports`, so this one repeats the TypeORM ban.
    files: PURE_FILES,
    // Specs of pure code may read their fixtures from disk.
    ignores: [...NOT_PURE_IN_PURE_FOLDERS, '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [TYPEORM_BAN, ...PURE_BANNED_PATHS], patterns: PURE_BANNED_PATTERNS },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
