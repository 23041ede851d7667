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
];

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
 * Untrusted HTML is printed with JavaScript disabled and every request except inline `data:` URLs
 * aborted, so a provider's `<img src="http://…">` or `<script>` does nothing.
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
        page.on('request', (request) => {
          if (request.isInterceptResolutionHandled()) return;
          if (request.url().startsWith('data:')) void request.continue();
          else void request.abort('blockedbyclient');
        });
        await page.setContent(html, {
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
        return Buffer.from(await page.pdf(pdfOptions));
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
