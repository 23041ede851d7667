/// <reference lib="dom" />
import { INestApplication } from '@nestjs/common';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { E2eApp, startE2eApp } from '../support/e2e-app';
import { localised, questionsOf } from '@probity/questionnaires';
import { builtInDefinition, openDemoCaseWithInvite } from '../support/tender-http';
import { expectAccessible, launchChromium, withBrowserPage } from '../support/browser';

const PASSWORD = 'languages test passphrase';

/** A provider reads the portal in French, Spanish and Arabic in a real browser (Chromium). */
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

  /** The text of the overview and of every section page, as a provider in this language reads them. */
  async function portalText(page: Page, language: string): Promise<string> {
    await page.goto(`${baseUrl}${portalPath}?lang=${language}`);
    const sectionLinks = await page
      .locator(`a[href*="${portalPath}/sections/"]`)
      .evaluateAll((links) => [...new Set(links.map((link) => (link as HTMLAnchorElement).pathname))]);
    expect(sectionLinks.length).toBeGreaterThan(4);
    const texts = [(await page.locator('main').textContent()) ?? ''];
    for (const path of sectionLinks) {
      await page.goto(baseUrl + path);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(language);
      texts.push((await page.locator('main').textContent()) ?? '');
    }
    return texts.join(' ').replace(/\s+/g, ' ');
  }

  const bank = builtInDefinition('responsible-ai-high-risk');
  const bankQuestions = questionsOf(bank).map(({ question }) => question);
  const bankRules = [...(bank.knockouts ?? []), ...(bank.redFlags ?? [])];
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  /** The questions whose title in this locale the text shows. */
  const questionsShown = (text: string, locale: string) =>
    bankQuestions.filter((question) => text.includes(oneLine(localised(question.title, locale)))).map((q) => q.name);

  let englishBaseline: string[] | undefined;
  /** What the English portal shows of the bank: the same questions must appear in every language. */
  async function questionsShownInEnglish(): Promise<string[]> {
    if (!englishBaseline)
      await withPage('portal-english-baseline', {}, async (page) => {
        englishBaseline = questionsShown(await portalText(page, 'en'), 'default');
      });
    expect(englishBaseline?.length).toBeGreaterThan(30);
    return englishBaseline ?? [];
  }

  it.each(['fr', 'es', 'ar'])(
    'the %s portal shows every question in that language and no English question text',
    async (language) => {
      const shownInEnglish = await questionsShownInEnglish();

      await withPage(`portal-no-english-${language}`, { width: 390 }, async (page) => {
        const text = await portalText(page, language);
        const englishTexts = [
          ...bankQuestions.flatMap((question) => [question.title, question.description]),
          ...bankQuestions.flatMap((question) =>
            [...(question.choices ?? []), ...(question.rows ?? []), ...(question.columns ?? [])].map((option) =>
              typeof option === 'object' ? option.text : undefined,
            ),
          ),
          ...bankRules.flatMap((rule) => [rule.title, rule.explanation]),
        ]
          .map((value) => oneLine(localised(value)))
          .filter((value) => value.length > 12);
        expect(englishTexts.filter((value) => text.includes(value))).toEqual([]);
        expect(questionsShown(text, language)).toEqual(shownInEnglish);
      });
    },
  );

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
