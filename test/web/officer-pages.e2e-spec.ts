/// <reference lib="dom" />
import { INestApplication } from '@nestjs/common';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { CasesService, ClarificationsService, ResponsesService } from '@probity/cases';
import { phonePagesWorld, PhonePagesWorld } from '../support/phone-pages';
import { Agent } from '../support/tender-http';
import { confirmStep, expectAccessible, expectNoHorizontalScroll, PHONE } from '../support/browser';

const PASSWORD = 'officer pages passphrase';

/**
 * The procurement officer's pages as a tender really uses them: on a 390 px phone, with and without
 * JavaScript, with countries by name, withdrawn links, duplicate invitations and confirmed steps.
 */
describe("the procurement officer's pages", () => {
  let world: PhonePagesWorld;
  let app: INestApplication;
  let browser: Browser;
  let baseUrl: string;
  let caseId: string;
  let officer: BrowserContext;
  let api: { agent: Agent; csrf: string };

  beforeAll(async () => {
    world = await phonePagesWorld(
      'Politie Nederland (officer pages)',
      [
        { email: 'officer@politie.example', name: 'Olivia Officer', role: 'procurement_officer' },
        // Long addresses are what pushed the case page wider than a phone.
        {
          email: 'evaluator.of.video.analytics@intelligence-unit.politie.example',
          name: 'Evert Evaluator',
          role: 'evaluator',
        },
        {
          email: 'legal.reviewer.data-protection@office-of-the-dpo.politie.example',
          name: 'Lotte Legal',
          role: 'legal_reviewer',
        },
      ],
      PASSWORD,
      'NL-OP-1',
    );
    ({ app, browser, baseUrl, caseId, phone: officer, api } = world);
  });

  afterAll(() => world?.close());

  async function open(path: string, context = officer): Promise<Page> {
    const page = await context.newPage();
    await page.goto(baseUrl + path);
    return page;
  }

  function progressRow(page: Page, organisation: string) {
    return page
      .getByRole('table', { name: 'Progress per provider' })
      .getByRole('row')
      .filter({ hasText: organisation });
  }

  it('publishing asks first (a native dialog), then says what happened', async () => {
    const page = await open(`/cases/${caseId}`);
    await page.getByRole('button', { name: 'Publish and open for responses' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain('Publish this case');
    await expectAccessible(page);
    // Cancelling leaves the case as it was.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Status: Draft').count()).resolves.toBe(1);
    await confirmStep(page, 'Publish and open for responses', 'Yes, publish the case');
    await page.waitForURL(/notice=open/);
    await expect(page.getByRole('status').first().textContent()).resolves.toMatch(
      /^Published: the case is open for responses until .+; you can now invite providers\.$/,
    );
    await page.close();
  });

  it('the country is chosen by name and saved as its ISO 3166-1 code', async () => {
    const page = await open(`/cases/${caseId}`);
    await page.getByLabel('Organisation name').fill('Northwind Vision Analytics');
    await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Netherlands' });
    await page.getByLabel('Contact e-mail addresses').fill('tenders@northwind.example');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.waitForURL(/notice=invited/);
    await expect(progressRow(page, 'Northwind').textContent()).resolves.toContain('Netherlands');
    const progress = await api.agent.get(`/api/v1/cases/${caseId}/responses`).expect(200);
    expect(progress.body.rows.map((row: { country: string }) => row.country)).toEqual(['NL']);
    await page.close();
  });

  it.each([
    ['a name', 'Netherlands'],
    ['an unassigned code', 'XX'],
    ['an alpha-3 code', 'NLD'],
  ])('a country given as %s is refused with 422 and a clear message, API and form alike', async (_kind, country) => {
    const refused = await api.agent
      .post(`/api/v1/cases/${caseId}/invites`)
      .set('x-csrf-token', api.csrf)
      .send({ organisationName: 'Ne Ltd', country, legalIdentifiers: {}, contactEmails: ['bids@ne.example'] })
      .expect(422);
    expect(JSON.stringify(refused.body)).toContain('ISO 3166-1 alpha-2');
    const page = await open(`/cases/${caseId}`);
    const posted = await page.evaluate(
      async ([url, value]) => {
        const form = new FormData(document.querySelector<HTMLFormElement>('form[action$="/invites"]') ?? undefined);
        form.set('organisationName', 'Ne Ltd');
        form.set('contactEmails', 'bids@ne.example');
        form.set('country', value);
        const response = await fetch(url, { method: 'POST', body: new URLSearchParams(form as never) });
        return { status: response.status, text: await response.text() };
      },
      [`${baseUrl}/cases/${caseId}/invites`, country],
    );
    expect(posted.status).toBe(422);
    expect(posted.text).toContain('ISO 3166-1 alpha-2');
    await page.close();
  });

  it('inviting the same e-mail again is refused; the same organisation asks whether it is deliberate', async () => {
    const page = await open(`/cases/${caseId}`);
    await page.getByLabel('Organisation name').fill('Another name for Northwind');
    await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Belgium' });
    await page.getByLabel('Contact e-mail addresses').fill('TENDERS@northwind.example');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'tenders@northwind.example is already invited (Northwind Vision Analytics)',
    );
    await expectAccessible(page);

    await page.getByLabel('Organisation name').fill('northwind vision analytics');
    await page.getByLabel('Contact e-mail addresses').fill('benelux@northwind.example');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Northwind Vision Analytics is already invited to this case',
    );
    await expect(progressRow(page, 'orthwind').count()).resolves.toBe(1);
    await page.getByLabel('Invite this organisation again: it is deliberate').check();
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.waitForURL(/notice=invited/);
    await expect(progressRow(page, 'orthwind').count()).resolves.toBe(2);

    const api409 = await api.agent
      .post(`/api/v1/cases/${caseId}/invites`)
      .set('x-csrf-token', api.csrf)
      .send({
        organisationName: 'Northwind Vision Analytics',
        country: 'NL',
        legalIdentifiers: {},
        contactEmails: ['third@northwind.example'],
      })
      .expect(409);
    expect(api409.body.message).toContain('confirmDuplicate');
    await page.close();
  });

  it('a withdrawn link shows as withdrawn with its time, offers only re-issue and is not counted as invited', async () => {
    const page = await open(`/cases/${caseId}`);
    await page.getByLabel('Organisation name').fill('Helios Forensic AI');
    await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Germany' });
    await page.getByLabel('Contact e-mail addresses').fill('bids@helios.example');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.waitForURL(/notice=invited/);
    await expect(page.getByText('Invited 3 ·').count()).resolves.toBe(1);
    await confirmStep(page, 'Withdraw link for Helios Forensic AI', 'Yes, withdraw the link');
    await page.waitForURL(/notice=revoke/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'The link of Helios Forensic AI was withdrawn',
    );
    const row = progressRow(page, 'Helios');
    await expect(row.textContent()).resolves.toMatch(/withdrawn\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    await expect(row.getByRole('button').allTextContents()).resolves.toEqual(['Re-issue link for Helios Forensic AI']);
    await expect(page.getByText('Invited 2 ·').count()).resolves.toBe(1);
    await expect(page.getByText('withdrawn 1').count()).resolves.toBe(1);
    const progress = await api.agent.get(`/api/v1/cases/${caseId}/responses`).expect(200);
    expect(progress.body.counts).toMatchObject({ invited: 2, withdrawn: 1 });

    // Re-issuing brings the provider back as invited.
    await row.getByRole('button', { name: 'Re-issue link for Helios Forensic AI' }).click();
    await page.waitForURL(/notice=reissue/);
    await expect(page.getByText('Invited 3 ·').count()).resolves.toBe(1);
    await page.close();
  });

  it('publishing a clarification asks first; an answer over the limit comes back with what was typed in it', async () => {
    const [asker] = await app.get(ResponsesService).responsesOf(caseId);
    const openCase = await app.get(CasesService).getCase(caseId);
    await app.get(ClarificationsService).ask(asker, openCase, 'May the pilot run on our own servers?');

    const page = await open(`/cases/${caseId}/clarifications`);
    const answer = page.getByRole('textbox', { name: 'Answer', exact: true });
    await expect(answer.getAttribute('maxlength')).resolves.toBe('10000');
    // As a hand-made request would: past the browser's own limit, so the server's check is what answers.
    await answer.evaluate((field: HTMLTextAreaElement) => field.removeAttribute('maxlength'));
    await answer.fill(`Yes. ${'x'.repeat(10_000)}`);
    await page.getByRole('textbox', { name: 'Question as it will be published' }).fill('May the pilot run on-site?');
    await confirmStep(page, 'Publish the answer to every provider', 'Yes, publish to every provider');
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'An answer can be at most 10,000 characters.',
    );
    await expect(answer.inputValue()).resolves.toMatch(/^Yes\. x{10000}$/);
    await expect(page.getByRole('textbox', { name: 'Question as it will be published' }).inputValue()).resolves.toBe(
      'May the pilot run on-site?',
    );
    await expectAccessible(page);

    // Cancelling the dialog publishes nothing; confirming publishes the reworded question to every provider.
    await answer.fill('Yes, on servers the agency controls.');
    await page.getByRole('button', { name: 'Publish the answer to every provider' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { name: 'Awaiting an answer' }).count()).resolves.toBe(1);
    await confirmStep(page, 'Publish the answer to every provider', 'Yes, publish to every provider');
    await page.getByRole('heading', { name: /^Published / }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('May the pilot run on-site?');
    await page.close();
  });

  it('without JavaScript an irreversible step goes through a confirmation page', async () => {
    const noScript = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    await noScript.addCookies(await officer.cookies());
    const page = await open(`/cases/${caseId}`, noScript);
    await page.getByRole('button', { name: 'Withdraw link for Helios Forensic AI' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Withdraw the link of Helios Forensic AI?',
    );
    // (axe and the width check run scripts in the page, so they look at this page in the next test.)
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.waitForURL(`${baseUrl}/cases/${caseId}`);
    await expect(page.getByText('Invited 3 ·').count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Close for responses' }).click();
    await page.waitForLoadState();
    await expect(page.locator('main').textContent()).resolves.toContain('before the deadline');
    await page.getByRole('button', { name: 'Yes, close for responses' }).click();
    await page.waitForURL(/notice=closed/);
    await expect(page.getByRole('status').first().textContent()).resolves.toBe(
      'Closed for responses: 0 of 3 providers submitted.',
    );
    await noScript.close();
  });

  it('the confirmation page is accessible and fits a phone', async () => {
    const page = await open(`/cases/${caseId}`);
    // Sent without the dialog, as a browser without JavaScript sends it.
    await page
      .locator('form[action$="/transitions"]')
      .first()
      .evaluate((form: HTMLFormElement) => form.submit());
    await page.waitForURL(`${baseUrl}/cases/${caseId}/transitions`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Start the evaluation?');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.close();
  });

  it.each([
    ['the case list', '/cases'],
    ['the new case form', '/cases/new'],
    ['the case page', '/cases/:id'],
    ['the clarifications', '/cases/:id/clarifications'],
    ['the comparison', '/cases/:id/comparison'],
    ['the moderation', '/cases/:id/moderation'],
  ])('%s fits a 390 px phone without sideways scrolling', async (_name, path) => {
    const page = await open(path.replace(':id', caseId));
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.close();
  });

  it('the comparison page offers no weights form once the method froze, and says why', async () => {
    // The case is in evaluation: its responses are closed, so the published method can no longer change.
    const page = await open(`/cases/${caseId}/comparison`);
    await expect(page.getByRole('group', { name: /Change the weights/ }).count()).resolves.toBe(0);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'The evaluation method froze when responses closed',
    );
    await expect(page.getByRole('table', { name: /Weight of each core principle/ }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.close();
  });

  it('the comparison page leads back to the case', async () => {
    const page = await open(`/cases/${caseId}/comparison`);
    await page.getByRole('link', { name: /Back to the case NL-OP-1/ }).click();
    await page.waitForURL(`${baseUrl}/cases/${caseId}`);
    await page.close();
  });
});
