/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { demoEvidencePdf } from '@probity/demo';
import { confirmStep, expectAccessible } from './browser';
import { ReadMail } from './tender-stack';

/** The people, providers and texts of test/web/full-tender.e2e-spec.ts, and the provider's steps in the portal. */

export const PASSWORD = 'full tender passphrase';
export const ADMIN = {
  agency: 'Politie Nederland (test)',
  email: 'ada@politie.example',
  name: 'Ada Admin',
  password: PASSWORD,
};

export const STAFF = {
  officer: { email: 'officer@politie.example', name: 'Olivia Officer', role: 'Procurement officer' },
  evaluator: { email: 'evi@politie.example', name: 'Evi Evaluator', role: 'Evaluator' },
  lawyer: { email: 'lars@politie.example', name: 'Lars Legal', role: 'Legal reviewer' },
  privacy: { email: 'pia@politie.example', name: 'Pia Privacy', role: 'Legal reviewer' },
} as const;
export type StaffKey = keyof typeof STAFF;

export const PROVIDERS = [
  { name: 'Noordzee Vision BV', country: 'Netherlands', email: 'tender@noordzee.example', choice: 'first' },
  { name: 'Rhein Analytics GmbH', country: 'Germany', email: 'bids@rhein.example', choice: 'last' },
] as const;
/** Invited, never submits: the officer closes the case early without it. */
export const LATE_PROVIDER = { name: 'Seine Sight SAS', country: 'France', email: 'offres@seine.example' } as const;

export const CLARIFICATION_QUESTION = 'May the operator review queue be hosted by our subcontractor in Belgium?';
export const CLARIFICATION_ANSWER =
  'Yes, within the EU, if the subcontractor is named in your answers on data processing.';

/** Attaches one PDF to every question of the section that asks for evidence, through its upload form. */
export async function uploadRequestedEvidence(page: Page, sectionUrl: string): Promise<void> {
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
export async function answerShownQuestions(page: Page, choice: 'first' | 'last'): Promise<void> {
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

export function mailTo(address: string, subject: RegExp): (mail: ReadMail) => boolean {
  return (mail) => mail.to.includes(address) && subject.test(mail.subject);
}

/**
 * From the portal's start page: answers every section (uploading the evidence asked for in the first round),
 * and goes round until submission, confirmed, lands on the receipt. Answers open follow-up questions, so the
 * provider goes round until submission finds nothing missing.
 */
export async function answerEverySectionAndSubmit(page: Page, portalLink: string, choice: 'first' | 'last') {
  for (let round = 0; round < 3; round++) {
    await page.goto(portalLink);
    const sections = await page.locator('ol.progress-list a').count();
    for (let index = 0; index < sections; index++) {
      await page.goto(`${portalLink}/sections/${index}`);
      await answerShownQuestions(page, choice);
      await page.locator('#section-form').getByRole('button', { name: /^Save/ }).click();
      await page.waitForLoadState();
      if (round === 0) await uploadRequestedEvidence(page, `${portalLink}/sections/${index}`);
    }
    await page.goto(portalLink);
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
}

/** On a response's first question in the evaluator's workspace: scores every question and submits. */
export async function scoreEveryQuestion(page: Page, choice: 'first' | 'last'): Promise<void> {
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const total = Number(/of (\d+)/.exec(heading)?.[1]);
  expect(total).toBeGreaterThan(0);
  for (let number = 1; number <= total; number++) {
    await page.getByRole('radio', { name: choice === 'first' ? /^3 – Good/ : /^2 – / }).check();
    await page.getByLabel(/^Justification/).fill(`Answer ${number} is specific about the safeguards.`);
    await page.getByRole('button', { name: 'Save score and continue' }).click();
    await page.waitForURL(new RegExp(`question=${number < total ? number + 1 : 'review'}$`));
  }
  await confirmStep(page, /Submit my scores/, 'Yes, submit my scores');
  await page.waitForURL(/notice=submitted/);
}

/** On the cases list: raises the high-risk licence-plate case as a draft, equal weights, due in 30 days. */
export async function raiseHighRiskCase(page: Page): Promise<void> {
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
}

/** The administrator creates one staff account on the users page; the person is e-mailed a link. */
export async function createStaffAccount(
  admin: Page,
  baseUrl: string,
  member: { name: string; email: string; role: string },
): Promise<void> {
  await admin.goto(`${baseUrl}/admin/users`);
  await admin.getByLabel('Full name').fill(member.name);
  await admin.getByLabel('E-mail address').fill(member.email);
  await admin.getByLabel('Role', { exact: true }).selectOption({ label: member.role });
  await admin.getByRole('button', { name: 'Create the account' }).click();
  await admin.waitForURL(/notice=created/);
}
