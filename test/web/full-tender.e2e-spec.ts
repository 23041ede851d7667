/// <reference lib="dom" />
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppConfig } from '@probity/config';
import { demoEvidencePdf } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { createTestDatabase, servicesTestConfig, SmtpSink, startSmtpSink, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { WORKSPACE_ROOT } from '../support/processes';
import { linkIn, serveOnLoopback } from '../support/tender-http';
import { confirmStep, expectAccessible, launchChromium } from '../support/browser';

const PASSWORD = 'full tender passphrase';
const SCREENSHOTS = join(WORKSPACE_ROOT, 'test-output', 'full-tender');

const STAFF = {
  officer: { email: 'officer@politie.example', name: 'Olivia Officer', role: 'procurement_officer' },
  evaluator: { email: 'evi@politie.example', name: 'Evi Evaluator', role: 'evaluator' },
  lawyer: { email: 'lars@politie.example', name: 'Lars Legal', role: 'legal_reviewer' },
} as const;

const PROVIDERS = [
  { name: 'Noordzee Vision BV', country: 'NL', email: 'tender@noordzee.example', choice: 'first' },
  { name: 'Rhein Analytics GmbH', country: 'DE', email: 'bids@rhein.example', choice: 'last' },
] as const;

/** Attaches one PDF to every question of the section that asks for evidence, through its upload form. */
async function uploadRequestedEvidence(page: Page, sectionUrl: string): Promise<void> {
  await page.goto(sectionUrl);
  // Each question asking for evidence has its upload controls beside it.
  const forms = await page.locator('.question .evidence-upload').count();
  for (let index = 0; index < forms; index++) {
    const form = page.locator('.question .evidence-upload').nth(index);
    const question = (await form.getAttribute('data-question')) ?? '';
    // The upload script sends the file with a progress bar and reloads the section once it is stored.
    await expect(form.locator('progress').count()).resolves.toBe(1);
    if (index === 0) {
      // A program disguised as a PDF is refused on its content; the form says so without leaving the page.
      await form.locator('input[type=file]').setInputFiles({
        name: 'tool.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]),
      });
      await form.getByRole('button', { name: 'Upload', exact: true }).click();
      await expect(form.getByRole('alert').textContent()).resolves.toMatch(/^Not uploaded\. .+/);
      await expect(form.locator('progress').isHidden()).resolves.toBe(true);
    }
    await form.locator('input[type=file]').setInputFiles({
      name: `${question}.pdf`,
      mimeType: 'application/pdf',
      buffer: await demoEvidencePdf(question, `Evidence for ${question}.`),
    });
    await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: 'Upload', exact: true }).click()]);
    await expect(page.locator('.evidence-list').getByText(`${question}.pdf`).count()).resolves.toBe(1);
  }
}

async function waitForMail<T>(find: () => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the expected e-mail did not arrive within 20 s');
}

/**
 * Answers every question shown on the current portal section the way a provider would: one choice per
 * group (the first or the last offered), a sentence in each text field, a number within its range, a date.
 */
async function answerShownQuestions(page: Page, choice: 'first' | 'last'): Promise<void> {
  await page.evaluate((pick) => {
    const form = document.getElementById('section-form') as HTMLFormElement;
    const groups = new Map<string, HTMLInputElement[]>();
    for (const input of Array.from(form.querySelectorAll<HTMLInputElement>('input[type=radio]'))) {
      groups.set(input.name, [...(groups.get(input.name) ?? []), input]);
    }
    for (const options of groups.values()) {
      if (options.some((option) => option.checked)) continue;
      (pick === 'first' ? options[0] : options[options.length - 1]).checked = true;
    }
    const checkboxGroups = new Map<string, HTMLInputElement[]>();
    for (const input of Array.from(form.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))) {
      if (input.name.endsWith('__na')) continue;
      checkboxGroups.set(input.name, [...(checkboxGroups.get(input.name) ?? []), input]);
    }
    for (const options of checkboxGroups.values())
      if (!options.some((option) => option.checked)) options[pick === 'first' ? 0 : options.length - 1].checked = true;
    for (const field of Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input'))) {
      if (field.value || field.type === 'hidden' || field.type === 'radio' || field.type === 'checkbox') continue;
      if (field.type === 'number') field.value = (field as HTMLInputElement).min || '1';
      else if (field.type === 'date') field.value = new Date().toISOString().slice(0, 10);
      else if (field.type === 'text' || field.tagName === 'TEXTAREA')
        field.value = 'We describe this in section 4 of our technical documentation.';
    }
    for (const select of Array.from(form.querySelectorAll<HTMLSelectElement>('select')))
      if (!select.value && select.options.length > 1) select.selectedIndex = 1;
  }, choice);
}

/**
 * One tender in a real browser, each role clicking through its own pages: the officer raises and
 * publishes the case, chooses the panel and invites two providers; both providers answer in the portal
 * and submit; the worker scores them; the officer follows the scoring live and sees the comparison; the
 * evaluator declares and scores; the officer renders the dossier; the legal reviewer approves it, and
 * the signed PDF verifies with the reviewer's name.
 */
describe('a whole tender in a real browser, role by role', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let config: AppConfig;
  let app: INestApplication;
  let worker: INestApplicationContext;
  let browser: Browser;
  let baseUrl: string;
  const contexts: Record<string, BrowserContext> = {};
  let caseUrl: string;
  const portalLinks: Record<string, string> = {};

  /** Runs one step; when it fails, every open page is saved as a screenshot before the failure is reported. */
  async function withScreenshots(step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      for (const [role, context] of Object.entries(contexts))
        for (const [index, page] of context.pages().entries())
          await page
            .screenshot({ path: join(SCREENSHOTS, `${role}-${index}.png`), fullPage: true })
            .catch(() => undefined);
      throw error;
    }
  }

  async function pageAs(role: string): Promise<Page> {
    contexts[role] ??= await browser.newContext();
    return contexts[role].newPage();
  }

  async function signIn(role: keyof typeof STAFF): Promise<Page> {
    const page = await pageAs(role);
    await page.goto(`${baseUrl}/cases`);
    if (new URL(page.url()).pathname !== '/login') return page;
    await page.getByLabel('E-mail address').fill(STAFF[role].email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL((url) => url.pathname !== '/login');
    return page;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpSink();
    // Both providers and their uploads come from 127.0.0.1: one address, more requests than one provider makes.
    config = servicesTestConfig(database.url, { SMTP_URL: smtp.url, PORTAL_RATE_LIMIT_PER_MINUTE: '1000' });
    app = await createApp(config);
    baseUrl = await serveOnLoopback(app);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
    const identity = app.get(IdentityService);
    const agency = await identity.createAgency('Politie Nederland (test)');
    for (const member of Object.values(STAFF))
      await identity.createStaffUser({ agencyId: agency.id, ...member, password: PASSWORD });
    browser = await launchChromium();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await app?.close();
    await smtp?.close();
    await database?.drop();
  });

  it('the officer raises a high-risk case, chooses the panel and publishes it', () =>
    withScreenshots(async () => {
      const page = await signIn('officer');
      await page.getByRole('link', { name: 'Raise a new case' }).click();
      await page.getByLabel('Reference number').fill('PNL-2026-31');
      await page.getByLabel('Title').fill('Licence-plate recognition for stolen-vehicle alerts');
      await page.getByLabel('Description of the need').fill('Alerts on stolen vehicles passing fixed cameras.');
      await page.getByLabel('Intended use of the AI system').fill('Alerts reviewed by an operator before any stop.');
      await page.getByLabel('Annex III area').selectOption({ value: 'none' });
      await page.getByLabel('Responses due').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
      await page.getByLabel('Questionnaire').selectOption({ value: 'responsible-ai-high-risk' });
      for (const [principle, weight] of [
        ['Lawfulness', '20'],
        ['Minimization of harm', '20'],
        ['Human autonomy', '20'],
        ['Fairness', '20'],
        ['Good governance', '20'],
      ])
        await page.getByLabel(principle).fill(weight);
      await page.getByRole('button', { name: 'Create the case as a draft' }).click();
      await page.waitForURL(/notice=created/);
      caseUrl = page.url().split('?')[0];

      await page
        .getByRole('group', { name: 'Evaluators' })
        .getByLabel(/Evi Evaluator/)
        .check();
      await page
        .getByRole('group', { name: 'Legal reviewers' })
        .getByLabel(/Lars Legal/)
        .check();
      await page.getByRole('button', { name: 'Save the panel' }).click();
      await page.waitForURL(/notice=panel/);
      await confirmStep(page, 'Publish and open for responses', 'Yes, publish the case');
      await page.waitForURL(/notice=open/);
      await expect(page.getByText('Open for responses').count()).resolves.toBeGreaterThan(0);
      await expectAccessible(page);
      await page.close();
    }));

  it('the officer invites two providers; each gets its own link by e-mail', () =>
    withScreenshots(async () => {
      const page = await signIn('officer');
      for (const provider of PROVIDERS) {
        await page.goto(caseUrl);
        await page.getByLabel('Organisation name').fill(provider.name);
        await page.getByLabel('Country', { exact: true }).selectOption(provider.country);
        await page.getByLabel('Contact e-mail addresses').fill(provider.email);
        await page.getByRole('button', { name: 'Send the invitation' }).click();
        await page.waitForURL(/notice=invited/);
        const mail = smtp.messages.find((message) => message.recipients.includes(provider.email));
        portalLinks[provider.name] = `${baseUrl}/portal/${linkIn(mail?.parsed.text)}`;
      }
      expect(new Set(Object.values(portalLinks)).size).toBe(2);
      await page.close();
    }));

  it.each(PROVIDERS.map((provider) => [provider.name, provider] as const))(
    '%s answers every section in the portal, reviews and submits',
    (_name, provider) =>
      withScreenshots(async () => {
        const page = await pageAs(provider.name);
        await page.goto(portalLinks[provider.name]);
        await expectAccessible(page);
        // Answers open follow-up questions, so the provider goes round until submission finds nothing missing.
        for (let round = 0; round < 3; round++) {
          await page.goto(portalLinks[provider.name]);
          const sections = await page.locator('ol.progress-list a').count();
          for (let index = 0; index < sections; index++) {
            await page.goto(`${portalLinks[provider.name]}/sections/${index}`);
            await answerShownQuestions(page, provider.choice);
            await page.locator('#section-form').getByRole('button', { name: /^Save/ }).click();
            await page.waitForLoadState();
            if (round === 0) await uploadRequestedEvidence(page, `${portalLinks[provider.name]}/sections/${index}`);
          }
          await page.goto(portalLinks[provider.name]);
          await page.getByRole('button', { name: 'Submit the response' }).click();
          await page.waitForLoadState();
          // Submitting cannot be undone: once nothing is missing, a confirmation step comes first.
          const confirm = page.getByRole('button', { name: 'Yes, submit the response' });
          if (await confirm.count()) {
            await expectAccessible(page);
            await confirm.click();
            await page.waitForLoadState();
          }
          if (/\/receipt(\?|$)/.test(page.url())) break;
        }
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Submission receipt');
        await expect(page.locator('main').textContent()).resolves.toMatch(/[0-9a-f]{64}/);
        await expectAccessible(page);
        const receipt = smtp.messages.filter((message) => message.recipients.includes(provider.email)).at(-1);
        expect(receipt?.parsed.subject).toMatch(/receipt|received/i);
        await page.close();
      }),
  );

  it('the officer follows scoring live, closes the case, starts evaluation and sees the comparison', () =>
    withScreenshots(async () => {
      const page = await signIn('officer');
      await page.goto(`${caseUrl}/comparison`);
      await page.waitForFunction(
        () => /(Two|2) responses scored/i.test(document.getElementById('scoring-progress')?.textContent ?? ''),
        undefined,
        { timeout: 60_000 },
      );
      await page.goto(caseUrl);
      await confirmStep(page, 'Close for responses', 'Yes, close for responses');
      await page.waitForURL(/notice=closed/);
      await expect(page.getByRole('status').first().textContent()).resolves.toBe(
        'Closed for responses: 2 of 2 providers submitted.',
      );
      await confirmStep(page, 'Start evaluation', 'Yes, start evaluation');
      await page.waitForURL(/notice=evaluation/);
      await page.goto(`${caseUrl}/comparison`);
      // The comparison job runs once evaluation starts; the status line follows it live.
      await page.waitForFunction(
        () => /scored and compared/.test(document.getElementById('scoring-progress')?.textContent ?? ''),
        undefined,
        { timeout: 60_000 },
      );
      await page.reload();
      const body = (await page.locator('main').textContent()) ?? '';
      for (const provider of PROVIDERS) expect(body).toContain(provider.name);
      await expectAccessible(page);
      await page.close();
    }));

  it('the evaluator declares no conflict, scores the free-text answers of both providers and submits', () =>
    withScreenshots(async () => {
      const page = await signIn('evaluator');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My evaluations' }).click();
      await page.getByRole('link', { name: /PNL-2026-31/ }).click();
      await page.getByLabel('No, I have no conflict of interest').check();
      await page.getByLabel(/^Declaration/).fill('I have no link with either provider.');
      await page.getByRole('button', { name: 'Record my declaration' }).click();
      await page.waitForURL(/notice=declared/);
      const evaluationUrl = page.url().split('?')[0];
      for (const provider of PROVIDERS) {
        await page.goto(evaluationUrl);
        await page.getByRole('link', { name: provider.name }).click();
        await page.waitForURL(/\/evaluation\/responses\//);
        const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
        const total = Number(/of (\d+)/.exec(heading)?.[1]);
        expect(total).toBeGreaterThan(0);
        for (let number = 1; number <= total; number++) {
          await page.getByRole('radio', { name: provider.choice === 'first' ? /^3 – Good/ : /^2 – / }).check();
          await page.getByLabel(/^Justification/).fill(`Answer ${number} is specific about the safeguards.`);
          await page.getByRole('button', { name: 'Save score and continue' }).click();
          await page.waitForURL(new RegExp(`question=${number < total ? number + 1 : 'review'}$`));
        }
        await confirmStep(page, /Submit my scores/, 'Yes, submit my scores');
        await page.waitForURL(/notice=submitted/);
      }
      await expectAccessible(page);
      await page.close();
    }));

  it('the officer sends the case to legal review and renders the dossier; the legal reviewer is asked by e-mail', () =>
    withScreenshots(async () => {
      const page = await signIn('officer');
      await page.goto(`${caseUrl}/moderation`);
      await expectAccessible(page);
      await page.goto(caseUrl);
      await confirmStep(page, 'Send the dossier to legal review', 'Yes, send to legal review');
      await page.waitForURL(/notice=dossier_review/);
      await page.getByRole('button', { name: 'Render the dossier for the current data' }).click();
      await page.waitForURL(/notice=dossier/);
      if (await page.locator('[data-dossier-progress]').count())
        await page.getByText('Rendering finished.').waitFor({ timeout: 120_000 });
      await page.reload();
      await expect(page.getByRole('link', { name: 'Review copy (PDF) of version 1' }).count()).resolves.toBe(1);
      await expectAccessible(page);
      await waitForMail(() => smtp.messages.find((message) => message.recipients.includes(STAFF.lawyer.email)));
      await page.close();
    }));

  it('the legal reviewer approves from the review queue; the case is signed off and the signed PDF verifies', () =>
    withScreenshots(async () => {
      const page = await signIn('lawyer');
      await page.getByRole('link', { name: 'Dossiers to review' }).click();
      await page.getByRole('link', { name: /PNL-2026-31/ }).click();
      await expectAccessible(page);
      await page.getByLabel('Approve', { exact: true }).check();
      await page.getByRole('button', { name: 'Record my decision' }).click();
      await page.waitForURL(/notice=decided/);
      // Signing runs in the worker once the last required reviewer approved.
      for (let attempt = 0; attempt < 120; attempt++) {
        await page.reload();
        if (await page.getByRole('link', { name: 'Download the signed dossier (PDF)' }).count()) break;
        await page.waitForTimeout(1000);
      }
      const signedUrl = await page
        .getByRole('link', { name: 'Download the signed dossier (PDF)' })
        .getAttribute('href');
      const signed = await page.request.get(new URL(signedUrl ?? '', baseUrl).toString());
      expect(signed.headers()['content-type']).toContain('application/pdf');
      const verification = await page.request.post(`${baseUrl}/api/v1/dossiers/verify`, {
        multipart: { file: { name: 'dossier.pdf', mimeType: 'application/pdf', buffer: await signed.body() } },
      });
      const verdict = await verification.json();
      expect(verdict).toMatchObject({ signed: true });
      expect(JSON.stringify(verdict.signers)).toContain(STAFF.lawyer.name);

      const officer = await signIn('officer');
      await officer.goto(caseUrl);
      await expect(officer.getByText('Signed off').count()).resolves.toBeGreaterThan(0);
      await officer.close();
      await page.close();
    }));
});
