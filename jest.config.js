const fs = require('node:fs');
const path = require('node:path');

/**
 * Every folder under apps/ and libs/ with its own jest.config.js (nested ones too, e.g. libs/platform/x),
 * found by listing folders: asking Nx for its project graph instead cost seconds before the first test.
 */
function jestProjectsUnder(folder, depth = 2) {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
    .flatMap((entry) => {
      const child = path.join(folder, entry.name);
      if (fs.existsSync(path.join(child, 'jest.config.js'))) return [child];
      return depth > 1 ? jestProjectsUnder(child, depth - 1) : [];
    });
}

/** Every app and lib is its own Jest project; `test/` holds the end-to-end suites. */
module.exports = {
  projects: [
    ...['apps', 'libs'].flatMap((root) => jestProjectsUnder(path.join(__dirname, root))),
    '<rootDir>/test/jest.config.js',
  ].map((project) => (project.startsWith('<rootDir>') ? project : project.replace(__dirname, '<rootDir>'))),
  // Integration suites create databases and start processes; a loaded 2-core CI machine needs headroom.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
};
