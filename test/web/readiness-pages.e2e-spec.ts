/// <reference lib="dom" />
import { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { CasesService, ProcurementCase } from '@probity/cases';
import { READINESS_ITEMS } from '@probity/readiness';
import { phonePagesForSuite } from '../support/phone-pages';
import {
  expectAccessible,
  expectFormRefusal,
  expectNoHorizontalScroll,
  expectRefusalKeptOnReload,
  screenshotOnFailure,
} from '../support/browser';

const PASSWORD = 'readiness pages passphrase';

/** Runs a check on a page of the shared officer context and closes only that page. */
const checkPage = (page: Page, name: string, check: () => Promise<void>) =>
  screenshotOnFailure(page, name, check, () => page.close());

/**
 * The agency's readiness checklist after award: items recorded on a phone with the keyboard, refusals
 * explained with what was typed kept, and the post-award step into use refused (409, with the open
 * items) until every mandatory item is done.
 */
describe('agency readiness and the step into use (pages and API)', () => {
  const world = phonePagesForSuite(
    'Politie Nederland (readiness pages)',
    [
      { email: 'officer@readiness.example', name: 'Olivia Officer', role: 'procurement_officer' },
      { email: 'mark@readiness.example', name: 'Mark Monitor', role: 'procurement_officer' },
    ],
    PASSWORD,
    'NL-READY-1',
    // The tender itself is covered elsewhere: this suite starts from an awarded case.
    ({ app, caseId }) =>
      app.get(DataSource).getRepository(ProcurementCase).update(caseId, { status: 'awarded' }).then(),
  );

  it('records an item with the keyboard on a phone and explains a refused one, keeping what was typed', async () => {
    const page = await world.phone.newPage();
    await checkPage(page, 'readiness-page', async () => {
      await page.goto(`${world.baseUrl}/cases/${world.caseId}`);
      await page.getByRole('link', { name: 'Agency readiness' }).click();
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      const dpia = page.locator('#item-dpia');
      await dpia.getByLabel('Status').selectOption({ label: 'Done' });
      await dpia.getByLabel('Owner').fill('Data-protection officer');
      await dpia.getByLabel('Due date').fill('2027-01-15');
      await dpia.getByRole('button', { name: /^Save/ }).click();
      await page.waitForLoadState();
      const kept = async () => {
        const item = page.locator('#item-dpia');
        await expectFormRefusal(page, item.getByLabel('Evidence'), 'Record the evidence before closing');
        expect(await item.getByLabel('Status').inputValue()).toBe('done');
        expect(await item.getByLabel('Owner').inputValue()).toBe('Data-protection officer');
        expect(await item.getByLabel('Due date').inputValue()).toBe('2027-01-15');
      };
      await expectRefusalKeptOnReload(page, 422, kept);

      await page.locator('#item-dpia').getByLabel('Evidence').focus();
      await page.keyboard.type('DPIA-2026-17, DPO opinion of 1 December.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/notice=saved/);
      await expect(page.locator('#item-dpia').textContent()).resolves.toContain('Status: Done');
      await expect(page.getByText(/mandatory items are still open/).textContent()).resolves.toContain(
        '7 mandatory items',
      );
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });
  });

  it('refuses the step into use on the readiness page itself (409), listing the open items', async () => {
    const page = await world.phone.newPage();
    await checkPage(page, 'readiness-refused-use', async () => {
      await page.goto(`${world.baseUrl}/cases/${world.caseId}/readiness`);
      await page.getByLabel(/The agency is ready to use the system/).check();
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Put the system into use' }).click(),
      ]);
      expect(answer.status()).toBe(409);
      await page.waitForLoadState();
      // The page it was taken from, not the POST address (a reload or a shared link stays on the checklist).
      expect(new URL(page.url()).pathname).toBe(`/cases/${world.caseId}/readiness`);
      const { openMandatory } = (await world.api.agent.get(`/api/v1/cases/${world.caseId}/readiness`).expect(200)).body;
      const alert = await page.getByRole('alert').textContent();
      expect(alert).toContain(`${openMandatory.length} mandatory readiness items are still open`);
      expect(alert).toContain('The system was not put into use');
      expect(alert).toContain('Logs kept for at least six months (AI Act Art. 26(6)): not started.');
      // Each open item links to its form on the page.
      await page
        .getByRole('alert')
        .getByRole('link', { name: /^Logs kept for at least six months/ })
        .click();
      expect(new URL(page.url()).hash).toMatch(/^#item-/);
      await expect(page.locator(new URL(page.url()).hash).getByLabel('Owner').count()).resolves.toBe(1);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Is the agency ready to use this system?',
      );
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });
    expect((await world.app.get(CasesService).getCase(world.caseId)).status).toBe('awarded');
  });

  it('refuses the step into use with the open items (409) until every mandatory item is done', async () => {
    const refused = await world.api.agent
      .post(`/api/v1/cases/${world.caseId}/ready-for-use`)
      .set('x-csrf-token', world.api.csrf)
      .expect(409);
    expect(refused.body.message[0]).toContain('7 mandatory readiness items are still open');
    expect(refused.body.message).toContain('Logs kept for at least six months (AI Act Art. 26(6)): not started.');
    // The plain status route cannot skip the check either.
    await world.api.agent
      .post(`/api/v1/cases/${world.caseId}/transitions`)
      .set('x-csrf-token', world.api.csrf)
      .send({ to: 'in_use' })
      .expect((response) => expect([409, 422]).toContain(response.status));

    await world.api.agent
      .put(`/api/v1/cases/${world.caseId}/fria`)
      .set('x-csrf-token', world.api.csrf)
      .send({ headings: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => [key, `Heading ${key}.`])) })
      .expect(200);
    for (const item of READINESS_ITEMS.filter((i) => i.key !== 'budget-skills' && i.key !== 'dpia'))
      await world.api.agent
        .put(`/api/v1/cases/${world.caseId}/readiness`)
        .set('x-csrf-token', world.api.csrf)
        .send({ key: item.key, status: 'done', owner: 'Olivia Officer', evidence: `Evidence for ${item.key}` })
        .expect(200);
    const checklist = await world.api.agent.get(`/api/v1/cases/${world.caseId}/readiness`).expect(200);
    expect(checklist.body.openMandatory).toEqual([]);

    const page = await world.phone.newPage();
    await checkPage(page, 'readiness-into-use', async () => {
      await page.goto(`${world.baseUrl}/cases/${world.caseId}/readiness`);
      await page.getByRole('button', { name: 'Put the system into use' }).click();
      await page.waitForLoadState();
      await expectFormRefusal(
        page,
        page.getByLabel(/The agency is ready to use the system/),
        'Tick the confirmation that the agency is ready to use the system.',
      );
      await page.getByLabel(/The agency is ready to use the system/).check();
      await page.getByRole('button', { name: 'Put the system into use' }).click();
      await page.waitForURL(/notice=in-use/);
      await expect(page.getByText('The system is in use.').count()).resolves.toBeGreaterThan(0);
    });
    expect((await world.app.get(CasesService).getCase(world.caseId)).status).toBe('in_use');
  });

  it('starts post-award monitoring and shows overdue checks on the case page', async () => {
    const page = await world.phone.newPage();
    await checkPage(page, 'monitoring-page', async () => {
      await page.goto(`${world.baseUrl}/cases/${world.caseId}`);
      await page.getByRole('link', { name: 'Post-award monitoring' }).first().click();
      await page.getByRole('button', { name: 'Start monitoring' }).click();
      await page.waitForURL(/notice=started/);
      await expect(page.getByText('No check is overdue.').count()).resolves.toBe(1);
      // The officer hands the first check to a colleague, who is then the one reminded.
      const firstCheck = page.locator('.monitoring-checks > li').first();
      await firstCheck.getByLabel(/^Owner of/).selectOption({ label: 'Mark Monitor' });
      await firstCheck.getByRole('button', { name: /^Change the owner/ }).click();
      await page.waitForURL(/notice=owner/);
      await expect(page.locator('.monitoring-checks > li').first().textContent()).resolves.toContain(
        'owner Mark Monitor',
      );
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);

      // Mark leaves while the page is open: handing him the second check is refused beside its owner field.
      const second = page.locator('.monitoring-checks > li').nth(1);
      await second.getByLabel(/^Owner of/).selectOption({ label: 'Mark Monitor' });
      await world.app
        .get(DataSource)
        .query(`UPDATE staff_users SET disabled_at = now() WHERE email = 'mark@readiness.example'`);
      await second.getByRole('button', { name: /^Change the owner/ }).click();
      await page.waitForLoadState();
      await expectRefusalKeptOnReload(page, 422, () =>
        expectFormRefusal(
          page,
          page
            .locator('.monitoring-checks > li')
            .nth(1)
            .getByLabel(/^Owner of/),
          'Choose an active member of your agency’s staff.',
        ),
      );
      await world.app
        .get(DataSource)
        .query(`UPDATE staff_users SET disabled_at = NULL WHERE email = 'mark@readiness.example'`);
    });
    const schedule = await world.api.agent.get(`/api/v1/cases/${world.caseId}/monitoring`).expect(200);
    expect(schedule.body.checks[0].owner).toBe('Mark Monitor');
    expect(schedule.body.checks[1].owner).toBe('Olivia Officer');
    await world.api.agent
      .post(`/api/v1/cases/${world.caseId}/monitoring/owner`)
      .set('x-csrf-token', world.api.csrf)
      .send({ checkId: schedule.body.checks[1].id, ownerId: 'nobody' })
      .expect(422);
    expect(schedule.body.checks.filter((c: { kind: string }) => c.kind === 'incident-reporting')).toHaveLength(12);
    await world.api.agent
      .post(`/api/v1/cases/${world.caseId}/monitoring`)
      .set('x-csrf-token', world.api.csrf)
      .expect(409);

    // A month later (the check's due day moved into the past): overdue on the case page until done.
    const first = schedule.body.checks[0] as { id: string; title: string };
    await world.app
      .get(DataSource)
      .query(`UPDATE monitoring_checks SET due_on = CURRENT_DATE - 3 WHERE id = $1`, [first.id]);
    const casePage = await world.phone.newPage();
    await checkPage(casePage, 'case-overdue', async () => {
      await casePage.goto(`${world.baseUrl}/cases/${world.caseId}`);
      const overdue = casePage.getByRole('region', { name: /Overdue monitoring checks \(1\)/ });
      await expect(overdue.textContent()).resolves.toContain(first.title);
      await expectNoHorizontalScroll(casePage);
    });
    await world.api.agent
      .post(`/api/v1/cases/${world.caseId}/monitoring/done`)
      .set('x-csrf-token', world.api.csrf)
      .send({ checkId: first.id })
      .expect(200);
    const after = await world.api.agent.get(`/api/v1/cases/${world.caseId}/monitoring`).expect(200);
    expect(after.body.overdue).toEqual([]);
  });
});
