/// <reference lib="dom" />
import { INestApplication } from '@nestjs/common';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchChromium, screenshotOnFailure } from '../support/browser';
import { agencyWithStaff, E2eApp, signInWithBrowser, startE2eApp } from '../support/e2e-app';

const PASSWORD = 'admin pages passphrase';

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

const QUESTIONNAIRE = {
  title: 'Drone imagery analytics',
  pages: [
    {
      name: 'oversight',
      title: 'Oversight',
      elements: [
        {
          type: 'radiogroup',
          name: 'drone_review',
          title: 'Who reviews each detection before action?',
          principle: 'human-oversight',
          isRequired: true,
          choices: [
            { value: 'officer', text: 'A trained officer', score: 100 },
            { value: 'nobody', text: 'Nobody', score: 0 },
          ],
        },
        { type: 'comment', name: 'drone_limits', title: 'Which uses are excluded?', principle: 'legitimacy' },
      ],
    },
  ],
};

/** An agency administrator's pages in a real browser (Chromium): keyboard use and axe-core checks. */
describe('administration pages in a real browser', () => {
  let started: E2eApp;
  let app: INestApplication;
  let browser: Browser;
  let context: BrowserContext;
  let baseUrl: string;

  beforeAll(async () => {
    started = await startE2eApp({ serve: true });
    ({ app, baseUrl } = started);
    const admin = { email: 'admin@policia.example', name: 'Alba Admin', role: 'admin' } as const;
    await agencyWithStaff(app, 'Policía Nacional (test)', [admin], PASSWORD);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await signInWithBrowser(context, baseUrl, admin.email, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await started?.close();
  });

  async function onPage(name: string, check: (page: Page) => Promise<void>): Promise<void> {
    const page = await context.newPage();
    await screenshotOnFailure(
      page,
      name,
      () => check(page),
      () => page.close(),
    );
  }

  /** Opens an administration page the way a person does: from the main navigation. */
  async function openFromNavigation(page: Page, link: string, path: string): Promise<void> {
    await page.goto(`${baseUrl}/cases`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await page.waitForURL(`${baseUrl}${path}`);
  }

  it('staff accounts: reached from the navigation; a refused and an accepted account, all accessible', async () => {
    await onPage('admin-users', async (page) => {
      await openFromNavigation(page, 'Staff accounts', '/admin/users');
      await expectAccessible(page);

      await page.getByLabel('Full name').fill('Marta Evaluadora');
      await page.getByLabel('E-mail address').fill('marta');
      await page.getByRole('button', { name: 'Create the account' }).click();
      await page.waitForLoadState();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter a valid e-mail address.');
      await expectAccessible(page);

      await page.getByLabel('E-mail address').fill('marta@policia.example');
      await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Evaluator' });
      await page.getByLabel('E-mail address').press('Enter');
      await page.waitForURL(/notice=created/);
      await expect(page.getByRole('status').textContent()).resolves.toContain('The account was created');
      await expect(page.getByRole('rowheader', { name: 'Marta Evaluadora' }).count()).resolves.toBe(1);
      await expectAccessible(page);

      await page.getByLabel('Role of Marta Evaluadora').selectOption({ label: 'Legal reviewer' });
      await page.getByRole('button', { name: 'Change the role of Marta Evaluadora' }).click();
      await page.waitForURL(/notice=role/);
      await page.getByRole('button', { name: 'Deactivate Marta Evaluadora' }).click();
      await page.waitForURL(/notice=deactivated/);
      await expect(page.getByRole('button', { name: 'Reactivate Marta Evaluadora' }).count()).resolves.toBe(1);
      await expectAccessible(page);
    });
  });

  it('agency settings: the dossier language chosen from the keyboard, accessible and usable on a phone', async () => {
    await onPage('admin-agency', async (page) => {
      await openFromNavigation(page, 'Agency settings', '/admin/agency');
      await expectAccessible(page);
      await page.getByLabel('Dossier language').focus();
      await page.getByLabel('Dossier language').selectOption({ label: 'Español' });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/notice=saved/);
      await expect(page.getByRole('status').textContent()).resolves.toContain('Dossiers are now written in Español');
      await expect(page.getByLabel('Dossier language').inputValue()).resolves.toBe('es');
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
    });
  });

  it('questionnaire templates: import errors, preview and publish, all accessible and usable at 360 px', async () => {
    await onPage('admin-questionnaires', async (page) => {
      await page.goto(`${baseUrl}/admin/questionnaires`);
      await expectAccessible(page);
      await page.getByLabel('Key').fill('drone-imagery');
      await page.getByLabel('SurveyJS JSON').fill('{"pages": [{"name": "p", "elements": [{"type": "nonsense"}]}]}');
      await page.getByRole('button', { name: 'Import as a draft' }).click();
      await page.waitForLoadState();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('$.pages[0].elements[0].type');
      await expectAccessible(page);

      await page.getByLabel('SurveyJS JSON').fill(JSON.stringify(QUESTIONNAIRE, null, 2));
      await page.getByRole('button', { name: 'Import as a draft' }).click();
      await page.waitForURL(/notice=imported/);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Drone imagery analytics');
      await expect(page.getByText('Who reviews each detection before action?').count()).resolves.toBeGreaterThan(0);
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Publish version 1' }).click();
      await page.waitForURL(/notice=published/);
      await expect(page.getByRole('button', { name: 'Publish version 1' }).count()).resolves.toBe(0);
      await expectAccessible(page);

      await page.setViewportSize({ width: 360, height: 800 });
      await expectNoSidewaysScroll(page);
      await page.goto(`${baseUrl}/admin/questionnaires`);
      await expectNoSidewaysScroll(page);
      await page.goto(`${baseUrl}/admin/users`);
      await expectNoSidewaysScroll(page);
      await page.goto(`${baseUrl}/cases/new`);
      await expect(
        page.getByLabel('Questionnaire').locator('option', { hasText: 'Drone imagery analytics (version 1)' }).count(),
      ).resolves.toBe(1);
    });
  });
});
