/// <reference lib="dom" />
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { demoEvidencePdf } from '@probity/demo';
import { messagesFor } from '@probity/portal';
import { WORKSPACE_ROOT } from '../support/processes';
import { linkIn } from '../support/tender-http';
import { confirmStep, expectAccessible, launchChromium } from '../support/browser';
import { ReadMail, StackMode, startStack, TenderStack, waitForMail } from '../support/tender-stack';

const run = promisify(execFile);

const PASSWORD = 'full tender passphrase';
const ADMIN = {
  agency: 'Politie Nederland (test)',
  email: 'ada@politie.example',
  name: 'Ada Admin',
  password: PASSWORD,
};

const STAFF = {
  officer: { email: 'officer@politie.example', name: 'Olivia Officer', role: 'Procurement officer' },
  evaluator: { email: 'evi@politie.example', name: 'Evi Evaluator', role: 'Evaluator' },
  lawyer: { email: 'lars@politie.example', name: 'Lars Legal', role: 'Legal reviewer' },
  privacy: { email: 'pia@politie.example', name: 'Pia Privacy', role: 'Legal reviewer' },
} as const;
type StaffKey = keyof typeof STAFF;

const PROVIDERS = [
  { name: 'Noordzee Vision BV', country: 'Netherlands', email: 'tender@noordzee.example', choice: 'first' },
  { name: 'Rhein Analytics GmbH', country: 'Germany', email: 'bids@rhein.example', choice: 'last' },
] as const;
/** Invited, never submits: the officer closes the case early without it. */
const LATE_PROVIDER = { name: 'Seine Sight SAS', country: 'France', email: 'offres@seine.example' } as const;

const CLARIFICATION_QUESTION = 'May the operator review queue be hosted by our subcontractor in Belgium?';
const CLARIFICATION_ANSWER = 'Yes, within the EU, if the subcontractor is named in your answers on data processing.';

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

/**
 * Answers every question shown on the current portal section the way a provider would: one choice per
 * group (the first or the last offered), a sentence in each text field, a number within its range, a date.
 */
async function answerShownQuestions(page: Page, choice: 'first' | 'last'): Promise<void> {
  await page.evaluate(
    ({ pick, lawful }) => {
      const form = document.getElementById('section-form') as HTMLFormElement;
      // A bidder declares its system lawful (AI Act Art. 5) rather than picking an answer blindly.
      for (const [name, value] of Object.entries(lawful)) {
        const option = form.querySelector<HTMLInputElement>(`input[type=radio][name="${name}"][value="${value}"]`);
        if (option) option.checked = true;
      }
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
        if (!options.some((option) => option.checked))
          options[pick === 'first' ? 0 : options.length - 1].checked = true;
      for (const field of Array.from(
        form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input'),
      )) {
        if (field.value || field.type === 'hidden' || field.type === 'radio' || field.type === 'checkbox') continue;
        if (field.type === 'number') field.value = (field as HTMLInputElement).min || '1';
        else if (field.type === 'date') field.value = new Date().toISOString().slice(0, 10);
        else if (field.type === 'text' || field.tagName === 'TEXTAREA')
          field.value = 'We describe this in section 4 of our technical documentation.';
      }
      for (const select of Array.from(form.querySelectorAll<HTMLSelectElement>('select')))
        if (!select.value && select.options.length > 1) select.selectedIndex = 1;
    },
    { pick: choice, lawful: LAWFUL_ART5_ANSWERS },
  );
}

/** The legality gates of the built-in bank answered as a lawful system would. */
const LAWFUL_ART5_ANSWERS: Record<string, string> = {
  art5_declaration: 'true',
  art5_social_scoring: 'false',
  rp_profiling_only: 'false',
  fair_scraped_data: 'false',
  rbi_sensitive_categorisation: 'false',
  rbi_emotion_categorisation: 'false',
};

function mailTo(address: string, subject: RegExp): (mail: ReadMail) => boolean {
  return (mail) => mail.to.includes(address) && subject.test(mail.subject);
}

/** The text of every page of a PDF, as poppler's pdftotext reads it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'probity-full-tender-'));
  try {
    await writeFile(join(dir, 'dossier.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-layout', join(dir, 'dossier.pdf'), '-'], { maxBuffer: 64 << 20 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

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
  const contexts: Record<string, BrowserContext> = {};
  let caseUrl: string;
  const portalLinks: Record<string, string> = {};
  let failedStep: string | undefined;
  const screenshots = join(WORKSPACE_ROOT, 'test-output', `full-tender-${mode}`);

  /** Runs one step; when it fails, every open page is saved as a screenshot before the failure is reported. */
  async function withScreenshots(step: () => Promise<void>): Promise<void> {
    // Each step builds on the ones before: after a failure, the later steps fail at once with its name.
    if (failedStep) throw new Error(`not run: the earlier step failed (${failedStep})`);
    try {
      await step();
    } catch (error) {
      failedStep = expect.getState().currentTestName ?? 'unknown';
      await mkdir(screenshots, { recursive: true });
      for (const [role, context] of Object.entries(contexts))
        for (const [index, page] of context.pages().entries())
          await page
            .screenshot({ path: join(screenshots, `${role}-${index}.png`), fullPage: true })
            .catch(() => undefined);
      throw error;
    }
  }

  async function pageAs(role: string): Promise<Page> {
    contexts[role] ??= await browser.newContext();
    return contexts[role].newPage();
  }

  async function signIn(role: StaffKey | 'admin'): Promise<Page> {
    const page = await pageAs(role);
    await page.goto(`${baseUrl}/cases`);
    if (new URL(page.url()).pathname !== '/login') return page;
    await page.getByLabel('E-mail address').fill(role === 'admin' ? ADMIN.email : STAFF[role].email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL((url) => url.pathname !== '/login');
    return page;
  }

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
      for (const member of Object.values(STAFF)) {
        await admin.goto(`${baseUrl}/admin/users`);
        await admin.getByLabel('Full name').fill(member.name);
        await admin.getByLabel('E-mail address').fill(member.email);
        await admin.getByLabel('Role', { exact: true }).selectOption({ label: member.role });
        await admin.getByRole('button', { name: 'Create the account' }).click();
        await admin.waitForURL(/notice=created/);
      }
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
      await page.getByRole('link', { name: 'Raise a new case' }).click();
      await page.getByLabel('Reference number').fill('PNL-2026-31');
      await page.getByLabel('Title').fill('Licence-plate recognition for stolen-vehicle alerts');
      await page.getByLabel('Description of the need').fill('Alerts on stolen vehicles passing fixed cameras.');
      await page.getByLabel('Intended use of the AI system').fill('Alerts reviewed by an operator before any stop.');
      // The officer sets the AI Act scope: licence-plate alerts fall under no Annex III point.
      await page.getByRole('radio', { name: 'No remote biometric identification' }).check();
      await page.getByRole('group', { name: 'Does the system process personal data?' }).getByLabel('Yes').check();
      await page.getByLabel('Responses due').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
      await page.getByLabel('Questionnaire').selectOption({ value: 'responsible-ai-high-risk' });
      for (const principle of ['Lawfulness', 'Minimization of harm', 'Human autonomy', 'Fairness', 'Good governance'])
        await page.getByLabel(principle).fill('20');
      await page.getByRole('button', { name: 'Create the case as a draft' }).click();
      await page.waitForURL(/notice=created/);
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
      const other = await contexts[provider.name].newPage();
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
      await page.getByRole('heading', { name: /^Published / }).first().waitFor();
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
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
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
