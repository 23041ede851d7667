const preset = require('../jest.preset.js');

// The end-to-end suites run the api and worker in this process: they load modules eagerly, as the build does,
// rather than on first use as the unit tier does (see jest.preset.js).
const [transformer, options] = preset.transform['^.+\\.ts$'];

module.exports = {
  displayName: 'e2e',
  preset: '../jest.preset.js',
  rootDir: '.',
  transform: { '^.+\\.ts$': [transformer, { ...options, module: { ...options.module, lazy: false } }] },
  globalSetup: '<rootDir>/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/support/long-timeout.js'],
};
