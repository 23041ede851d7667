/// <reference lib="dom" />
import { INestApplication } from '@nestjs/common';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { E2eApp, startE2eApp } from '../support/e2e-app';
import { openDemoCaseWithInvite } from '../support/tender-http';
import { expectAccessible, launchChromium, withBrowserPage } from '../support/browser';

const PASSWORD = 'languages test passphrase';

/** A provider reads the portal in French and Arabic in a real browser (Chromium). */
describe('provider portal languages in a real browser', () => {
  let started: E2eApp;
  let app: INestApplication;
  let browser: Browser;
  let baseUrl: string;
  let portalPath: string;

  beforeAll(async () => {
    started = await startE2eApp({ serve: true });
    ({ app, baseUrl } = started);
    ({ portalPath } = await openDemoCaseWithInvite(app, started.smtp, {
      agencyName: 'Police nationale (test)',
      email: 'officier@police.example',
      password: PASSWORD,
    }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await started?.close();
  });

  const withPage = (
    name: string,
    options: { width?: number; locale?: string },
    check: (page: Page, context: BrowserContext) => Promise<void>,
  ) => withBrowserPage(browser, name, options, check);

  it('switches to French with the keyboard; the choice survives a reload and other portal pages', async () => {
    await withPage('portal-french', {}, async (page, context) => {
      await page.goto(baseUrl + portalPath);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await expect(page.getByRole('heading', { name: 'Submit your response' }).count()).resolves.toBe(1);
      const switcher = page.getByRole('navigation', { name: 'Language' });
      await expect(switcher.getByRole('link', { name: 'Français' }).getAttribute('hreflang')).resolves.toBe('fr');

      await switcher.getByRole('link', { name: 'Français' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/lang=fr/);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await expect(page.getByRole('heading', { name: 'Soumettre votre réponse' }).count()).resolves.toBe(1);
      await expect(page.getByRole('heading', { name: 'Submit your response' }).count()).resolves.toBe(0);
      await expectAccessible(page);

      const cookie = (await context.cookies()).find((candidate) => candidate.name === 'probity_lang');
      expect(cookie).toMatchObject({ value: 'fr', sameSite: 'Lax', httpOnly: false });

      // Without ?lang= the cookie carries the choice: a reload of the bare link and a section page.
      await page.goto(baseUrl + portalPath);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await page.reload();
      await expect(page.getByRole('button', { name: 'Soumettre la réponse' }).count()).resolves.toBe(1);

      // Submitting too early lists the missing answers in French, with the questions' French titles.
      await page.getByRole('button', { name: 'Soumettre la réponse' }).click();
      await page.waitForLoadState();
      const summary = page.getByRole('alert');
      await expect(summary.getByRole('heading').textContent()).resolves.toBe(
        'Votre réponse ne peut pas encore être soumise',
      );
      // (The bank's question texts are English only for now; the message around them is French.)
      await expect(summary.textContent()).resolves.toMatch(/« [^»]+ » : une réponse est obligatoire\./);
      await expectAccessible(page);
      await page.goto(`${baseUrl}${portalPath}/sections/0`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Licéité : légitimité, nécessité et proportionnalité',
      );
      await expect(page.getByRole('button', { name: 'Enregistrer et continuer' }).count()).resolves.toBe(1);
      await expect(page.locator('#section-form').getAttribute('data-msg-saving')).resolves.toBe('Enregistrement…');
      await expectAccessible(page);

      // Autosave speaks French too.
      await page.getByRole('textbox').first().fill('Aide à la priorisation des visites de suivi.');
      await page.waitForFunction(() =>
        (document.getElementById('autosave-status')?.textContent ?? '').startsWith('Toutes les modifications'),
      );
    });
  });

  it('Arabic pages are right to left and fit a 360 px screen without sideways scrolling', async () => {
    await withPage('portal-arabic', { width: 360 }, async (page) => {
      await page.goto(`${baseUrl}${portalPath}?lang=ar`);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
      await expect(page.getByRole('heading', { name: 'قدّموا ردّكم' }).count()).resolves.toBe(1);
      const overflow = () =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await expect(overflow()).resolves.toBeLessThanOrEqual(0);
      await expectAccessible(page);

      await page.goto(`${baseUrl}${portalPath}/sections/1`);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await expect(page.getByRole('button', { name: 'حفظ ومتابعة' }).count()).resolves.toBe(1);
      await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    });
  });

  it('a browser that prefers Spanish gets Spanish until the provider picks another language', async () => {
    await withPage('portal-spanish', { locale: 'es-ES' }, async (page) => {
      await page.goto(baseUrl + portalPath);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
      await expect(page.getByRole('heading', { name: 'Enviar su respuesta' }).count()).resolves.toBe(1);
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(/lang=en/);
      await page.goto(baseUrl + portalPath);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    });
  });
});
