/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { locateBrowser } from '@probity/pdf-rendering';
import { WORKSPACE_ROOT } from './processes';

/** The machine's Chromium (Debian's on CI), never a downloaded one. */
/** The width the pages must fit without sideways scrolling: a 390 px phone. */
export const PHONE = { width: 390, height: 844 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: locateBrowser().executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** axe-core finds no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`)).toEqual(
    [],
  );
}

/** The page fits its viewport's width: nothing makes the reader scroll sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * A refused form as every page shows one: the error summary has the focus and links the problem to its
 * field, and the field is marked invalid and described by the same words, shown beside it.
 */
export async function expectFormRefusal(page: Page, field: Locator, message: string): Promise<void> {
  const focused = await page.evaluate(() => document.activeElement?.className ?? '');
  expect(focused).toBe('error-summary');
  const link = page.locator('.error-summary a', { hasText: message });
  expect(await link.count()).toBe(1);
  expect(await link.getAttribute('href')).toBe(`#${await field.getAttribute('id')}`);
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const describedBy = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
  const beside = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
  expect(beside.join(' ')).toContain(message);
}

/**
 * A page that answered a refused form post: checked (typed values, the problem beside its field),
 * accessible and no wider than the screen; then reloaded, which posts the same form again and is refused
 * again with the same status, so the reader sees the same page, typed values and all.
 */
export async function expectRefusalKeptOnReload(page: Page, status: number, check: () => Promise<void>): Promise<void> {
  await check();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  const [again] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document'),
    page.reload(),
  ]);
  expect(again.status()).toBe(status);
  await page.waitForLoadState();
  await check();
}

/** Clicks a button whose step cannot be undone and confirms it in the page's dialog. */
export async function confirmStep(page: Page, buttonName: string | RegExp, confirmName: string): Promise<void> {
  await page.getByRole('button', { name: buttonName }).click();
  await page.getByRole('dialog').getByRole('button', { name: confirmName }).click();
}

/**
 * Runs a check on a page and then closes it (by default its whole context); a failing check leaves a
 * full-page screenshot under test-results/<name>.png.
 */
export async function screenshotOnFailure(
  page: Page,
  name: string,
  check: () => Promise<void>,
  close: () => Promise<void> = () => page.context().close(),
): Promise<void> {
  try {
    await check();
  } catch (error) {
    const dir = join(WORKSPACE_ROOT, 'test-results');
    await mkdir(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    throw error;
  } finally {
    await close();
  }
}

/** Runs a check in a fresh browser context (its own cookies and storage) and closes it. */
export async function withBrowserPage(
  browser: Browser,
  name: string,
  options: { width?: number; locale?: string },
  check: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? 'en-GB',
  });
  const page = await context.newPage();
  await screenshotOnFailure(page, name, () => check(page, context));
}
