/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { INestApplication } from '@nestjs/common';
import { Browser, chromium, Page } from 'playwright-core';
import { locateBrowser } from '@probity/pdf-rendering';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { screenshotOnFailure } from '../support/browser';

const PAGES = [
  '/',
  '/question-bank',
  '/question-bank/responsible-ai-high-risk',
  '/question-bank/responsible-ai-light',
  '/no-such-page',
];

describe('pages in a real browser', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApp(servicesTestConfig(database.url));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    browser = await chromium.launch({
      executablePath: locateBrowser().executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  async function open(path: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(baseUrl + path);
    return page;
  }

  it.each(PAGES)('%s has no serious or critical axe-core violation', async (path) => {
    const page = await open(path);
    await screenshotOnFailure(page, `axe${path.replace(/\W+/g, '-')}`, async () => {
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.passes.length).toBeGreaterThan(10);
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  });

  it('lets a keyboard user skip straight to the content', async () => {
    const page = await open('/question-bank');
    await screenshotOnFailure(page, 'keyboard-skip-link', async () => {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
      await page.keyboard.press('Enter');
      expect(page.url()).toMatch(/#main$/);
    });
  });

  it('fits a narrow phone screen without horizontal scrolling', async () => {
    const page = await open('/question-bank/responsible-ai-high-risk', 360);
    await screenshotOnFailure(page, 'narrow-screen', async () => {
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
});
