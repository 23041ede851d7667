/// <reference lib="dom" />
import { phonePagesForSuite } from '../support/phone-pages';
import { Agent, signIn } from '../support/tender-http';
import {
  expectAccessible,
  expectFormRefusal,
  expectNoHorizontalScroll,
  expectRefusalKeptOnReload,
  screenshotOnFailure,
} from '../support/browser';

const PASSWORD = 'fria pages passphrase';

/**
 * The agency writes its own FRIA: six headings and a consultation record, on a 390 px phone with the
 * keyboard, refused input kept and explained; the JSON API says the same; an evaluator cannot write it.
 */
describe('the FRIA the agency writes (pages and API)', () => {
  let evaluatorApi: { agent: Agent; csrf: string };
  const world = phonePagesForSuite(
    'Politie Nederland (FRIA pages)',
    [
      { email: 'officer@fria.example', name: 'Olivia Officer', role: 'procurement_officer' },
      { email: 'evaluator@fria.example', name: 'Evert Evaluator', role: 'evaluator' },
    ],
    PASSWORD,
    'NL-FRIA-1',
    async ({ app }) => {
      evaluatorApi = await signIn(app, 'evaluator@fria.example', PASSWORD);
    },
  );

  it('lets the officer write the headings and record a consultation with the keyboard on a phone', async () => {
    const page = await world.phone.newPage();
    await screenshotOnFailure(page, 'fria-page', async () => {
      await page.goto(`${world.baseUrl}/cases/${world.caseId}`);
      await page.getByRole('link', { name: 'Fundamental rights impact assessment' }).click();
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      const b = page.getByLabel(/^\(b\) The period of time/);
      await b.focus();
      await page.keyboard.type('Each serious case from 2027 for four years, on demand.');
      await page.getByRole('button', { name: 'Save the assessment' }).press('Enter');
      await page.waitForURL(/notice=saved/);
      await expect(page.getByRole('status').first().textContent()).resolves.toContain('The FRIA headings are saved.');
      expect(await page.getByLabel(/^\(b\) The period of time/).inputValue()).toBe(
        'Each serious case from 2027 for four years, on demand.',
      );

      // A consultation dated in the future is refused with the reason, and what was typed is kept.
      await page.getByLabel('Who was consulted').selectOption({ label: 'Civil society' });
      await page.getByLabel('Organisation or person').fill('Rights Watch NL');
      await page.getByLabel('Date of the consultation').fill('2099-01-01');
      await page.getByLabel('What was said').fill('Bystanders appear in the footage.');
      await page.getByLabel('What the agency changed as a result').fill('Bystanders are blurred.');
      await page.getByRole('button', { name: 'Record the consultation' }).click();
      await page.waitForLoadState();
      const kept = async () => {
        await expectFormRefusal(
          page,
          page.getByLabel('Date of the consultation'),
          'Record a consultation once it has taken place: its date is in the future.',
        );
        expect(await page.getByLabel('Who was consulted').inputValue()).toBe('civil-society');
        expect(await page.getByLabel('Organisation or person').inputValue()).toBe('Rights Watch NL');
        expect(await page.getByLabel('Date of the consultation').inputValue()).toBe('2099-01-01');
        expect(await page.getByLabel('What was said').inputValue()).toBe('Bystanders appear in the footage.');
        expect(await page.getByLabel('What the agency changed as a result').inputValue()).toBe(
          'Bystanders are blurred.',
        );
      };
      await expectRefusalKeptOnReload(page, 422, kept);
      await page.getByLabel('Date of the consultation').fill('2026-11-20');
      await page.getByRole('button', { name: 'Record the consultation' }).click();
      await page.waitForURL(/notice=consulted/);
      const table = page.getByRole('table', { name: 'Who the agency consulted, what they said and what changed' });
      await expect(table.textContent()).resolves.toContain('Rights Watch NL');
      await expect(table.textContent()).resolves.toContain('Bystanders are blurred.');
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });
  });

  it('serves the same FRIA as JSON, writes headings through the API, and refuses bad input with a 4xx', async () => {
    const shown = await world.api.agent.get(`/api/v1/cases/${world.caseId}/fria`).expect(200);
    expect(shown.body.headings.map((h: { key: string }) => h.key)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(shown.body.headings[1]).toMatchObject({ text: 'Each serious case from 2027 for four years, on demand.' });
    expect(shown.body.headings[2]).toMatchObject({ text: null, writtenBy: null });
    expect(shown.body.consultations).toHaveLength(1);

    const written = await world.api.agent
      .put(`/api/v1/cases/${world.caseId}/fria`)
      .set('x-csrf-token', world.api.csrf)
      .send({ headings: { c: 'Suspects, victims and bystanders filmed in public space.' } })
      .expect(200);
    expect(written.body.headings[2]).toMatchObject({ writtenBy: 'Olivia Officer' });
    await world.api.agent
      .put(`/api/v1/cases/${world.caseId}/fria`)
      .set('x-csrf-token', world.api.csrf)
      .send({ headings: 'x' })
      .expect(422);
    await world.api.agent
      .put(`/api/v1/cases/${world.caseId}/fria`)
      .set('x-csrf-token', world.api.csrf)
      .send({ headings: { z: 'x' } })
      .expect(404);
    const refused = await world.api.agent
      .post(`/api/v1/cases/${world.caseId}/fria/consultations`)
      .set('x-csrf-token', world.api.csrf)
      .send({ group: 'press' })
      .expect(422);
    expect(refused.body.message).toEqual(expect.arrayContaining([expect.stringContaining('Choose who was consulted')]));
    await evaluatorApi.agent
      .put(`/api/v1/cases/${world.caseId}/fria`)
      .set('x-csrf-token', evaluatorApi.csrf)
      .send({ headings: { a: 'x' } })
      .expect(403);
    const after = await world.api.agent.get(`/api/v1/cases/${world.caseId}/fria`).expect(200);
    expect(after.body.headings[0].text).toBeNull();
  });
});
