/// <reference lib="dom" />
import { INestApplication } from '@nestjs/common';
import { Browser, BrowserContext } from 'playwright-core';
import { SmtpSink } from '@probity/testing';
import { agencyWithStaff, E2eApp, startE2eApp } from '../support/e2e-app';
import { linkIn } from '../support/tender-http';
import { confirmStep, expectAccessible, launchChromium } from '../support/browser';

const PASSWORD = 'browser test passphrase';

/** An officer and a provider in a real browser (Chromium), with the page scripts and CSP in force. */
describe('staff pages and the provider portal in a real browser', () => {
  let started: E2eApp;
  let smtp: SmtpSink;
  let app: INestApplication;
  let browser: Browser;
  let baseUrl: string;
  let officer: BrowserContext;
  let caseUrl: string;
  let portalPath: string;

  beforeAll(async () => {
    started = await startE2eApp({ serve: true });
    ({ app, smtp, baseUrl } = started);
    await agencyWithStaff(
      app,
      'Garda Síochána (test)',
      [
        { email: 'officer@garda.example', name: 'Orla Officer', role: 'procurement_officer' },
        { email: 'eve@garda.example', name: 'Eve Evaluator', role: 'evaluator' },
        { email: 'liam@garda.example', name: 'Liam Legal', role: 'legal_reviewer' },
      ],
      PASSWORD,
    );
    browser = await launchChromium();
    officer = await browser.newContext();
  });

  afterAll(async () => {
    await browser?.close();
    await started?.close();
  });

  it('a signed-out visitor is sent to the sign-in page; wrong passwords are refused with a message', async () => {
    const page = await officer.newPage();
    await page.goto(`${baseUrl}/cases`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectAccessible(page);
    await page.getByLabel('E-mail address').fill('officer@garda.example');
    await page.getByLabel('Password').fill('not the password');
    await page.getByLabel('Password').press('Enter');
    await page.waitForLoadState();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not right');
    await page.close();
  });

  it('the officer signs in with the keyboard, raises a case through the form and publishes it', async () => {
    const page = await officer.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('E-mail address').fill('officer@garda.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(`${baseUrl}/cases`);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Raise a new case' }).click();
    await expectAccessible(page);
    await page.getByLabel('Reference number').fill('GS-2026-7');
    await page.getByLabel('Title').fill('Risk assessment support for domestic abuse cases');
    await page.getByLabel('Description of the need').fill('A tool that helps officers prioritise follow-up visits.');
    await page.getByLabel('Intended use of the AI system').fill('Decision support only; officers decide.');
    // The officer sets the AI Act scope; it decides the questions every provider answers.
    await page.getByLabel('Annex III 6(a): risk of a person becoming a victim of crime').check();
    const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Responses due').fill(due);
    await page.getByLabel('Lawfulness').fill('30');
    await page.getByLabel('Minimization of harm').fill('20');
    await page.getByLabel('Human autonomy').fill('20');
    await page.getByLabel('Fairness').fill('20');
    await page.getByLabel('Good governance').fill('20');
    await page.getByRole('button', { name: 'Create the case as a draft' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/100/);

    await page.getByLabel('Lawfulness').fill('20');
    await page.getByRole('button', { name: 'Create the case as a draft' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}\?notice=created/);
    caseUrl = page.url().split('?')[0];
    await expect(page.getByRole('status').textContent()).resolves.toContain('created as a draft');
    await expectAccessible(page);
    await confirmStep(page, 'Publish and open for responses', 'Yes, publish the case');
    await page.waitForURL(/notice=open/);
    await expect(page.getByText('Open for responses').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('the officer chooses the evaluation panel from the agency staff by role', async () => {
    const page = await officer.newPage();
    await page.goto(caseUrl);
    const panel = page.getByRole('region', { name: 'Evaluation panel' });
    await expect(panel.textContent()).resolves.toContain('No evaluators or legal reviewers assigned yet');
    // Each role lists only the staff who hold it: the legal reviewer is no evaluator choice.
    const evaluators = page.getByRole('group', { name: 'Evaluators' });
    await expect(evaluators.getByRole('checkbox').count()).resolves.toBe(1);
    await evaluators.getByLabel(/Eve Evaluator/).check();
    await page
      .getByRole('group', { name: 'Legal reviewers' })
      .getByLabel(/Liam Legal/)
      .press('Space');
    await page.getByRole('button', { name: 'Save the panel' }).click();
    await page.waitForURL(/notice=panel/);
    await expect(panel.getByRole('listitem').allTextContents()).resolves.toEqual([
      'Eve Evaluator — evaluator',
      'Liam Legal — legal reviewer',
    ]);
    await expect(page.getByLabel(/Liam Legal/).isChecked()).resolves.toBe(true);
    await expectAccessible(page);
    await page.close();
  });

  it('the officer invites a provider from the case page; the e-mail carries the link', async () => {
    const page = await officer.newPage();
    await page.goto(caseUrl);
    await page.getByLabel('Organisation name').fill('Ériu Analytics Teoranta');
    await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Ireland' });
    await page.getByLabel('Contact e-mail addresses').fill('bids@eriu.example, cto@eriu.example');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.waitForURL(/notice=invited/);
    await expect(page.getByRole('table', { name: 'Progress per provider' }).textContent()).resolves.toContain(
      'Ériu Analytics Teoranta',
    );
    await expectAccessible(page);
    const mail = smtp.messages.at(-1);
    expect(mail?.recipients).toEqual(['bids@eriu.example', 'cto@eriu.example']);
    portalPath = `/portal/${linkIn(mail?.parsed.text)}`;
    await page.close();
  });

  it('the provider answers; autosave keeps the answer across a reload; submit lists what is missing', async () => {
    const provider = await browser.newContext();
    const page = await provider.newPage();
    await page.goto(baseUrl + portalPath);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Risk assessment support');
    await expectAccessible(page);
    await page.locator('ol.progress-list a').first().click();
    await page.waitForLoadState();
    await expectAccessible(page);
    const firstText = page.locator('textarea').first();
    await firstText.fill('Prioritising follow-up visits to reported victims; never used to decide on arrest.');
    await page.waitForFunction(
      () => document.getElementById('autosave-status')?.textContent?.includes('All changes saved'),
      undefined,
      { timeout: 15_000 },
    );
    // Beside the announced save time, a quieter line says how long ago that was (hidden from screen readers).
    const age = page.locator('.autosave-age');
    await expect(age.getAttribute('aria-hidden')).resolves.toBe('true');
    await expect(age.textContent()).resolves.toMatch(/^Saved \d+ s ago$/);
    await page.reload();
    await expect(page.locator('textarea').first().inputValue()).resolves.toContain('never used to decide on arrest');

    await page.goto(baseUrl + portalPath);
    await page.getByRole('button', { name: 'Submit the response' }).click();
    await page.waitForLoadState();
    const summary = page.getByRole('alert');
    await expect(summary.textContent()).resolves.toContain('cannot be submitted yet');
    expect(await summary.getByRole('link').count()).toBeGreaterThan(3);
    await expectAccessible(page);
    await provider.close();
  });

  it('the officer sees the provider as in progress', async () => {
    const page = await officer.newPage();
    await page.goto(caseUrl);
    await expect(page.getByText('in progress 1').count()).resolves.toBe(1);
    await page.close();
  });
});
