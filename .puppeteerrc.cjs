// Puppeteer downloads its own Chrome at install time unless a browser is already available.
// Machines without internet (CI here) install Debian's chromium first and skip the download;
// an ordinary machine with no system browser still gets Puppeteer's own build.
const { existsSync } = require('node:fs');

const systemBrowsers = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const hasBrowser =
  Boolean(process.env.PUPPETEER_EXECUTABLE_PATH) || systemBrowsers.some((path) => existsSync(path));

module.exports = {
  skipDownload: ['1', 'true'].includes(String(process.env.PUPPETEER_SKIP_DOWNLOAD).toLowerCase()) || hasBrowser,
};
