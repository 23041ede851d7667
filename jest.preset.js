// Shared Jest settings for every project: SWC transpiles TypeScript (with decorator metadata for
// NestJS and TypeORM); `tsc --noEmit` is the one place types are checked.
const path = require('node:path');

const workspaceRoot = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        // Imports of packages and of other libraries (`@probity/*`) are required on first use rather than at
        // load: Jest evaluates every module afresh for each spec file, so a spec of a pure function that
        // imports one name from a barrel no longer pays for survey-core, exceljs, TypeORM and NestJS it never
        // runs (this halved the unit tier's CPU time). The build (.swcrc) keeps eager imports, and so do the
        // e2e suites (test/jest.config.js), which run the whole api and worker in process.
        module: { type: 'commonjs', lazy: true },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    // A library sits in the folder of its layer (README "Architecture"); Jest tries each in turn.
    '^@probity/(.*)$': ['platform', 'domain', 'features'].map((layer) =>
      path.join(workspaceRoot, 'libs', layer, '$1/src/index.ts'),
    ),
  },
  testMatch: ['**/?(*.)+(spec|int-spec|e2e-spec).ts'],
  setupFiles: [path.join(workspaceRoot, 'jest.setup.js')],
};
