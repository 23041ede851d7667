/// <reference lib="dom" />
import { BrowserContext, Page } from 'playwright-core';
import { expectAccessible, expectNoHorizontalScroll, screenshotOnFailure } from '../support/browser';
import { E2eApp } from '../support/e2e-app';
import { phonePagesWorld, PhonePagesWorld } from '../support/phone-pages';
import { failedEvaluationStart } from '../support/failed-job';

const PASSWORD = 'background jobs page passphrase';

/** The Background jobs page in Chromium on a phone: a failed job of the agency, retried from the keyboard. */
describe('background jobs page in a real browser', () => {
  let world: PhonePagesWorld;
  let started: E2eApp;
  let context: BrowserContext;

  beforeAll(async () => {
    world = await phonePagesWorld(
      'An Garda Síochána (test)',
      [{ email: 'admin@garda.example', name: 'Aoife Admin', role: 'admin' }],
      PASSWORD,
      'GARDA-JOBS-7',
    );
    ({ started, phone: context } = world);
    await failedEvaluationStart(world.app, started.config, world.caseId, 'the comparison store refused the write');
  });

  afterAll(() => world?.close());

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
