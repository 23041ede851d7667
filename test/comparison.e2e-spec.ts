import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@probity/audit';
import { CasesService, ProcurementCase } from '@probity/cases';
import { demoCase } from '@probity/demo';
import { localised, QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import { Comparison, principleRadarChart } from '@probity/scoring';
import { waitFor } from '@probity/testing';
import { weightsAndPricesTests } from './comparison/weights-and-prices';
import { expectAccessible, expectNoHorizontalScroll, launchChromium } from './support/browser';
import { CHANGED, ComparisonCase, PUBLISHED, startComparisonCase } from './support/comparison-case';
import { eventBlocks, eventData } from './support/sse';

describe('comparison, weights and scoring progress over HTTP (real PostgreSQL and Redis)', () => {
  const world = {} as ComparisonCase;
  let app: NestExpressApplication;
  let caseId: string;
  const as = (who: string) => world.as(who);
  const getComparison = (who?: string) => world.getComparison(who);

  beforeAll(async () => {
    Object.assign(world, await startComparisonCase());
    ({ app, caseId } = world);
  });

  afterAll(async () => {
    await world.e2e?.close();
  });

  it('asks for a sign-in (401) and refuses a wrong role (403) or another agency (404)', async () => {
    const server = app.getHttpServer();
    await request(server).get(`/api/v1/cases/${caseId}/comparison`).expect(401);
    await request(server).get(`/api/v1/cases/${caseId}/scoring-progress`).expect(401);
    // Without a session there is no CSRF token either, and the CSRF check answers first.
    await request(server).put(`/api/v1/cases/${caseId}/weights`).send({ weights: CHANGED }).expect(403);
    const signedOut = await request(server).get(`/cases/${caseId}/comparison`).set('Accept', 'text/html').expect(303);
    expect(signedOut.headers.location).toBe('/login');

    await request(server)
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(as('evaluator'))
      .send({ weights: CHANGED })
      .expect(403);

    const foreign = await getComparison('stranger').expect(404);
    expect(foreign.body.message).toBe('No such case.');
    await request(server).get(`/api/v1/cases/${caseId}/scoring-progress`).set(as('stranger')).expect(404);
    await request(server).get(`/api/v1/cases/${caseId}/scoring-progress/stream`).set(as('stranger')).expect(404);
    await request(server)
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(as('stranger'))
      .send({ weights: CHANGED })
      .expect(404);
    await request(server).post(`/api/v1/cases/${caseId}/weights/lock`).set(as('stranger')).expect(404);
    const page = await request(server)
      .get(`/cases/${caseId}/comparison`)
      .set(as('stranger'))
      .set('Accept', 'text/html');
    expect(page.status).toBe(404);
    expect(page.text).toContain('Page not found');
    await request(server).get(`/api/v1/cases/${randomUUID()}/comparison`).set(as('officer')).expect(404);
  });

  it('counts scored submissions and reports no comparison before evaluation starts', async () => {
    const progress = await waitFor(async () => {
      const response = await request(app.getHttpServer())
        .get(`/api/v1/cases/${caseId}/scoring-progress`)
        .set(as('officer'))
        .expect(200);
      return response.body.scored === 3 ? response.body : null;
    });
    expect(progress).toEqual({
      submitted: 3,
      scored: 3,
      comparison: 'not_started',
      done: false,
      message: 'All 3 responses scored; the comparison runs when evaluation starts.',
    });
    // Automatic scores stay closed to the panel while responses are still coming in.
    await request(app.getHttpServer()).get(`/api/v1/cases/${caseId}/scoring-progress`).set(as('evaluator')).expect(403);

    const answer = await getComparison().expect(200);
    expect(answer.body).toMatchObject({ status: 'not_started', comparison: null, weightsLock: null });

    const page = await request(app.getHttpServer()).get(`/cases/${caseId}/comparison`).set(as('officer')).expect(200);
    expect(page.text).toContain('role="status" aria-live="polite"');
    expect(page.text).toContain(`data-progress-stream="/api/v1/cases/${caseId}/scoring-progress/stream"`);
    expect(page.text).toContain('<script src="/assets/scoring-progress.js" defer></script>');
    expect(page.text).toContain('There is no comparison for the current weights yet.');
    await request(app.getHttpServer()).get('/assets/scoring-progress.js').expect(200);
  });

  it('answers with the stored comparison once the case is in evaluation', async () => {
    const cases = app.get(CasesService);
    await cases.transition(caseId, 'closed');
    await cases.transition(caseId, 'evaluation');
    const ready = await waitFor(async () => {
      const response = await getComparison('evaluator').expect(200);
      return response.body.status === 'ready' ? response.body : null;
    });
    const comparison = ready.comparison as Comparison;
    expect(ready.progress).toMatchObject({ submitted: 3, scored: 3, done: true });
    expect(comparison.weights).toEqual(PUBLISHED);
    expect(comparison.ranked.map((p) => [p.name, p.rank])).toEqual([
      ['Northwind Vision Analytics', 1],
      ['Helios Forensic AI', 2],
    ]);
    expect(Object.keys(comparison.ranked[0].core).sort()).toEqual(Object.keys(PUBLISHED).sort());
    expect(Object.keys(comparison.ranked[0].instrumental).length).toBeGreaterThan(5);
    expect(comparison.disqualified).toEqual([
      expect.objectContaining({
        name: 'Blackbox Surveillance Ltd',
        knockouts: [
          expect.objectContaining({ ruleId: 'ko-no-audit-access' }),
          expect.objectContaining({ ruleId: 'ko-provenance-refused' }),
          expect.objectContaining({ ruleId: 'ko-no-stop' }),
        ],
      }),
    ]);
    expect(comparison.ranked[1].redFlags.map((f) => f.ruleId)).toContain('rf-no-disaggregated-results');
    expect(comparison.sensitivity.cases).toHaveLength(10);
    expect(ready.sensitivityStatement.length).toBeGreaterThan(0);

    const progress = await request(app.getHttpServer())
      .get(`/api/v1/cases/${caseId}/scoring-progress`)
      .set(as('officer'))
      .expect(200);
    expect(progress.body).toEqual({
      submitted: 3,
      scored: 3,
      comparison: 'ready',
      done: true,
      message: 'All 3 responses scored and compared.',
    });
  });

  it('streams the progress as Server-Sent Events and ends the stream once everything is compared', async () => {
    const response = await request(app.getHttpServer())
      .get(`/api/v1/cases/${caseId}/scoring-progress/stream`)
      .set(as('officer'))
      .buffer(true)
      .parse(eventBlocks())
      .expect(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    const events = response.body as string[];
    expect(events).toHaveLength(1);
    expect(events[0]).toContain('event: progress');
    const data = eventData(events[0]);
    expect(data).toMatchObject({ submitted: 3, scored: 3, comparison: 'ready', done: true });
  });

  it('renders the comparison page with accessible tables and the same SVG charts as the dossier', async () => {
    const { comparison } = (await getComparison().expect(200)).body as { comparison: Comparison };
    const page = await request(app.getHttpServer())
      .get(`/cases/${caseId}/comparison`)
      .set(as('legal'))
      .set('Accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('<caption id="core-caption">Ranked providers by core principle');
    expect(page.text).toContain('<th scope="col">Lawfulness</th>');
    expect(page.text).toContain('<th scope="row">Northwind Vision Analytics</th>');
    const northwind = comparison.ranked[0];
    const lawfulness = northwind.core.lawfulness as number;
    expect(page.text).toContain(`<td class="score score-`);
    expect(page.text).toMatch(
      new RegExp(`<td class="score score-(high|medium|low)">${String(Math.round(lawfulness * 10) / 10)}</td>`),
    );
    // The provider chart is byte-for-byte the one the dossier embeds (same function, same title).
    const chart = principleRadarChart(northwind.core, 'Northwind Vision Analytics: scores by core principle');
    expect(page.text).toContain(chart);
    expect(page.text).toContain('<svg xmlns="http://www.w3.org/2000/svg" role="img"');
    expect(page.text).toContain('Blackbox Surveillance Ltd');
    expect(page.text).toMatch(/Knock-out: [^<]+\(/);
    expect(page.text).toContain('Sensitivity of the ranking');
    // Missing evidence is named by the question's title as providers saw it, not its internal name.
    const definition = (await app.get(DataSource).getRepository(ProcurementCase).findOneByOrFail({ id: caseId }))
      .questionnaireDefinition as QuestionnaireDefinition;
    // The demo's winner attaches every file; the runner-up leaves some out.
    const missing = comparison.ranked.flatMap((provider) => provider.missingEvidence)[0];
    const title = localised(questionsOf(definition).find(({ question }) => question.name === missing)!.question.title);
    const handlebars: Record<string, string> = {
      '&': '&amp;',
      '<': '&lt;',
      '>': '&gt;',
      '"': '&quot;',
      "'": '&#x27;',
      '`': '&#x60;',
      '=': '&#x3D;',
    };
    expect(page.text).toContain(`<li>${title.replace(/[&<>"'`=]/g, (c) => handlebars[c])}</li>`);
    expect(page.text).not.toContain(`<li>${missing}</li>`);
    // Everything is compared: the page has nothing left to follow live.
    expect(page.text).not.toContain('scoring-progress.js');
    expect(page.text).not.toContain('data-progress-stream');
  });

  weightsAndPricesTests(world);

  it('streams each change of progress as it happens until the comparison is ready', async () => {
    const cases = app.get(CasesService);
    const input = { ...demoCase(new Date('2026-11-03T00:00:00Z')), reference: 'PROC-2026-LIVE' };
    const live = await cases.createCase(world.principals['officer'].agencyId, input);
    for (const status of ['open', 'closed'] as const) await cases.transition(live.id, status);

    const events: Array<Record<string, unknown>> = [];
    let started: Promise<unknown> | undefined;
    await request(app.getHttpServer())
      .get(`/api/v1/cases/${live.id}/scoring-progress/stream`)
      .set(as('officer'))
      .buffer(true)
      .parse(
        eventBlocks((block) => {
          events.push(eventData(block));
          // Evaluation starts only once the stream has reported the state before it.
          if (events.length === 1 && !started) started = cases.transition(live.id, 'evaluation');
        }),
      )
      .expect(200);
    await started;

    expect(events[0]).toEqual({
      submitted: 0,
      scored: 0,
      comparison: 'not_started',
      done: false,
      message: 'No responses submitted yet.',
    });
    expect(events[events.length - 1]).toMatchObject({ comparison: 'ready', done: true });
    for (let i = 1; i < events.length; i++) expect(events[i]).not.toEqual(events[i - 1]);
  });

  it('records weight changes, price records and the lock in the agency’s verifiable audit trail', async () => {
    const audit = app.get(AuditTrail);
    const agencyId = world.principals['officer'].agencyId;
    const entries = await audit.list(agencyId, { page: 1, pageSize: 100 });
    const actions = entries.items.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['case.weights-changed', 'response.price-recorded', 'case.weights-locked']),
    );
    const change = entries.items.find((entry) => entry.action === 'case.weights-changed');
    expect(change).toMatchObject({ actorType: 'staff', actorId: world.principals['officer'].userId });
    await expect(audit.verify(agencyId)).resolves.toMatchObject({ valid: true });
  });

  it('documents the new routes in the OpenAPI description', async () => {
    const document = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/cases/{caseId}/comparison',
        '/api/v1/cases/{caseId}/weights',
        '/api/v1/cases/{caseId}/weights/lock',
        '/api/v1/cases/{caseId}/scoring-progress',
      ]),
    );
  });

  it('works in a real browser: no serious axe-core violation, no sideways scroll at 360 px, live status', async () => {
    await app.listen(0, '127.0.0.1');
    const baseUrl = await app.getUrl();
    const browser = await launchChromium();
    try {
      for (const who of ['officer', 'evaluator']) {
        const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
        await context.addCookies(world.browserCookies(who, baseUrl));
        const page = await context.newPage();
        await page.goto(`${baseUrl}/cases/${caseId}/comparison`);
        await expectAccessible(page);
        await expectNoHorizontalScroll(page);
        await context.close();
      }

      // A case waiting for evaluation: the status line follows the stream once evaluation starts.
      const cases = app.get(CasesService);
      const input = { ...demoCase(new Date('2026-11-04T00:00:00Z')), reference: 'PROC-2026-BROWSER' };
      const waiting = await cases.createCase(world.principals['officer'].agencyId, input);
      for (const status of ['open', 'closed'] as const) await cases.transition(waiting.id, status);
      const context = await browser.newContext();
      await context.addCookies(world.browserCookies('officer', baseUrl));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${baseUrl}/cases/${waiting.id}/comparison`);
      const status = page.locator('#scoring-progress');
      expect(await status.textContent()).toBe('No responses submitted yet.');
      await cases.transition(waiting.id, 'evaluation');
      await page.waitForFunction(
        () => document.querySelector('#scoring-progress')?.textContent?.includes('nothing to compare'),
        undefined,
        { timeout: 20000 },
      );
      expect(await status.locator('a').getAttribute('href')).toBe(`/cases/${waiting.id}/comparison`);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
