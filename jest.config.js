const { getJestProjectsAsync } = require('@nx/jest');

/** Every app and lib is its own Jest project; `test/` holds the end-to-end suites. */
module.exports = async () => ({
  projects: [...(await getJestProjectsAsync()), '<rootDir>/test/jest.config.js'],
  // Integration suites create databases and start processes; a loaded 2-core CI machine needs headroom.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
});
