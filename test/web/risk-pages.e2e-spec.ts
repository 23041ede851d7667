/// <reference lib="dom" />
import { INestApplication } from '@nestjs/common';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { CasesService } from '@probity/cases';
import { demoCase } from '@probity/demo';
import { agencyWithStaff, E2eApp, signInWithBrowser, startE2eApp } from '../support/e2e-app';
import { caseInLegalReview } from '../support/dossier-case';
import { Agent, signIn } from '../support/tender-http';
import {
  expectAccessible,
  expectFormRefusal,
  expectNoHorizontalScroll,
  expectRefusalKeptOnReload,
  launchChromium,
  PHONE,
  screenshotOnFailure,
} from '../support/browser';

const PASSWORD = 'risk pages passphrase';
const STAFF = [
  { email: 'officer@risk-pages.example', name: 'Olivia Officer', role: 'procurement_officer' },
  { email: 'admin@risk-pages.example', name: 'Alba Admin', role: 'admin' },
  { email: 'lena@risk-pages.example', name: 'Lena Legal', role: 'legal_reviewer' },
  { email: 'eve@risk-pages.example', name: 'Eve Evaluator', role: 'evaluator' },
] as const;

interface RegisterBody {
  appetite: number;
  providers: Array<{
    providerId: string;
    providerName: string;
    rows: Array<{ key: string; description: string; origin: string; owner: string; residual: number }>;
  }>;
}

/**
 * The risk register and the agency's risk appetite as staff use them in a browser: the officer adds a
 * risk from the page (a refusal explained with what was typed kept), and the appetite is read and changed
 * with a reason from the navigation. Both through the same services, access policy and audit as the API.
 */
describe('risk register and risk appetite pages (real browser, api + worker)', () => {
  let started: E2eApp;
  let app: INestApplication;
  let browser: Browser;
  let baseUrl: string;
  let caseId: string;
  let agencyId: string;
  const api: Record<string, { agent: Agent; csrf: string }> = {};
  const contexts: Record<string, BrowserContext> = {};

  const register = async (): Promise<RegisterBody> =>
    (await api.officer.agent.get(`/api/v1/cases/${caseId}/risk-register`).expect(200)).body;
  const audited = async (action: string) =>
    (await app.get(DataSource).query(`SELECT after FROM audit_entries WHERE action = $1`, [action])) as Array<{
      after: Record<string, unknown>;
    }>;
  const onPage = async (who: string, name: string, check: (page: Page) => Promise<void>) => {
    const page = await contexts[who].newPage();
    await screenshotOnFailure(
      page,
      name,
      () => check(page),
      () => page.close(),
    );
  };

  beforeAll(async () => {
    started = await startE2eApp({ serve: true, worker: true });
    ({ app, baseUrl } = started);
    const staffed = await agencyWithStaff(app, 'Politie (risk pages)', STAFF, PASSWORD);
    const { idByEmail } = staffed;
    agencyId = staffed.agencyId;
    const [officer, admin, lena, eve] = STAFF.map((member) => member.email);
    ({ caseId } = await caseInLegalReview(
      app,
      agencyId,
      [
        { userId: idByEmail[eve], role: 'evaluator' },
        { userId: idByEmail[lena], role: 'legal_reviewer' },
      ],
      'NL-RISK-PAGES-1',
    ));
    browser = await launchChromium();
    for (const [who, email, viewport] of [
      ['officer', officer, PHONE],
      ['admin', admin, { width: 1280, height: 900 }],
    ] as const) {
      api[who] = await signIn(app, email, PASSWORD);
      contexts[who] = await browser.newContext({ viewport });
      await signInWithBrowser(contexts[who], baseUrl, email, PASSWORD);
    }
    api.lena = await signIn(app, lena, PASSWORD);
    api.eve = await signIn(app, eve, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await started?.close();
  });

  it('the officer adds a risk on a phone; a refusal names every missing field and keeps what was typed', async () => {
    const before = await register();
    const first = before.providers[0];
    await onPage('officer', 'risk-add', async (page) => {
      await page.goto(`${baseUrl}/cases/${caseId}`);
      await page.getByRole('link', { name: 'Risk register' }).click();
      await page.getByText(`Add a risk to the register of ${first.providerName}`).click();
      const form = page.locator('#add-0');
      await form.getByLabel('Instrumental principle at risk').selectOption({ label: 'Human control and oversight' });
      await form.getByLabel('Description of the risk').fill('Night-shift operators cannot pause the alerts.');
      await form.getByLabel('Likelihood (1–5)').selectOption('4');
      await form.getByLabel('Why this likelihood?').fill('Two night operators for the whole region.');
      await form.getByLabel('Impact (1–5)').selectOption('5');
      await form.getByLabel('Why this impact?').fill('A wrongful stop cannot be undone.');
      await form.getByLabel('Mitigation', { exact: true }).fill('A third operator on night shifts.');
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        form.getByRole('button', { name: /^Add the risk/ }).click(),
      ]);
      expect(refused.status()).toBe(422);
      await page.waitForLoadState();
      const alert = await page.getByRole('alert').textContent();
      expect(alert).toContain('Name the owner of the risk.');
      expect(alert).toContain('Give the reason for adding the risk.');
      expect(alert).not.toContain('Describe the risk.');
      const kept = page.locator('#add-0');
      expect(await kept.getByLabel('Description of the risk').inputValue()).toBe(
        'Night-shift operators cannot pause the alerts.',
      );
      expect(await kept.getByLabel('Impact (1–5)').inputValue()).toBe('5');
      expect(await kept.getByLabel('Instrumental principle at risk').inputValue()).toBe('human-oversight');
      await expectFormRefusal(page, kept.getByLabel('Owner'), 'Name the owner of the risk.');
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);

      await kept.getByLabel('Owner').fill('Head of the control room');
      await kept.getByLabel('Reason for adding the risk').focus();
      await page.keyboard.type('Raised by the works council on 2 December.');
      await kept.getByRole('button', { name: /^Add the risk/ }).press('Enter');
      await page.waitForURL(/notice=added/);
      await expect(page.getByRole('status').first().textContent()).resolves.toContain('The risk was added');
      const row = page.locator('article.risk-row', { hasText: 'Night-shift operators cannot pause the alerts.' });
      await expect(row.textContent()).resolves.toContain('Head of the control room');
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });
    const added = (await register()).providers[0].rows.find((row) => row.key.startsWith('added:'));
    expect(added).toMatchObject({ origin: 'added', owner: 'Head of the control room', residual: 20 });
    const [entry] = await audited('risk.added');
    expect(entry.after).toMatchObject({
      providerId: first.providerId,
      reason: 'Raised by the works council on 2 December.',
    });
  });

  it('changing or removing a risk: a refusal keeps what was typed beside the field, and a reload asks the same', async () => {
    const before = await register();
    const row = before.providers[0].rows.find((candidate) => !candidate.key.startsWith('added:'));
    if (!row) throw new Error('no proposed risk');
    await onPage('officer', 'risk-edit-refused', async (page) => {
      await page.goto(`${baseUrl}/cases/${caseId}/risk-register`);
      const article = page.locator('article.risk-row').first();
      await article.locator('summary').click();
      await article.getByLabel('Owner').fill('Head of the night shift');
      await article.getByLabel('Mitigation', { exact: true }).fill('Four-eyes check of every alert at night.');
      await article.getByLabel('Residual impact (1–5)').fill('3');
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        article.getByRole('button', { name: /^Save/ }).click(),
      ]);
      expect(refused.status()).toBe(400);
      await page.waitForLoadState();
      const kept = async () => {
        const again = page.locator('article.risk-row').first();
        expect(await again.getByLabel('Owner').inputValue()).toBe('Head of the night shift');
        expect(await again.getByLabel('Mitigation', { exact: true }).inputValue()).toBe(
          'Four-eyes check of every alert at night.',
        );
        expect(await again.getByLabel('Residual impact (1–5)').inputValue()).toBe('3');
        await expectFormRefusal(
          page,
          again.getByLabel('Reason for the change'),
          'Every change to the register needs a reason.',
        );
      };
      await expectRefusalKeptOnReload(page, 400, kept);

      await page.goto(`${baseUrl}/cases/${caseId}/risk-register`);
      const first = page.locator('article.risk-row').first();
      await first.locator('summary').click();
      await first.getByLabel(/^Why remove/).fill('   ');
      await first.getByRole('button', { name: /^Remove/ }).click();
      await page.waitForLoadState();
      await expectFormRefusal(
        page,
        page
          .locator('article.risk-row')
          .first()
          .getByLabel(/^Why remove/),
        'Every change to the register needs a reason.',
      );
      await expectAccessible(page);
    });
    // Nothing was changed by either refusal.
    expect((await register()).providers[0].rows.find((candidate) => candidate.key === row.key)).toEqual(row);
  });

  it('a case without a comparison has no register yet: a page says why and leads back to the case', async () => {
    const reference = 'NL-RISK-PAGES-2';
    const draft = await app.get(CasesService).createCase(agencyId, { ...demoCase(new Date()), reference });
    const refused = await api.officer.agent.get(`/api/v1/cases/${draft.id}/risk-register`).expect(409);
    expect(refused.body.message).toBe('The case has no comparison yet: start the evaluation and let scoring finish.');
    await onPage('officer', 'risk-not-ready', async (page) => {
      const answer = await page.goto(`${baseUrl}/cases/${draft.id}/risk-register`);
      expect(answer?.status()).toBe(200);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('No risk register yet');
      await expect(page.getByRole('status').first().textContent()).resolves.toContain(
        'start the evaluation and let scoring finish',
      );
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      await page.getByRole('link', { name: `Back to case ${reference}` }).click();
      await page.waitForURL(`${baseUrl}/cases/${draft.id}`);
    });
  });

  it('adding a risk is the officer’s: a reviewer is refused by the access policy, a post without CSRF token too', async () => {
    const row = { providerId: (await register()).providers[0].providerId, description: 'x', reason: 'y' };
    const recorded = (await audited('risk.added')).length;
    await api.lena.agent
      .post(`/cases/${caseId}/risk-register/add`)
      .set('x-csrf-token', api.lena.csrf)
      .type('form')
      .send(row)
      .expect(403);
    await api.officer.agent.post(`/cases/${caseId}/risk-register/add`).type('form').send(row).expect(403);
    expect(await audited('risk.added')).toHaveLength(recorded);
  });

  it('the risk appetite: reached from the navigation, explained, changed only with a reason', async () => {
    await onPage('admin', 'risk-appetite', async (page) => {
      await page.goto(`${baseUrl}/cases`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk appetite' }).click();
      await page.waitForURL(`${baseUrl}/admin/risk-appetite`);
      await expect(page.getByRole('heading', { name: 'Now: 12' }).count()).resolves.toBe(1);
      // 6 of the 25 likelihood × impact products lie above 12: 15, 15, 16, 20, 20 and 25.
      await expect(page.getByText('6 of the 25 combinations are above it').count()).resolves.toBe(1);
      await expectAccessible(page);

      await page.getByLabel(/Highest residual score/).fill('30');
      await page.getByRole('button', { name: 'Change the risk appetite' }).click();
      await page.waitForLoadState();
      const alert = await page.getByRole('alert').textContent();
      expect(alert).toContain('the appetite is a whole number from 1 to 25');
      expect(alert).toContain('give the reason for the change');
      expect(await page.getByLabel(/Highest residual score/).inputValue()).toBe('30');
      await expect(page.getByRole('heading', { name: 'Now: 12' }).count()).resolves.toBe(1);
      await expectAccessible(page);

      await page.getByLabel(/Highest residual score/).fill('16');
      await page.getByLabel('Reason for the change').fill('Board decision of 3 December 2026.');
      await page.getByRole('button', { name: 'Change the risk appetite' }).click();
      await page.waitForURL(/notice=saved/);
      await expect(page.getByRole('heading', { name: 'Now: 16' }).count()).resolves.toBe(1);
      await expect(page.getByRole('status').textContent()).resolves.toContain('is now 16');
      await page.setViewportSize(PHONE);
      await expectNoHorizontalScroll(page);
    });
    expect((await api.officer.agent.get('/api/v1/agency/risk-appetite').expect(200)).body).toEqual({
      residualThreshold: 16,
    });
    expect((await register()).appetite).toBe(16);
    const [entry] = await audited('agency.risk-appetite-set');
    expect(entry.after).toEqual({ residualThreshold: 16, reason: 'Board decision of 3 December 2026.' });

    // Officers hold `risk.appetite` too and find it from the register; evaluators neither see nor open it.
    await onPage('officer', 'risk-appetite-officer', async (page) => {
      await page.goto(`${baseUrl}/cases/${caseId}/risk-register`);
      await page.getByRole('link', { name: 'change the agency’s risk appetite' }).click();
      await page.waitForURL(`${baseUrl}/admin/risk-appetite`);
      await expectNoHorizontalScroll(page);
    });
    const evaluatorHome = await api.eve.agent.get('/cases').expect(200);
    expect(evaluatorHome.text).not.toContain('href="/admin/risk-appetite"');
    await api.eve.agent.get('/admin/risk-appetite').expect(403);
  });
});
