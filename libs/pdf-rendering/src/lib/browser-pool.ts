import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import puppeteer, { Browser, PDFOptions } from 'puppeteer';

export interface BrowserPoolOptions {
  executablePath: string;
  /** Pages rendering at the same time; more than the core count only adds contention. */
  maxConcurrentRenders: number;
  /** Chromium grows over time; a fresh process after this many renders keeps memory flat. */
  maxRendersPerBrowser: number;
  /** Upper bound for loading the content and for printing it, each. */
  renderTimeoutMs: number;
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

/**
 * One Chromium, a fresh incognito context per render, bounded concurrency, recycled after N renders
 * or any crash. Untrusted HTML is printed with JavaScript disabled and every request except inline
 * `data:` URLs aborted, so a provider's `<img src="http://…">` or `<script>` does nothing.
 */
@Injectable()
export class BrowserPool implements OnModuleDestroy {
  private readonly logger = new Logger(BrowserPool.name);
  private browser?: Promise<Browser>;
  private rendersOnBrowser = 0;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private closed = false;

  constructor(private readonly options: BrowserPoolOptions) {}

  get stats(): { active: number; waiting: number; rendersOnBrowser: number } {
    return { active: this.active, waiting: this.waiting.length, rendersOnBrowser: this.rendersOnBrowser };
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
    await this.closeBrowser();
  }

  private async renderOnce(html: string, options: PdfRenderOptions): Promise<Buffer> {
    const browser = await this.getBrowser();
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
      await page.setContent(html, { waitUntil: 'load', timeout: this.options.renderTimeoutMs });
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
        timeout: this.options.renderTimeoutMs,
      };
      const pdf = Buffer.from(await page.pdf(pdfOptions));
      this.rendersOnBrowser++;
      return pdf;
    } catch (error) {
      // A timeout or crash may leave Chromium wedged; the next render starts a fresh one.
      this.logger.warn({ err: error }, 'render failed; recycling the browser');
      await this.closeBrowser();
      throw error;
    } finally {
      await context.close().catch(() => undefined);
      if (this.rendersOnBrowser >= this.options.maxRendersPerBrowser && this.active <= 1) await this.closeBrowser();
    }
  }

  private getBrowser(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error('The browser pool is shut down'));
    if (!this.browser) {
      const launching = puppeteer.launch({
        executablePath: this.options.executablePath,
        headless: true,
        args: [...CHROMIUM_ARGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        protocolTimeout: this.options.renderTimeoutMs * 2,
      });
      this.browser = launching;
      this.rendersOnBrowser = 0;
      launching.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = undefined;
          }),
        () => {
          if (this.browser === launching) this.browser = undefined;
        },
      );
    }
    return this.browser;
  }

  private async closeBrowser(): Promise<void> {
    const current = this.browser;
    this.browser = undefined;
    if (!current) return;
    const browser = await current.catch(() => undefined);
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
