// End-to-end suites run the built processes exactly as the README starts them.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: path.join(__dirname, '..'), stdio: 'inherit' });
};
