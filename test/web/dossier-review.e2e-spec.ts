/// <reference lib="dom" />
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { CasesService } from '@probity/cases';
import { DossierService } from '@probity/dossier';
import {
  createTestDatabase,
  servicesTestConfig,
  SmtpSink,
  startSmtpSink,
  TestDatabase,
  waitFor,
} from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { caseInLegalReview } from '../support/dossier-case';
import { expectAccessible, expectNoHorizontalScroll, launchChromium } from '../support/browser';
import { serveOnLoopback } from '../support/tender-http';
import { agencyWithStaff, startTestWorker } from '../support/e2e-app';

const PASSWORD = 'dossier browser passphrase';

/** Nothing wider than a 360 px phone screen: no sideways scrolling of the whole page. */
async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.waitForURL(`${baseUrl}/cases`);
}

/** The officer renders the dossier, a legal reviewer reviews it in a real browser (CSP and scripts in force). */
describe('dossier review pages in a real browser', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let keyDir: string;
  let app: INestApplication;
  let worker: INestApplicationContext;
  let browser: Browser;
  let baseUrl: string;
  let caseId: string;
  let dossierId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpSink();
    keyDir = await mkdtemp(join(tmpdir(), 'probity-review-web-'));
    const config = servicesTestConfig(database.url, {
      SMTP_URL: smtp.url,
      DATA_DIR: keyDir,
    });
    worker = await startTestWorker(config);
    app = await createApp(config);
    baseUrl = await serveOnLoopback(app);
    const { agencyId, idByEmail } = await agencyWithStaff(
      app,
      'Politie Nederland (review test)',
      [
        { email: 'officer@review.example', name: 'Olaf Officer', role: 'procurement_officer' },
        { email: 'legal@review.example', name: 'Liv Legal', role: 'legal_reviewer' },
      ],
      PASSWORD,
    );
    ({ caseId } = await caseInLegalReview(
      app,
      agencyId,
      [{ userId: idByEmail['legal@review.example'], role: 'legal_reviewer' }],
      'NL-REVIEW-1',
    ));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await worker?.close();
    await smtp?.close();
    await database?.drop();
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
  });

  it('the officer requests the dossier from the case page and watches it render', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'officer@review.example');
    await page.goto(`${baseUrl}/cases/${caseId}`);
    await expect(page.getByRole('heading', { name: 'Dossier' }).count()).resolves.toBe(1);
    await expect(
      page.getByText('Required legal reviewers (from the evaluation panel): Liv Legal.').count(),
    ).resolves.toBe(1);
    await page.getByRole('button', { name: 'Render the dossier for the current data' }).click();
    await page.waitForURL(/notice=dossier/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('The dossier was requested');
    await expectAccessible(page);
    // The progress script follows the render until the version is stored, then offers the downloads
    // (unless the worker was quicker than the page: then it was rendered already and no script runs).
    if (await page.locator('[data-dossier-progress]').count()) {
      await expect(page.locator('script[src="/assets/dossier-progress.js"]').count()).resolves.toBe(1);
      await page.getByText('Rendering finished.').waitFor({ timeout: 120_000 });
    }
    await page.reload();
    await expect(page.getByRole('link', { name: 'Review copy (PDF) of version 1' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Download the OCDS release package (JSON)' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    const [version] = await app.get(DossierService).versionsOf(caseId);
    dossierId = version.id;
    await context.close();
  });

  it('the legal reviewer finds it in the queue, comments on a section and approves with conditions by keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'legal@review.example');
    await page.getByRole('link', { name: 'Dossiers to review' }).click();
    await page.waitForURL(`${baseUrl}/reviews`);
    await expect(page.getByRole('link', { name: 'Dossiers to review' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: /NL-REVIEW-1/ }).click();
    await page.waitForURL(`${baseUrl}/reviews/dossiers/${dossierId}`);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await expect(page.getByRole('link', { name: 'Open the review copy (PDF)' }).getAttribute('href')).resolves.toBe(
      `/api/v1/dossiers/${dossierId}/pdf`,
    );

    await expect(page.locator('#section-summary').textContent()).resolves.toMatch(/is recommended\./);
    await expect(page.locator('#section-comparison').textContent()).resolves.toContain('Ranked: ');

    // An empty comment is refused with an announced error on the field.
    await page.getByRole('button', { name: 'Add the comment on 1. Executive summary' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Write the comment');
    await expect(page.getByLabel('Your comment on “1. Executive summary”').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expectAccessible(page);
    await page.getByLabel('Your comment on “1. Executive summary”').fill('Name the intended use in the first line.');
    await page.getByRole('button', { name: 'Add the comment on 1. Executive summary' }).click();
    await page.waitForURL(/notice=commented#section-summary/);
    await expect(page.getByRole('list', { name: 'Comments on 1. Executive summary' }).textContent()).resolves.toContain(
      'Name the intended use in the first line.',
    );

    // Approve with conditions but without the conditions: refused, and the reason is announced.
    await page.getByLabel('Approve with conditions').check();
    await page.getByRole('button', { name: 'Record my decision' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Write the conditions');
    await expect(page.getByLabel('Conditions', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page);

    // Keyboard only: arrows move within the decision options, Tab reaches the conditions, Enter submits.
    await page.getByLabel('Approve', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Approve with conditions').isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('conditions');
    await page.keyboard.type('The contract includes the audit-access clause.');
    await page.getByRole('button', { name: 'Record my decision' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/notice=decided/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Your decision was recorded');
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);

    // The only required reviewer approved: the case is signed off once the signing job ran.
    await waitFor(async () => (await app.get(CasesService).getCase(caseId)).status === 'signed_off', 120_000, 250);
    await page.reload();
    await expect(page.getByText('This dossier is signed: the review is closed.').count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Download the signed dossier (PDF)' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await context.close();
  });
});
