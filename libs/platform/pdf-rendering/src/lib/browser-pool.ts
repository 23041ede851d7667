import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import puppeteer, { Browser, PDFOptions } from 'puppeteer';

export interface BrowserPoolOptions {
  executablePath: string;
  /** Pages rendering at the same time; more than the core count only adds contention. */
  maxConcurrentRenders: number;
  /** Chromium grows over time; a fresh process after this many renders keeps memory flat. */
  maxRendersPerBrowser: number;
  /** Default upper bound for loading the content and for printing it, each. */
  renderTimeoutMs: number;
  /** Upper bound for loading the content (defaults to renderTimeoutMs). */
  contentTimeoutMs?: number;
  /** Upper bound for printing (defaults to renderTimeoutMs). */
  printTimeoutMs?: number;
}

export interface PdfRenderOptions {
  title: string;
  headerHtml?: string;
  footerHtml?: string;
}

const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--font-render-hinting=none',
  // The network is off below the page too: Chromium opens sockets the page's request interception
  // never sees (prefetches, preconnects for a frame or a meta refresh). Every connection must go
  // through a proxy whose name resolves nowhere, loopback included (Chromium bypasses proxies for
  // loopback unless told otherwise).
  '--proxy-server=http://network-off.invalid:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--dns-prefetch-disable',
];

const NAVIGATED_AWAY = /Execution context was destroyed|most likely because of a navigation/;

/** Where each document is served from: an address that never reaches a network, fulfilled in-process. */
const DOCUMENT_URL = 'http://probity-render.invalid/';

/**
 * Sent with every rendered document, so it holds before the first byte is parsed: nothing but
 * `data:` URLs and the document's own inline styles load, whatever the HTML asks for.
 */
export const RENDER_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  'img-src data:',
  'font-src data:',
  'media-src data:',
  "style-src 'unsafe-inline' data:",
  "script-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** A Buffer over the printed bytes rather than a copy of them (a big dossier is over 10 MB). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** One Chromium process and the renders it has served or is serving. */
interface Generation {
  browser: Promise<Browser>;
  active: number;
  renders: number;
  /** No new render goes to a retired generation; it closes when its last render ends. */
  retired: boolean;
}

/**
 * One Chromium, a fresh incognito context per render, bounded concurrency. The browser is retired
 * after N renders, after a render fails (timeout) and when it crashes; a retired browser finishes
 * the renders it already has and then closes, so one bad render does not fail its neighbours.
 * Untrusted HTML is printed with JavaScript disabled, under a Content-Security-Policy that allows
 * nothing but `data:` and inline styles, with every request except inline `data:` URLs aborted and
 * Chromium's own connections sent to a proxy that does not exist: a provider's `<img src="http://…">`,
 * `<link rel=prefetch>` or `<script>` reaches nothing.
 */
@Injectable()
export class BrowserPool implements OnModuleDestroy {
  private readonly logger = new Logger(BrowserPool.name);
  private current?: Generation;
  private readonly generations = new Set<Generation>();
  private active = 0;
  private launches = 0;
  private readonly waiting: Array<() => void> = [];
  private closed = false;

  constructor(private readonly options: BrowserPoolOptions) {}

  get stats(): { active: number; waiting: number; rendersOnBrowser: number; launches: number; browsers: number } {
    return {
      active: this.active,
      waiting: this.waiting.length,
      rendersOnBrowser: this.current?.renders ?? 0,
      launches: this.launches,
      browsers: this.generations.size,
    };
  }

  async renderPdf(html: string, options: PdfRenderOptions): Promise<Buffer> {
    await this.acquireSlot();
    try {
      return await this.renderOnce(html, options);
    } finally {
      this.releaseSlot();
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.generations].map((generation) => this.close(generation)));
  }

  private async renderOnce(html: string, options: PdfRenderOptions): Promise<Buffer> {
    const generation = this.generation();
    generation.active++;
    let failed = false;
    try {
      const browser = await generation.browser;
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        await page.setJavaScriptEnabled(false);
        await page.setRequestInterception(true);
        let served = false;
        page.on('request', (request) => {
          if (request.isInterceptResolutionHandled()) return;
          if (!served && request.isNavigationRequest() && request.url() === DOCUMENT_URL) {
            // The document itself, once: a later navigation to the same address (a refresh) is refused.
            served = true;
            void request.respond({
              status: 200,
              contentType: 'text/html; charset=utf-8',
              headers: { 'Content-Security-Policy': RENDER_CONTENT_SECURITY_POLICY },
              body: html,
            });
          } else if (request.url().startsWith('data:')) void request.continue();
          else void request.abort('blockedbyclient');
        });
        await page.goto(DOCUMENT_URL, {
          waitUntil: 'load',
          timeout: this.options.contentTimeoutMs ?? this.options.renderTimeoutMs,
        });
        const pdfOptions: PDFOptions = {
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: false,
          margin: { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' },
          displayHeaderFooter: Boolean(options.headerHtml || options.footerHtml),
          headerTemplate: options.headerHtml ?? '<span></span>',
          footerTemplate: options.footerHtml ?? '<span></span>',
          tagged: true,
          outline: true,
          timeout: this.options.printTimeoutMs ?? this.options.renderTimeoutMs,
        };
        try {
          return asBuffer(await page.pdf(pdfOptions));
        } catch (error) {
          // A document that asks to navigate (a meta refresh) disturbs the first print while the
          // navigation is being refused; the document itself stays, so printing again succeeds.
          if (!NAVIGATED_AWAY.test(String(error))) throw error;
          return asBuffer(await page.pdf(pdfOptions));
        }
      } finally {
        await context.close().catch(() => undefined);
      }
    } catch (error) {
      // A timeout or crash may leave Chromium wedged: new renders go to a fresh one.
      failed = true;
      this.logger.warn({ err: error }, 'render failed; retiring the browser');
      throw error;
    } finally {
      generation.active--;
      generation.renders++;
      if (failed || generation.renders >= this.options.maxRendersPerBrowser) this.retire(generation);
      if (generation.retired && generation.active === 0) void this.close(generation);
    }
  }

  private generation(): Generation {
    if (this.closed) throw new Error('The browser pool is shut down');
    if (this.current && !this.current.retired) return this.current;
    const browser = puppeteer.launch({
      executablePath: this.options.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      protocolTimeout:
        Math.max(this.options.contentTimeoutMs ?? 0, this.options.printTimeoutMs ?? 0, this.options.renderTimeoutMs) *
        2,
    });
    const generation: Generation = { browser, active: 0, renders: 0, retired: false };
    this.launches++;
    this.current = generation;
    this.generations.add(generation);
    browser.then(
      (launched) =>
        launched.on('disconnected', () => {
          this.retire(generation);
          this.generations.delete(generation);
        }),
      () => {
        this.retire(generation);
        this.generations.delete(generation);
      },
    );
    return generation;
  }

  private retire(generation: Generation): void {
    generation.retired = true;
    if (this.current === generation) this.current = undefined;
  }

  private async close(generation: Generation): Promise<void> {
    this.retire(generation);
    this.generations.delete(generation);
    const browser = await generation.browser.catch(() => undefined);
    await browser?.close().catch(() => browser.process()?.kill('SIGKILL'));
  }

  private acquireSlot(): Promise<void> {
    if (this.active < this.options.maxConcurrentRenders) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
