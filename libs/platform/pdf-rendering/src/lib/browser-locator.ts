import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer';

export interface BrowserLocation {
  executablePath: string;
  source: 'PUPPETEER_EXECUTABLE_PATH' | 'system' | 'puppeteer-download';
}

export class BrowserNotFoundError extends Error {
  constructor(detail: string) {
    super(
      `No Chromium or Chrome found (${detail}). Install one (Debian: apt-get install chromium), ` +
        'set PUPPETEER_EXECUTABLE_PATH, or run `npx puppeteer browsers install chrome`.',
    );
    this.name = 'BrowserNotFoundError';
  }
}

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** An explicit path wins, then a browser installed on the system, then the one Puppeteer downloaded. */
export function locateBrowser(explicitPath?: string, candidates: string[] = SYSTEM_BROWSERS): BrowserLocation {
  if (explicitPath) {
    if (!existsSync(explicitPath))
      throw new BrowserNotFoundError(`PUPPETEER_EXECUTABLE_PATH=${explicitPath} does not exist`);
    return { executablePath: explicitPath, source: 'PUPPETEER_EXECUTABLE_PATH' };
  }
  const system = candidates.find((path) => existsSync(path));
  if (system) return { executablePath: system, source: 'system' };
  let downloaded: string | undefined;
  try {
    downloaded = puppeteer.executablePath();
  } catch {
    downloaded = undefined;
  }
  if (downloaded && existsSync(downloaded)) return { executablePath: downloaded, source: 'puppeteer-download' };
  throw new BrowserNotFoundError('no system browser and no Puppeteer download');
}
