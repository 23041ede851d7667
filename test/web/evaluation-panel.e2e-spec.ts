/// <reference lib="dom" />
import { INestApplication } from '@nestjs/common';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { CasesService, EvidenceService, ProviderInvitesService, ResponsesService } from '@probity/cases';
import { answersAtQuality, DEMO_PROVIDERS, DEMO_SCOPE, demoCase, demoEvidencePdf } from '@probity/demo';
import { CaseAccess, ConflictDeclarationsService, ScoringWorkspaceService } from '@probity/evaluation';
import { IdentityService, StaffPrincipal } from '@probity/identity';
import { QuestionnaireDefinition } from '@probity/questionnaires';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { expectAccessible, expectNoHorizontalScroll, launchChromium, screenshotOnFailure } from '../support/browser';
import { serveOnLoopback } from '../support/tender-http';

const PASSWORD = 'panel browser passphrase';

/** An evaluator scores with the keyboard on a phone-sized screen; the officer moderates; axe checks every page. */
describe('evaluation panel pages in a real browser', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let browser: Browser;
  let baseUrl: string;
  let caseId: string;
  let northwindId: string;
  let flaggedQuestion: string;

  async function signedIn(email: string, width = 360): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(`${baseUrl}/cases`);
    return { context, page };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApp(servicesTestConfig(database.url));
    baseUrl = await serveOnLoopback(app);

    const identity = app.get(IdentityService);
    const agency = await identity.createAgency('Politie (panel browser test)');
    const create = (email: string, name: string, role: 'procurement_officer' | 'evaluator') =>
      identity.createStaffUser({ agencyId: agency.id, email, name, role, password: PASSWORD });
    await create('officer@politie.example', 'Olga Officer', 'procurement_officer');
    const eva = await create('eva@politie.example', 'Eva Evaluator', 'evaluator');
    const ben = await create('ben@politie.example', 'Ben Evaluator', 'evaluator');

    const cases = app.get(CasesService);
    const created = await cases.createCase(agency.id, demoCase(new Date()));
    caseId = created.id;
    await cases.setPanel(agency.id, caseId, [
      { userId: eva.id, role: 'evaluator' },
      { userId: ben.id, role: 'evaluator' },
    ]);
    await cases.transition(caseId, 'open');
    const definition = created.questionnaireDefinition as QuestionnaireDefinition;
    const northwind = DEMO_PROVIDERS.find((p) => p.invite.organisationName === 'Northwind Vision Analytics')!;
    const { response } = await app.get(ProviderInvitesService).inviteProvider(caseId, northwind.invite);
    northwindId = response.id;
    await app
      .get(ResponsesService)
      .saveAnswers(
        northwindId,
        { ...DEMO_SCOPE, ...answersAtQuality(definition, northwind.quality, northwind.overrides) },
        0,
      );
    for (const file of northwind.evidence)
      await app
        .get(EvidenceService)
        .addEvidence(northwindId, file.questionName, file.fileName, await demoEvidencePdf(file.fileName, file.content));
    await app.get(ResponsesService).submit(northwindId);
    await cases.transition(caseId, 'closed');

    // Ben has already scored and submitted, generously: the first question will be flagged.
    const scoring = app.get(ScoringWorkspaceService);
    const benPrincipal: StaffPrincipal = {
      userId: ben.id,
      agencyId: agency.id,
      role: 'evaluator',
      email: ben.email,
      name: ben.name,
      sessionId: 'test',
    };
    // As the routes do: the access policy grants the case, then the service acts on it.
    const access = app.get(CaseAccess);
    const seat = (await access.requireAccess(benPrincipal, 'panel.declare', { caseId })).procurementCase;
    await app.get(ConflictDeclarationsService).declare(benPrincipal, seat, false, 'I have no conflict of interest.');
    const found = (await access.requireAccess(benPrincipal, 'response.score', { caseId })).procurementCase;
    const questions = (await scoring.workspace(benPrincipal, found, northwindId)).questions;
    flaggedQuestion = questions[0].title;
    for (const question of questions)
      await scoring.recordScore(benPrincipal, found, northwindId, question.questionName, 4, 'Fully convincing.');
    await scoring.submitScores(benPrincipal, found, northwindId);

    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  it('the evaluator finds the case from the navigation and must declare before seeing anything', async () => {
    const { page } = await signedIn('eva@politie.example');
    await screenshotOnFailure(page, 'panel-declaration', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My evaluations' }).click();
      await page.waitForURL(`${baseUrl}/evaluations`);
      await expectAccessible(page);
      await page.getByRole('link', { name: /PROC-/ }).click();
      await page.waitForURL(`${baseUrl}/cases/${caseId}/evaluation`);
      await expect(page.getByRole('heading', { name: 'Declare any conflict of interest' }).count()).resolves.toBe(1);
      expect(await page.content()).not.toContain('Northwind');
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);

      // Submitting nothing announces both problems and marks the fields invalid.
      await page.getByRole('button', { name: 'Record my declaration' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForLoadState();
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Say whether.*Write your declaration/s);
      await expect(page.getByLabel(/^Declaration/).getAttribute('aria-invalid')).resolves.toBe('true');
      await expectAccessible(page);

      await page.getByLabel('No, I have no conflict of interest').focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.type('I have no link with any provider in this procurement.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/notice=declared/);
      await expect(page.getByRole('status').first().textContent()).resolves.toContain('declaration is recorded');
      await expect(page.getByRole('table', { name: /Submitted responses/ }).textContent()).resolves.toContain(
        'Northwind Vision Analytics',
      );
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });
  });

  it('the evaluator scores every question with the keyboard on a 360 px screen and submits', async () => {
    const { page } = await signedIn('eva@politie.example');
    await screenshotOnFailure(page, 'panel-scoring', async () => {
      await page.goto(`${baseUrl}/cases/${caseId}/evaluation`);
      await page.getByRole('link', { name: 'Northwind Vision Analytics' }).click();
      await page.waitForURL(/\/evaluation\/responses\//);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Question 1 of \d+/);
      const total = Number(/of (\d+)/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')![1]);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);

      // Saving without a score or justification is refused and announced.
      await page.getByRole('button', { name: 'Save score and continue' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForLoadState();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Choose a score from 0 to 4');
      await expect(page.getByLabel(/^Justification/).getAttribute('aria-invalid')).resolves.toBe('true');
      await expectAccessible(page);

      for (let number = 1; number <= total; number++) {
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          `Question ${number} of ${total}`,
        );
        // Each scale point is a radio with its descriptor; arrow keys move along the scale.
        const first = page.getByRole('radio', { name: /^0 – Unacceptable/ });
        await expect(first.getAttribute('aria-describedby')).resolves.toBe('score-0-descriptor');
        await first.focus();
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowDown');
        await expect(page.getByRole('radio', { name: /^1 – Poor/ }).isChecked()).resolves.toBe(true);
        await page.keyboard.press('Tab');
        await page.keyboard.type(`Answer ${number} names safeguards but gives no evidence of them working.`);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.waitForURL(new RegExp(`question=${number < total ? number + 1 : 'review'}$`));
      }

      await expect(page.getByLabel(/Your progress/).getAttribute('value')).resolves.toBe(String(total));
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      // Ben submitted already, yet his scores stay hidden until Eva submits hers.
      expect(await page.content()).not.toContain('Fully convincing.');
      await page.getByRole('button', { name: /Submit my scores/ }).focus();
      await page.keyboard.press('Enter');
      // Scores become final, so a dialog asks first; its focus starts on Cancel, the confirmation is before it.
      await expect(page.getByRole('dialog').textContent()).resolves.toContain('Submitted scores are final');
      await expectAccessible(page);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/notice=submitted/);
      await expect(page.getByRole('status').first().textContent()).resolves.toContain('scores are submitted');
      await expect(page.getByRole('table', { name: /other evaluators/ }).textContent()).resolves.toContain(
        'Ben Evaluator: 4 — Fully convincing.',
      );
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });
  });

  it('the officer sees the disagreement highlighted and records a consensus from the keyboard', async () => {
    const { page } = await signedIn('officer@politie.example', 1280);
    await screenshotOnFailure(page, 'panel-moderation', async () => {
      await page.goto(`${baseUrl}/cases/${caseId}`);
      await page.getByRole('link', { name: 'Moderation of panel scores' }).click();
      await page.waitForURL(`${baseUrl}/cases/${caseId}/moderation`);
      await expectAccessible(page);
      const flagged = page.locator('article.disagreement').first();
      await expect(flagged.getByRole('heading', { level: 3 }).textContent()).resolves.toBe(flaggedQuestion);
      await expect(flagged.textContent()).resolves.toContain('Large disagreement');
      await expect(flagged.getByRole('table').textContent()).resolves.toMatch(/Eva Evaluator\s*1/);

      // Without a reason nothing is recorded, and the form says why.
      await flagged.getByRole('radio', { name: /^3 – Good/ }).focus();
      await page.keyboard.press('Space');
      await flagged.getByRole('button', { name: /Record consensus/ }).focus();
      await page.keyboard.press('Enter');
      await page.waitForLoadState();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Record the reason');
      await expectAccessible(page);

      const again = page.locator('article.disagreement').first();
      await expect(again.getByRole('radio', { name: /^3 – Good/ }).isChecked()).resolves.toBe(true);
      await again.getByLabel('Reason for the consensus score').focus();
      await page.keyboard.type('Discussed at the panel meeting: safeguards exist, evidence is partial.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL(/notice=moderated/);
      await expect(page.getByText('Consensus: 3 – Good').count()).resolves.toBe(1);
      await expectAccessible(page);
      await page.setViewportSize({ width: 360, height: 800 });
      await expectNoHorizontalScroll(page);
    });
  });
});
