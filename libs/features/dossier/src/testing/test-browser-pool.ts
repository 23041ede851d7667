import { BrowserPool, locateBrowser } from '@probity/pdf-rendering';

/** One Chromium on this machine rendering one document at a time, as the dossier int-specs need it. */
export function testBrowserPool(): BrowserPool {
  return new BrowserPool({
    executablePath: locateBrowser().executablePath,
    maxConcurrentRenders: 1,
    maxRendersPerBrowser: 10,
    renderTimeoutMs: 60000,
  });
}
