/// <reference lib="dom" />
import { INestApplication } from '@nestjs/common';
import { Browser, Page } from 'playwright-core';
import { demoEvidencePdf } from '@probity/demo';
import { E2eApp, startE2eApp } from '../support/e2e-app';
import { openDemoCaseWithInvite } from '../support/tender-http';
import { expectAccessible, expectNoHorizontalScroll, launchChromium, withBrowserPage } from '../support/browser';

const PASSWORD = 'autosave test passphrase';
const PURPOSE = '#q-law_misuse-input';
const SAVED = /All changes saved at/;

/**
 * Provider saves in a real browser (Chromium): nothing else the browser loads breaks them, and a save
 * that fails for any reason keeps the typed text until it is saved.
 */
describe('provider portal autosave in a real browser', () => {
  let started: E2eApp;
  let app: INestApplication;
  let browser: Browser;
  let baseUrl: string;
  let sectionUrl: string;

  beforeAll(async () => {
    started = await startE2eApp({ serve: true });
    ({ app, baseUrl } = started);
    const { portalPath } = await openDemoCaseWithInvite(app, started.smtp, {
      agencyName: 'Autosave Police (test)',
      email: 'officer@autosave.example',
      password: PASSWORD,
    });
    sectionUrl = `${baseUrl}${portalPath}/sections/0`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await started?.close();
  });

  /** Waits until the autosave status line says what the pattern describes. */
  async function statusSays(page: Page, pattern: RegExp, timeout = 10_000): Promise<void> {
    await page.waitForFunction(
      (source) => new RegExp(source).test(document.getElementById('autosave-status')?.textContent ?? ''),
      pattern.source,
      { timeout },
    );
  }

  /** What the server has for the purpose question, as a fresh browser (no local copy) sees it. */
  async function savedPurpose(): Promise<string> {
    let value = '';
    await withBrowserPage(browser, 'autosave-check', {}, async (page) => {
      await page.goto(sectionUrl);
      value = await page.locator(PURPOSE).inputValue();
    });
    return value;
  }

  it('lists the sections as separate items, in text and for screen readers', async () => {
    await withBrowserPage(browser, 'section-lists', { width: 390 }, async (page) => {
      for (const url of [sectionUrl, sectionUrl.replace(/\/sections\/0$/, '')]) {
        await page.goto(url);
        const list = page.locator('main ol').first();
        const items = await list.getByRole('listitem').allInnerTexts();
        expect(items.length).toBeGreaterThan(3);
        // Read as text (rendered, or as plain text content that copy-paste and some assistive
        // technologies use), one title never runs into the next.
        for (const text of [await list.innerText(), (await list.textContent()) ?? '']) {
          expect(text).toContain('Prohibited AI practices (AI Act Art. 5)');
          expect(text).not.toMatch(/Art\. 5\)\S/);
        }
        const snapshot = await list.ariaSnapshot();
        expect(snapshot).toMatch(/^- list:/);
        expect(snapshot.match(/^\s+- listitem/gm)?.length).toBe(items.length);
        await expectNoHorizontalScroll(page);
      }
    });
  });

  it('saves although the browser fetched /favicon.ico and the question bank in another tab meanwhile', async () => {
    await withBrowserPage(browser, 'autosave-other-tabs', {}, async (page, context) => {
      await page.goto(sectionUrl);
      const other = await context.newPage();
      const icon = await other.goto(`${baseUrl}/favicon.ico`);
      expect(icon?.status()).toBe(200);
      await other.goto(`${baseUrl}/question-bank`);
      await other.close();

      await page.locator(PURPOSE).fill('Searching recorded footage for a named vehicle.');
      await statusSays(page, SAVED);
      // The Save button (a plain form post) works the same.
      await page.locator(PURPOSE).fill('Searching recorded footage for a named vehicle, with a case reference.');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.waitForURL(/notice=saved/);
    });
    await expect(savedPurpose()).resolves.toBe(
      'Searching recorded footage for a named vehicle, with a case reference.',
    );
  });

  it('keeps text typed while offline or while the server fails across a reload, and saves it once it can', async () => {
    await withBrowserPage(browser, 'autosave-offline', { width: 390 }, async (page, context) => {
      await page.goto(sectionUrl);
      await context.setOffline(true);
      await page.locator(PURPOSE).fill('Typed on a train without a connection.');
      await statusSays(page, /Not saved: no connection/);
      // The status bar stays in sight at the bottom of the phone's screen.
      const bar = await page.locator('#autosave-bar').boundingBox();
      expect(bar && bar.y + bar.height).toBeLessThanOrEqual(page.viewportSize()?.height ?? 0);
      await expectNoHorizontalScroll(page);

      // Back online, the server is overloaded for a while (503 asking for 7 s, longer than the first
      // back-off of 2 s): the reload puts the text back and it is retried no sooner than asked.
      let failing = true;
      await page.route(sectionUrl, (route) =>
        failing && route.request().method() === 'POST'
          ? route.fulfill({
              status: 503,
              contentType: 'application/json',
              headers: { 'Retry-After': '7' },
              body: '{"message":"Service Unavailable"}',
            })
          : route.continue(),
      );
      await context.setOffline(false);
      await page.reload();
      await expect(page.locator(PURPOSE).inputValue()).resolves.toBe('Typed on a train without a connection.');
      await statusSays(
        page,
        /Not saved \(Service Unavailable\)\. Your changes are kept in this browser; trying again in 7 s/,
      );
      await expectAccessible(page);
      failing = false;
      await statusSays(page, SAVED, 15_000);
    });
    await expect(savedPurpose()).resolves.toBe('Typed on a train without a connection.');
  });

  it('retries an evidence upload the server failed, beside its question, and keeps text typed meanwhile', async () => {
    await withBrowserPage(browser, 'evidence-upload-retry', { width: 390 }, async (page) => {
      // The first section whose questions ask for evidence.
      let controls = page.locator('.question .evidence-upload').first();
      for (let index = 0; !(await controls.count()); index++) {
        await page.goto(sectionUrl.replace(/\/sections\/0$/, `/sections/${index}`));
        controls = page.locator('.question .evidence-upload').first();
      }
      const question = await controls.getAttribute('data-question');
      const comment = page.locator('#section-form textarea').first();
      let failures = 1;
      await page.route(/\/evidence\?/, (route) =>
        failures-- > 0
          ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"Service Unavailable"}' })
          : route.continue(),
      );
      await comment.fill('Typed just before uploading the report.');
      await controls.locator('input[type=file]').setInputFiles({
        name: 'report.pdf',
        mimeType: 'application/pdf',
        buffer: await demoEvidencePdf('Report', 'Evidence uploaded by the retry test.'),
      });
      await controls.getByRole('button', { name: 'Upload', exact: true }).click();
      await page.waitForFunction(
        (name) => document.querySelector(`#q-${name} .evidence-list`)?.textContent?.includes('report.pdf'),
        question,
        { timeout: 15_000 },
      );
      // The reload that shows the file put the typed text back.
      await expect(page.locator('#section-form textarea').first().inputValue()).resolves.toBe(
        'Typed just before uploading the report.',
      );
      await expectAccessible(page);
    });
  });

  it('keeps text refused as a conflict (saved elsewhere meanwhile) and lets the provider check and save it', async () => {
    await withBrowserPage(browser, 'autosave-conflict', {}, async (page) => {
      await page.goto(sectionUrl);
      // Another device saves first.
      await withBrowserPage(browser, 'autosave-other-device', {}, async (other) => {
        await other.goto(sectionUrl);
        await other.locator(PURPOSE).fill('Saved on the other device.');
        await statusSays(other, SAVED);
      });
      await page.locator(PURPOSE).fill('Typed here, after the other device.');
      await statusSays(page, /changed in another tab or on another device/);
      await page.reload();
      await expect(page.locator(PURPOSE).inputValue()).resolves.toBe('Typed here, after the other device.');
      await statusSays(page, /Check them, then press Save/);
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.waitForURL(/notice=saved/);
    });
    await expect(savedPurpose()).resolves.toBe('Typed here, after the other device.');
  });
});
