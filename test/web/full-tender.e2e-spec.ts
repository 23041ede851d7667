import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { messagesFor } from '@probity/portal';
import { WORKSPACE_ROOT } from '../support/processes';
import { linkIn } from '../support/tender-http';
import { confirmStep, expectAccessible, launchChromium } from '../support/browser';
import {
  ADMIN,
  answerEverySectionAndSubmit,
  createStaffAccount,
  CLARIFICATION_ANSWER,
  CLARIFICATION_QUESTION,
  LATE_PROVIDER,
  mailTo,
  PASSWORD,
  PROVIDERS,
  raiseHighRiskCase,
  scoreEveryQuestion,
  STAFF,
  StaffKey,
} from '../support/full-tender';
import { pdfText } from '../support/pdf';
import { RoleBrowser } from '../support/role-browser';
import { StackMode, startStack, TenderStack, waitForMail } from '../support/tender-stack';

/**
 * One tender in a real browser, each role clicking through its own pages, once on PostgreSQL, Redis and a
 * separate worker and once in zero-setup mode (embedded PostgreSQL, in-process jobs, `.eml` outbox). The
 * administrator creates the staff, who choose their passwords from e-mailed links; the officer raises,
 * publishes and invites three providers, withdraws and re-issues one link and publishes a clarification;
 * providers answer while another tab loads other pages, one switching language midway, and two submit; the
 * officer closes early; the evaluator is e-mailed, declares and scores; both legal reviewers are e-mailed
 * and approve; the signed PDF names the clarification and verifies with both reviewers' names.
 */
describe.each<StackMode>(['services', 'zero-setup'])('a whole tender in a real browser, role by role (%s)', (mode) => {
  let stack: TenderStack;
  let browser: Browser;
  let baseUrl: string;
  let caseUrl: string;
  const portalLinks: Record<string, string> = {};
  const people = new RoleBrowser(() => browser, join(WORKSPACE_ROOT, 'test-output', `full-tender-${mode}`));
  const withScreenshots = (step: () => Promise<void>) => people.step(step);
  const pageAs = (who: string) => people.pageAs(who);
  const signIn = (role: StaffKey | 'admin'): Promise<Page> =>
    people.signIn(role, baseUrl, role === 'admin' ? ADMIN.email : STAFF[role].email, PASSWORD);

  beforeAll(async () => {
    stack = await startStack(mode, ADMIN);
    baseUrl = stack.baseUrl;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('the administrator creates the staff accounts; each person chooses a password from the e-mailed link', () =>
    withScreenshots(async () => {
      const admin = await signIn('admin');
      for (const member of Object.values(STAFF)) await createStaffAccount(admin, baseUrl, member);
      await admin.close();
      for (const key of Object.keys(STAFF) as StaffKey[]) {
        const mail = await waitForMail(stack, mailTo(STAFF[key].email, /Choose the password/));
        expect(mail.text).toMatch(/within 72 hours/);
        const page = await pageAs(key);
        // In services mode the api listens on a port chosen after the links' base was set: follow the path.
        await page.goto(`${baseUrl}${/\/password-reset\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0] ?? ''}`);
        await page.getByLabel('New password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Save the new password' }).click();
        await page.waitForURL(/\/login\?notice=password-saved/);
        await expect(page.getByRole('status').textContent()).resolves.toContain('Your new password is saved');
        await page.close();
      }
    }));

  it('the officer raises a high-risk case, chooses a panel of one evaluator and two legal reviewers and publishes it', () =>
    withScreenshots(async () => {
      const page = await signIn('officer');
      await raiseHighRiskCase(page);
      caseUrl = page.url().split('?')[0];

      await page
        .getByRole('group', { name: 'Evaluators' })
        .getByLabel(/Evi Evaluator/)
        .check();
      const reviewers = page.getByRole('group', { name: 'Legal reviewers' });
      await reviewers.getByLabel(/Lars Legal/).check();
      await reviewers.getByLabel(/Pia Privacy/).check();
      await page.getByRole('button', { name: 'Save the panel' }).click();
      await page.waitForURL(/notice=panel/);
      await confirmStep(page, 'Publish and open for responses', 'Yes, publish the case');
      await page.waitForURL(/notice=open/);
      await expect(page.getByRole('status').first().textContent()).resolves.toContain('Published');
      await expectAccessible(page);
      await page.close();
    }));

  it('the officer invites three providers, withdraws one link and re-issues it; the old link is gone', () =>
    withScreenshots(async () => {
      const page = await signIn('officer');
      for (const provider of [...PROVIDERS, LATE_PROVIDER]) {
        await page.goto(caseUrl);
        await page.getByLabel('Organisation name').fill(provider.name);
        await page.getByLabel('Country').selectOption({ label: provider.country });
        await page.getByLabel('Contact e-mail addresses').fill(provider.email);
        await page.getByRole('button', { name: 'Send the invitation' }).click();
        await page.waitForURL(/notice=invited/);
        const mail = await waitForMail(stack, mailTo(provider.email, /Invitation to respond/));
        portalLinks[provider.name] = `${baseUrl}/portal/${linkIn(mail.text)}`;
      }
      expect(new Set(Object.values(portalLinks)).size).toBe(3);

      const rhein = PROVIDERS[1];
      const firstLink = portalLinks[rhein.name];
      await confirmStep(page, `Withdraw link for ${rhein.name}`, 'Yes, withdraw the link');
      await page.waitForURL(/notice=revoke/);
      const row = page.getByRole('row', { name: new RegExp(rhein.name) });
      await expect(row.textContent()).resolves.toMatch(/withdrawn/i);
      await expect(row.getByRole('button', { name: /Withdraw link/ }).count()).resolves.toBe(0);
      expect((await page.request.get(firstLink)).status()).toBe(410);

      await row.getByRole('button', { name: /Re-issue link/ }).click();
      await page.waitForURL(/notice=reissue/);
      const reissued = await waitForMail(
        stack,
        (mail) =>
          mailTo(rhein.email, /Invitation to respond/)(mail) && !mail.text.includes(firstLink.split('/').pop()!),
      );
      portalLinks[rhein.name] = `${baseUrl}/portal/${linkIn(reissued.text)}`;
      expect(portalLinks[rhein.name]).not.toBe(firstLink);
      expect((await page.request.get(portalLinks[rhein.name])).status()).toBe(200);
      await expectAccessible(page);
      await page.close();
    }));

  it('a provider types while a second tab loads other pages, switches to French midway, and nothing is lost', () =>
    withScreenshots(async () => {
      const provider = PROVIDERS[0];
      const page = await pageAs(provider.name);
      const sectionUrl = `${portalLinks[provider.name]}/sections/0`;
      await page.goto(sectionUrl);
      const field = page.locator('#section-form textarea').first();
      const fieldName = (await field.getAttribute('name')) ?? '';
      await field.fill('Typed before another tab opened other pages.');

      // Another tab of the same browser asks for the favicon and a staff page between two saves.
      const other = await people.contexts[provider.name].newPage();
      expect((await other.goto(`${baseUrl}/favicon.ico`))?.status()).toBe(200);
      await other.goto(`${baseUrl}/question-bank`);
      await other.close();

      await page.locator('#section-form').getByRole('button', { name: /^Save/ }).click();
      await page.waitForLoadState();
      await page.goto(sectionUrl);
      await expect(page.locator(`#section-form textarea[name="${fieldName}"]`).inputValue()).resolves.toBe(
        'Typed before another tab opened other pages.',
      );

      // The autosave script saves as the provider types, in the language the provider chose.
      await page.getByRole('link', { name: 'Français' }).click();
      await page.waitForURL(/lang=fr|sections\/0$/);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await page.locator(`#section-form textarea[name="${fieldName}"]`).fill('Saisi en français, enregistré seul.');
      const savedPrefix = messagesFor('fr').autosave.saved.split('{')[0];
      await page.waitForFunction(
        (prefix) => (document.getElementById('autosave-status')?.textContent ?? '').startsWith(prefix),
        savedPrefix,
        { timeout: 20_000 },
      );
      await page.reload();
      await expect(page.locator(`#section-form textarea[name="${fieldName}"]`).inputValue()).resolves.toBe(
        'Saisi en français, enregistré seul.',
      );
      await page.getByRole('link', { name: 'English' }).click();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');

      // A question about the tender, answered and published for every provider by the officer below.
      await page.goto(portalLinks[provider.name]);
      await page.getByLabel('Ask a question about this tender').fill(CLARIFICATION_QUESTION);
      await page.getByRole('button', { name: 'Send the question' }).click();
      await page.waitForLoadState();
      await page.close();
    }));

  it('the officer answers the question and publishes it to every provider', () =>
    withScreenshots(async () => {
      const page = await signIn('officer');
      await page.goto(`${caseUrl}/clarifications`);
      await page.getByRole('textbox', { name: 'Answer', exact: true }).first().fill(CLARIFICATION_ANSWER);
      await page.getByRole('button', { name: 'Publish the answer to every provider' }).first().click();
      // Publishing cannot be undone: the page asks first.
      await page.getByRole('dialog').getByRole('button', { name: 'Yes, publish to every provider' }).click();
      await page
        .getByRole('heading', { name: /^Published / })
        .first()
        .waitFor();
      for (const provider of [...PROVIDERS, LATE_PROVIDER])
        await waitForMail(stack, mailTo(provider.email, /Clarification published/));
      await page.close();
    }));

  it.each(PROVIDERS.map((provider) => [provider.name, provider] as const))(
    '%s answers every section in the portal, reviews and submits',
    (_name, provider) =>
      withScreenshots(async () => {
        const page = await pageAs(provider.name);
        await page.goto(portalLinks[provider.name]);
        await expect(page.locator('main').textContent()).resolves.toContain(CLARIFICATION_ANSWER);
        await expectAccessible(page);
        await answerEverySectionAndSubmit(page, portalLinks[provider.name], provider.choice);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Submission receipt');
        await expect(page.locator('main').textContent()).resolves.toMatch(/[0-9a-f]{64}/);
        await expectAccessible(page);
        await waitForMail(stack, mailTo(provider.email, /Submission received/));
        await page.close();
      }),
  );

  it('the officer closes early (2 of 3 submitted); the late provider sees today’s closing, a submitter its receipt', () =>
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
      await expect(page.getByRole('status').first().textContent()).resolves.toContain(
        'Closed for responses: 2 of 3 providers submitted.',
      );

      const late = await pageAs(LATE_PROVIDER.name);
      const closed = await late.goto(portalLinks[LATE_PROVIDER.name]);
      expect(closed?.status()).toBe(410);
      const today = new Date().toISOString().slice(0, 10);
      await expect(late.locator('main').textContent()).resolves.toContain(today);
      await late.close();
      const submitter = await pageAs(PROVIDERS[0].name);
      expect((await submitter.goto(`${portalLinks[PROVIDERS[0].name]}/receipt`))?.status()).toBe(200);
      await submitter.close();

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

  it('the evaluator is e-mailed, declares no conflict, scores both providers and submits', () =>
    withScreenshots(async () => {
      const mail = await waitForMail(stack, mailTo(STAFF.evaluator.email, /Evaluation open/));
      expect(mail.text).toContain('/evaluation');
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
        await scoreEveryQuestion(page, provider.choice);
      }
      await expectAccessible(page);
      await page.close();
    }));

  it('the officer sends the case to legal review and renders the dossier; both legal reviewers are e-mailed', () =>
    withScreenshots(async () => {
      const page = await signIn('officer');
      await page.goto(`${caseUrl}/moderation`);
      await expectAccessible(page);
      await page.goto(caseUrl);
      // Sign-off is never recorded by hand: only approvals of the rendered dossier lead to it.
      await expect(page.getByRole('button', { name: /sign-off/i }).count()).resolves.toBe(0);
      await confirmStep(page, 'Send the dossier to legal review', 'Yes, send to legal review');
      await page.waitForURL(/notice=dossier_review/);
      await page.getByRole('button', { name: 'Render the dossier for the current data' }).click();
      await page.waitForURL(/notice=dossier/);
      if (await page.locator('[data-dossier-progress]').count())
        await page.getByText('Rendering finished.').waitFor({ timeout: 120_000 });
      await page.reload();
      await expect(page.getByRole('link', { name: 'Review copy (PDF) of version 1' }).count()).resolves.toBe(1);
      await expectAccessible(page);
      for (const reviewer of [STAFF.lawyer, STAFF.privacy])
        await waitForMail(stack, mailTo(reviewer.email, /Sign-off requested/), 60_000);
      await page.close();
    }));

  it('both legal reviewers approve from their queue; the signed PDF has the clarification and verifies', () =>
    withScreenshots(async () => {
      let signedUrl: string | null = null;
      for (const reviewer of ['lawyer', 'privacy'] as const) {
        const page = await signIn(reviewer);
        await page.getByRole('link', { name: 'Dossiers to review' }).click();
        await page.getByRole('link', { name: /PNL-2026-31/ }).click();
        await expect(page.locator('main').textContent()).resolves.toContain('1 clarification');
        await expectAccessible(page);
        await page.getByLabel('Approve', { exact: true }).check();
        await page.getByRole('button', { name: 'Record my decision' }).click();
        await page.waitForURL(/notice=decided/);
        if (reviewer === 'privacy') {
          // Signing runs in the worker once the last required reviewer approved.
          for (let attempt = 0; attempt < 120 && !signedUrl; attempt++) {
            await page.reload();
            const link = page.getByRole('link', { name: 'Download the signed dossier (PDF)' });
            if (await link.count()) signedUrl = await link.getAttribute('href');
            else await page.waitForTimeout(1000);
          }
        }
        await page.close();
      }
      const officer = await signIn('officer');
      const signed = await officer.request.get(new URL(signedUrl ?? '', baseUrl).toString());
      expect(signed.headers()['content-type']).toContain('application/pdf');
      const pdf = await signed.body();
      const text = (await pdfText(pdf, { layout: true })).replace(/\s+/g, ' ');
      expect(text).toContain(CLARIFICATION_QUESTION);
      expect(text).not.toContain('No clarifications were published');
      const verification = await officer.request.post(`${baseUrl}/api/v1/dossiers/verify`, {
        multipart: { file: { name: 'dossier.pdf', mimeType: 'application/pdf', buffer: pdf } },
      });
      const verdict = await verification.json();
      expect(verdict).toMatchObject({ signed: true });
      expect(JSON.stringify(verdict.signers)).toContain(STAFF.lawyer.name);
      expect(JSON.stringify(verdict.signers)).toContain(STAFF.privacy.name);

      await officer.goto(caseUrl);
      await expect(officer.getByText('Signed off').count()).resolves.toBeGreaterThan(0);
      await officer.close();
    }));
});
