const { getJestProjectsAsync } = require('@nx/jest');

/** Every app and lib is its own Jest project; `test/` holds the end-to-end suites. */
module.exports = async () => ({
  projects: [...(await getJestProjectsAsync()), '<rootDir>/test/jest.config.js'],
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
});
