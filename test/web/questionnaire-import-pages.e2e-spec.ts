/// <reference lib="dom" />
import { Browser, BrowserContext, Page } from 'playwright-core';
import { THIRD_PARTY_ASSESSMENT_JSON } from '@probity/questionnaires';
import { expectAccessible, launchChromium, PHONE, screenshotOnFailure } from '../support/browser';
import { agencyWithStaff, E2eApp, signInWithBrowser, startE2eApp } from '../support/e2e-app';

const PASSWORD = 'import pages passphrase';

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A third-party SurveyJS instrument imported on a 390 px phone: warnings, html blocks, French preview. */
describe('questionnaire import pages in a real browser', () => {
  let started: E2eApp;
  let browser: Browser;
  let context: BrowserContext;
  let baseUrl: string;

  beforeAll(async () => {
    started = await startE2eApp({ serve: true });
    baseUrl = started.baseUrl;
    const admin = { email: 'admin@gendarmerie.example', name: 'Anne Admin', role: 'admin' } as const;
    await agencyWithStaff(started.app, 'Gendarmerie (import test)', [admin], PASSWORD);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE });
    await signInWithBrowser(context, baseUrl, admin.email, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await started?.close();
  });

  it('imports with warnings shown, previews the html blocks, and switches the preview to French', async () => {
    const page = await context.newPage();
    await screenshotOnFailure(
      page,
      'questionnaire-import-390',
      async () => {
        await page.goto(`${baseUrl}/admin/questionnaires`);
        await page.getByLabel('Key').fill('impact-assessment');
        await page.getByLabel('SurveyJS JSON').fill(THIRD_PARTY_ASSESSMENT_JSON);
        await page.getByRole('button', { name: 'Import as a draft' }).click();
        await page.waitForURL(/notice=imported/);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          'Algorithmic impact assessment',
        );
        // The warnings, each with its JSON path.
        const warnings = page.locator('.import-warnings');
        await expect(warnings.getByRole('heading').textContent()).resolves.toBe('7 warnings');
        await expect(warnings.textContent()).resolves.toContain('$.pages[1].elements[0].name: duplicate name');
        // The instructions, sanitised, in place; a hidden title is still the radio group's name.
        await expect(page.getByRole('heading', { name: 'Before you start' }).isVisible()).resolves.toBe(true);
        await expect(page.getByRole('link', { name: 'in the guide' }).getAttribute('href')).resolves.toBe(
          'https://example.org/guide',
        );
        await expect(
          page.getByRole('group', { name: 'Does a person review every decision? (required)' }).count(),
        ).resolves.toBe(1);
        await expectNoSidewaysScroll(page);
        await expectAccessible(page);

        await page
          .getByRole('navigation', { name: 'Preview language' })
          .getByRole('link', { name: 'Français' })
          .click();
        await page.waitForURL(/lang=fr/);
        await expect(page.getByRole('heading', { name: 'Avant de commencer' }).isVisible()).resolves.toBe(true);
        await expect(page.getByText('Que décide ou recommande le système ?').count()).resolves.toBe(1);
        await expect(page.getByText('Tri des dossiers').count()).resolves.toBe(1);
        await expect(page.getByText('Before you start').count()).resolves.toBe(0);
        await expectNoSidewaysScroll(page);
        await expectAccessible(page);
      },
      () => page.close(),
    );
  });
});
