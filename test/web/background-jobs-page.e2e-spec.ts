/// <reference lib="dom" />
import { Browser, BrowserContext, Page } from 'playwright-core';
import { CasesService } from '@probity/cases';
import { demoCase } from '@probity/demo';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  launchChromium,
  PHONE,
  screenshotOnFailure,
} from '../support/browser';
import { agencyWithStaff, E2eApp, signInWithBrowser, startE2eApp } from '../support/e2e-app';
import { failedEvaluationStart } from '../support/failed-job';

const PASSWORD = 'background jobs page passphrase';

/** The Background jobs page in Chromium on a phone: a failed job of the agency, retried from the keyboard. */
describe('background jobs page in a real browser', () => {
  let started: E2eApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    started = await startE2eApp({ serve: true });
    const { app, config, baseUrl } = started;
    const admin = { email: 'admin@garda.example', name: 'Aoife Admin', role: 'admin' } as const;
    const { agencyId } = await agencyWithStaff(app, 'An Garda Síochána (test)', [admin], PASSWORD);
    const created = await app
      .get(CasesService)
      .createCase(agencyId, { ...demoCase(new Date()), reference: 'GARDA-JOBS-7' });
    await failedEvaluationStart(app, config, created.id, 'the comparison store refused the write');
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE });
    await signInWithBrowser(context, baseUrl, admin.email, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await started?.close();
  });

  it('shows the failed job on a 390 px phone and retries it from the keyboard after confirmation', async () => {
    const page: Page = await context.newPage();
    await screenshotOnFailure(
      page,
      'background-jobs-page',
      async () => {
        await page.goto(`${started.baseUrl}/admin/jobs`);
        await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Background jobs');
        const row = page.getByRole('listitem').filter({ hasText: 'Starting the evaluation for GARDA-JOBS-7' });
        await expect(row.innerText()).resolves.toContain('The comparison store refused the write.');
        await expect(row.getByRole('link', { name: 'GARDA-JOBS-7' }).count()).resolves.toBe(1);
        await expectNoHorizontalScroll(page);
        await expectAccessible(page);

        await page.getByRole('button', { name: 'Retry Starting the evaluation for GARDA-JOBS-7' }).focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog');
        // Focus starts on Cancel, so Enter by habit takes no step.
        await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
        await page.keyboard.press('Shift+Tab');
        await Promise.all([page.waitForURL('**/admin/jobs?notice=retried'), page.keyboard.press('Enter')]);
        await expect(dialog.count()).resolves.toBe(0);
        await expect(page.getByRole('status').innerText()).resolves.toBe('The job was queued again.');
        await expect(page.getByText('No job of your agency has failed.').count()).resolves.toBe(1);
        await page.reload();
        await expect(page.getByText('No job of your agency has failed.').count()).resolves.toBe(1);
      },
      () => page.close(),
    );
  });
});
