import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HeartbeatService } from '@probity/health';
import { BrowserPool, locateBrowser } from '@probity/pdf-rendering';
import { loadConfigOrExit } from '@probity/runtime';
import { createApp } from './create-app';

/**
 * The README's main command: boots Probity (zero-setup by default), sends a job through the queue
 * into the database, and renders a PDF with the real browser.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit({ LOG_LEVEL: 'warn', ...process.env });
  const app = await createApp(config);
  await app.init();
  try {
    const heartbeats = app.get(HeartbeatService);
    const heartbeatId = await heartbeats.send('demo');
    let heartbeat = await heartbeats.find(heartbeatId);
    for (let waited = 0; !heartbeat && waited < 30000; waited += 100) {
      await sleep(100);
      heartbeat = await heartbeats.find(heartbeatId);
    }
    if (!heartbeat) throw new Error('the demo job did not complete within 30 s');
    log(`job ${heartbeatId} processed by ${heartbeat.processedBy} (${config.mode} mode)`);

    const browser = locateBrowser(config.browserExecutablePath);
    const pool = new BrowserPool({
      executablePath: browser.executablePath,
      maxConcurrentRenders: 1,
      maxRendersPerBrowser: 10,
      renderTimeoutMs: 60000,
    });
    try {
      const pdf = await pool.renderPdf(
        `<!doctype html><html lang="en"><head><title>Probity demo</title></head><body><h1>Probity</h1><p>Job ${heartbeatId} completed at ${heartbeat.completedAt.toISOString()}.</p></body></html>`,
        { title: 'Probity demo' },
      );
      const outputDir = join(config.dataDir, 'demo');
      await mkdir(outputDir, { recursive: true });
      const file = join(outputDir, 'probity-demo.pdf');
      await writeFile(file, pdf);
      log(`PDF written to ${file} (${pdf.length} bytes, browser from ${browser.source})`);
    } finally {
      await pool.onModuleDestroy();
    }
  } finally {
    await app.close();
  }
}

function log(line: string): void {
  process.stdout.write(`probity demo: ${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`probity demo failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
