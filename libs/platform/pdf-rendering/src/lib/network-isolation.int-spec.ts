import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { locateBrowser } from './browser-locator';
import { BrowserPool } from './browser-pool';

const run = promisify(execFile);

/**
 * Everything in a document that can make a browser reach out without JavaScript: resource hints,
 * CSS imports and image sets, responsive images, SVG references, media posters, frames and embeds,
 * and a navigation. `URL` stands for the canary's address.
 */
const VECTORS: Record<string, string> = {
  prefetch: '<link rel="prefetch" href="URL/prefetch">',
  preload: '<link rel="preload" href="URL/preload" as="image">',
  'preload (style)': '<link rel="preload" href="URL/preload-style" as="style">',
  modulepreload: '<link rel="modulepreload" href="URL/modulepreload.js">',
  preconnect: '<link rel="preconnect" href="URL">',
  'dns-prefetch': '<link rel="dns-prefetch" href="URL">',
  prerender: '<link rel="prerender" href="URL/prerender">',
  stylesheet: '<link rel="stylesheet" href="URL/stylesheet.css">',
  icon: '<link rel="icon" href="URL/favicon.ico">',
  '@import': '<style>@import url("URL/import.css");</style>',
  'image-set()': '<div style="width:10px;height:10px;background-image:image-set(url(URL/set.png) 1x)"></div>',
  '@font-face': '<style>@font-face{font-family:x;src:url(URL/font.woff2)}</style><p style="font-family:x">x</p>',
  srcset: '<img srcset="URL/srcset.png 1x" alt="">',
  'picture source': '<picture><source srcset="URL/picture.png"><img alt=""></picture>',
  'SVG <use>': '<svg width="10" height="10"><use href="URL/sprite.svg#a"></use></svg>',
  'SVG <image>': '<svg width="10" height="10"><image href="URL/svg-image.png"></image></svg>',
  '<video poster>': '<video poster="URL/poster.png"></video>',
  '<audio src>': '<audio src="URL/audio.mp3" preload="auto"></audio>',
  '<iframe>': '<iframe src="URL/frame"></iframe>',
  '<object>': '<object data="URL/object"></object>',
  '<embed>': '<embed src="URL/embed">',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=URL/refresh">',
  '<base> with a relative image': '<base href="URL/"><img src="relative.png" alt="">',
};

/** A font shipped as a data: URI, the way the dossier and the blank questionnaire embed Noto. */
const NOTO_WOFF2 = require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2');

interface Canary {
  base: string;
  /** Every TCP connection opened to it, with the first bytes sent (the request line, if any). */
  connections: string[];
  server: Server;
}

/** A server of its own per vector, so a late connection is counted against the vector that caused it. */
async function startCanary(): Promise<Canary> {
  const connections: string[] = [];
  const server = createServer((socket: Socket) => {
    const index = connections.push('(connection)') - 1;
    socket.once('data', (chunk) => {
      connections[index] = chunk.toString('latin1').split('\r\n')[0];
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\ncanary');
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, connections, server };
}

/**
 * The renderer prints untrusted HTML with "the network off". The canary counts TCP connections, not
 * only HTTP requests: a preconnect that opens a socket is as much a leak as a fetch.
 */
describe('the PDF renderer reaches no network (real Chromium)', () => {
  let pool: BrowserPool;
  let workdir: string;
  const canaries: Canary[] = [];

  beforeAll(async () => {
    pool = new BrowserPool({
      executablePath: locateBrowser().executablePath,
      maxConcurrentRenders: 2,
      maxRendersPerBrowser: 100,
      renderTimeoutMs: 20_000,
    });
    workdir = await mkdtemp(join(tmpdir(), 'probity-isolation-'));
  });

  afterAll(async () => {
    await pool.onModuleDestroy();
    for (const canary of canaries) canary.server.close();
    await rm(workdir, { recursive: true, force: true });
  });

  it.each(Object.keys(VECTORS))('%s reaches nothing', async (name) => {
    const canary = await startCanary();
    canaries.push(canary);
    const tag = VECTORS[name].replaceAll('URL', canary.base);
    // Before and after other content: in the head, in the body and as the first thing in the document.
    for (const html of [
      `${tag}<p>probe</p>`,
      `<!doctype html><html><head>${tag}</head><body><p>probe</p></body></html>`,
      `<!doctype html><html><head><title>probe</title></head><body><p>probe</p>${tag}</body></html>`,
    ]) {
      const pdf = await pool.renderPdf(html, { title: name });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    // Hints are acted on after load, when the browser is idle: give them the time to try.
    await sleep(300);
    expect(canary.connections).toEqual([]);
  });

  it('still embeds fonts given as data: URIs and prints the text', async () => {
    const font = (await readFile(NOTO_WOFF2)).toString('base64');
    const html = `<!doctype html><html><head><style>
      @font-face { font-family: 'Probity Sans'; src: url(data:font/woff2;base64,${font}) format('woff2'); }
      body { font-family: 'Probity Sans'; }
    </style></head><body><p>Embedded font check</p><img alt="" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/%3E"></body></html>`;
    const file = join(workdir, 'fonts.pdf');
    await writeFile(file, await pool.renderPdf(html, { title: 'fonts' }));
    const [{ stdout: fonts }, { stdout: text }] = await Promise.all([
      run('pdffonts', [file]),
      run('pdftotext', [file, '-']),
    ]);
    expect(fonts).toMatch(/NotoSans/i);
    expect(text).toContain('Embedded font check');
  });
});
