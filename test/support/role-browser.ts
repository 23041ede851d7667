import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * One browser context per person (staff role or provider) in a multi-step walk, with the steps chained: a
 * failing step saves every open page as a screenshot under `screenshots`, and the later steps fail at once
 * with its name.
 */
export class RoleBrowser {
  readonly contexts: Record<string, BrowserContext> = {};
  private failedStep: string | undefined;

  constructor(
    private readonly browser: () => Browser,
    private readonly screenshots: string,
  ) {}

  /** Runs one step; when it fails, every open page is saved as a screenshot before the failure is reported. */
  async step(run: () => Promise<void>): Promise<void> {
    if (this.failedStep) throw new Error(`not run: the earlier step failed (${this.failedStep})`);
    try {
      await run();
    } catch (error) {
      this.failedStep = expect.getState().currentTestName ?? 'unknown';
      await mkdir(this.screenshots, { recursive: true });
      for (const [role, context] of Object.entries(this.contexts))
        for (const [index, page] of context.pages().entries())
          await page
            .screenshot({ path: join(this.screenshots, `${role}-${index}.png`), fullPage: true })
            .catch(() => undefined);
      throw error;
    }
  }

  /** A new page in the person's own context (cookies kept between steps). */
  async pageAs(who: string): Promise<Page> {
    this.contexts[who] ??= await this.browser().newContext();
    return this.contexts[who].newPage();
  }

  /** A page signed in as the member of staff: through the sign-in form unless the context already is. */
  async signIn(who: string, baseUrl: string, email: string, password: string): Promise<Page> {
    const page = await this.pageAs(who);
    await page.goto(`${baseUrl}/cases`);
    if (new URL(page.url()).pathname !== '/login') return page;
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL((url) => url.pathname !== '/login');
    return page;
  }
}
