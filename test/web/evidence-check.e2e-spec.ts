/// <reference lib="dom" />
import { INestApplication } from '@nestjs/common';
import { Browser, Page } from 'playwright-core';
import { CasesService, EvidenceService, ProviderInvitesService, ResponsesService } from '@probity/cases';
import { answersAtQuality, DEMO_PROVIDERS, demoCase, demoEvidencePdf } from '@probity/demo';
import { EvaluationResultsService, PanelService, StoredFindings } from '@probity/evaluation';
import { QuestionnaireDefinition } from '@probity/questionnaires';
import type { ScoreSheet } from '@probity/scoring';
import { waitFor } from '@probity/testing';
import { expectAccessible, expectNoHorizontalScroll, launchChromium, withBrowserPage } from '../support/browser';
import { agencyWithStaff, E2eApp, signInWithBrowser, startE2eApp } from '../support/e2e-app';
import { signInHeaders } from '../support/tender-http';

const PASSWORD = 'evidence check passphrase';
const EVALUATOR_EMAIL = 'eva@evidence.example';
const CLAIM = 'fair_bias_testing';

/**
 * The panel's "evidence supports the claim" step in a real browser, with the worker scoring: an
 * evaluator records a verdict with the keyboard on a 390 px screen, and the response is re-scored
 * with it. The page speaks en/fr/es/ar (right to left) and passes axe in each.
 */
describe('the evidence check page (real PostgreSQL, Redis, worker and Chromium)', () => {
  let stack: E2eApp | undefined;
  let app: INestApplication;
  let browser: Browser;
  let baseUrl: string;
  let caseId: string;
  let responseId: string;
  let pagePath: string;

  beforeAll(async () => {
    stack = await startE2eApp({ worker: true, serve: true });
    ({ app, baseUrl } = stack);
    const { agencyId, idByEmail } = await agencyWithStaff(
      app,
      'Politie (evidence check test)',
      [{ email: EVALUATOR_EMAIL, name: 'Eva Evaluator', role: 'evaluator' }],
      PASSWORD,
    );
    const eva = { id: idByEmail[EVALUATOR_EMAIL] };
    const cases = app.get(CasesService);
    const created = await cases.createCase(agencyId, demoCase(new Date()));
    caseId = created.id;
    await cases.setPanel(agencyId, caseId, [{ userId: eva.id, role: 'evaluator' }]);
    await cases.transition(caseId, 'open');
    const definition = created.questionnaireDefinition as QuestionnaireDefinition;
    const northwind = DEMO_PROVIDERS.find((p) => p.invite.organisationName === 'Northwind Vision Analytics')!;
    const { response } = await app.get(ProviderInvitesService).inviteProvider(caseId, northwind.invite);
    responseId = response.id;
    const answers = answersAtQuality(definition, northwind.quality, northwind.overrides);
    await app.get(ResponsesService).saveAnswers(responseId, answers, 0);
    for (const file of northwind.evidence)
      await app
        .get(EvidenceService)
        .addEvidence(responseId, file.questionName, file.fileName, await demoEvidencePdf(file.fileName, file.content));
    await app.get(ResponsesService).submit(responseId);
    await cases.transition(caseId, 'closed');
    await app.get(PanelService).declareConflict(caseId, eva.id, false, 'I have no conflict of interest.');
    await cases.transition(caseId, 'evaluation');
    await waitFor(async () => (await app.get(EvaluationResultsService).latestScore(responseId)) ?? null, 120_000, 250);
    pagePath = `/cases/${caseId}/evaluation/responses/${responseId}/evidence-check`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const signIn = (page: Page) => signInWithBrowser(page.context(), baseUrl, EVALUATOR_EMAIL, PASSWORD);

  it('records a verdict with the keyboard on a 390 px screen, and the response is re-scored with it', async () => {
    const results = app.get(EvaluationResultsService);
    const before = (await results.latestScore(responseId))!;
    expect((before.findings as StoredFindings).evidenceConfirmations).toBeUndefined();
    const claimBefore = (before.sheet as ScoreSheet).questions.find((q) => q.questionName === CLAIM)!;
    // Attached but not yet confirmed: the claim earns nothing for now.
    expect(claimBefore).toMatchObject({ evidence: 'awaiting-confirmation', points: 0 });

    await withBrowserPage(browser, 'evidence-check', { width: 390 }, async (page) => {
      await signIn(page);
      // The workspace leads to the step.
      await page.goto(`${baseUrl}/cases/${caseId}/evaluation/responses/${responseId}`);
      await page.getByRole('link', { name: /Evidence check/ }).click();
      await page.waitForURL(`${baseUrl}${pagePath}`);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      const claim = page.locator(`#claim-${CLAIM}`);
      await expect(claim.getByRole('link', { name: 'independent-bias-audit-2026.pdf' }).count()).resolves.toBe(1);
      await expect(claim.textContent()).resolves.toContain('Not checked yet');

      // Saving without a verdict or note is refused beside the claim, announced, and nothing is stored.
      await claim.getByRole('button', { name: 'Save verdict' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForLoadState();
      await expect(page.locator(`#claim-${CLAIM}`).getByRole('alert').textContent()).resolves.toMatch(
        /Say whether the evidence supports the answer.*short note/s,
      );
      await expectAccessible(page);

      const form = page.locator(`#claim-${CLAIM}`);
      await form.getByLabel('The evidence supports the answer', { exact: true }).focus();
      await page.keyboard.press('Space');
      // A radio group is one tab stop: the next is the note.
      await page.keyboard.press('Tab');
      await page.keyboard.type('Independent audit with results per group at the operating threshold.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/notice=saved/);
      await expect(page.getByRole('status').first().textContent()).resolves.toContain('re-scored');
      await expect(page.locator(`#claim-${CLAIM}`).textContent()).resolves.toContain(
        'Your verdict: The evidence supports the answer',
      );
      await expectNoHorizontalScroll(page);
    });

    // The worker re-scores the response with the verdict: a new score whose input includes it.
    const rescored = await waitFor(
      async () => {
        const latest = await results.latestScore(responseId);
        return latest && latest.id !== before.id ? latest : null;
      },
      120_000,
      250,
    );
    expect(rescored.inputHash).not.toBe(before.inputHash);
    expect((rescored.findings as StoredFindings).evidenceConfirmations).toEqual([
      { questionName: CLAIM, confirmed: true, supports: 1, doesNotSupport: 0 },
    ]);
    // Confirmed: the claim now earns the points its answer claims, and the response scores higher.
    const sheet = rescored.sheet as ScoreSheet;
    const claimAfter = sheet.questions.find((q) => q.questionName === CLAIM)!;
    expect(claimAfter.evidence).toBe('confirmed');
    expect(claimAfter.points).toBeGreaterThan(0);
    expect(sheet.awaitingEvidenceConfirmation ?? []).not.toContain(CLAIM);
    expect(rescored.overall).toBeGreaterThan(before.overall as number);
  });

  it.each([
    ['fr', 'ltr', 'Vérification des preuves'],
    ['es', 'ltr', 'Comprobación de pruebas'],
    ['ar', 'rtl', 'التحقق من الأدلة'],
  ])('speaks %s (%s) and passes axe', async (lang, dir, heading) => {
    await withBrowserPage(browser, `evidence-check-${lang}`, { width: 390 }, async (page) => {
      await signIn(page);
      await page.goto(`${baseUrl}${pagePath}?lang=${lang}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(heading);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe(dir);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });
  });

  it('answers the JSON API under the same policy: 404 for an answer that is no claim, 400 for a bad verdict', async () => {
    const headers = {
      ...(await signInHeaders(app, 'eva@evidence.example', PASSWORD)),
      'content-type': 'application/json',
    };
    const put = (question: string, body: unknown) =>
      fetch(`${baseUrl}/api/v1/cases/${caseId}/responses/${responseId}/evidence-confirmations/${question}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify(body),
      });
    expect((await put(CLAIM, { verdict: 'maybe', note: 'x' })).status).toBe(400);
    // An answer that needs no evidence is no claim to confirm (a claim without files is 422: see the service spec).
    expect((await put('law_misuse', { verdict: 'supports', note: 'Not a claim.' })).status).toBe(404);
    const listed = await fetch(`${baseUrl}/api/v1/cases/${caseId}/responses/${responseId}/evidence-confirmations`, {
      headers,
    });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { claims: Array<{ questionName: string; own: unknown }> };
    expect(body.claims.find((c) => c.questionName === CLAIM)?.own).toMatchObject({ verdict: 'supports' });
  });
});
