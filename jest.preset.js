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
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@probity/(.*)$': path.join(workspaceRoot, 'libs/$1/src/index.ts'),
  },
  testMatch: ['**/?(*.)+(spec|int-spec|e2e-spec).ts'],
  setupFiles: [path.join(workspaceRoot, 'jest.setup.js')],
};
