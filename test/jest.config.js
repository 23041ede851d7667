module.exports = {
  displayName: 'e2e',
  preset: '../jest.preset.js',
  rootDir: '.',
  globalSetup: '<rootDir>/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/support/long-timeout.js'],
};
