import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

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
    // Repositories own their tables: in these libraries only repositories and entities talk TypeORM.
    files: ['libs/cases/src/**/*.ts', 'libs/evaluation/src/**/*.ts'],
    ignores: ['**/*.repository.ts', '**/*.entity.ts', '**/*.entities.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typeorm', message: 'Only *.repository.ts and entity files use TypeORM; go through a repository.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
