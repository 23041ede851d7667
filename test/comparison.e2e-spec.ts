import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@probity/audit';
import { CasesService, ProcurementCase, ResponsesService } from '@probity/cases';
import { DEMO_AGENCY_NAME, demoCase, submitDemoResponses } from '@probity/demo';
import { PanelService, EvaluationResultsService } from '@probity/evaluation';
import { IdentityService } from '@probity/identity';
import { localised, QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import { locateBrowser } from '@probity/pdf-rendering';
import { Comparison, principleRadarChart } from '@probity/scoring';
import { waitFor } from '@probity/testing';
import { E2eApp, startE2eApp } from './support/e2e-app';
import { SessionHeaders, signedInStaff } from './support/staff-sessions';

const PASSWORD = 'comparison test passphrase';

const PUBLISHED = demoCase(new Date('2026-11-01T00:00:00Z')).criteriaWeights;
const CHANGED = {
  lawfulness: 10,
  'minimization-of-harm': 10,
  'human-autonomy': 10,
  fairness: 60,
  'good-governance': 10,
};

describe('comparison, weights and scoring progress over HTTP (real PostgreSQL and Redis)', () => {
  let e2e: E2eApp;
  let app: NestExpressApplication;
  let caseId: string;
  const principals: Record<string, { userId: string; agencyId: string }> = {};
  const sessions: Record<string, SessionHeaders> = {};
  const as = (who: string) => sessions[who];
  const browserCookies = (who: string, url: string) =>
    sessions[who].Cookie.split('; ').map((pair) => {
      const [name, ...value] = pair.split('=');
      return { name, value: value.join('='), url };
    });

  const getComparison = (who = 'officer') =>
    request(app.getHttpServer()).get(`/api/v1/cases/${caseId}/comparison`).set(as(who));

  beforeAll(async () => {
    // The api and worker as they run in services mode, sharing one queue prefix on the real Redis.
    e2e = await startE2eApp({ worker: true });
    app = e2e.app as NestExpressApplication;

    const identity = app.get(IdentityService);
    const agency = await identity.findOrCreateAgency(DEMO_AGENCY_NAME);
    const otherAgency = await identity.findOrCreateAgency('Another police service (test)');
    const staff = await signedInStaff(app, 'comparison.example', PASSWORD, [
      ['officer', agency.id, 'procurement_officer'],
      ['evaluator', agency.id, 'evaluator'],
      ['legal', agency.id, 'legal_reviewer'],
      ['stranger', otherAgency.id, 'procurement_officer'],
    ]);
    Object.assign(principals, staff.people);
    Object.assign(sessions, staff.sessions);

    const cases = app.get(CasesService);
    const created = await cases.createCase(agency.id, demoCase(new Date('2026-11-01T00:00:00Z')));
    caseId = created.id;
    // The evaluator and the legal reviewer read the comparison as the case's panel (the access policy).
    await cases.setPanel(agency.id, caseId, [
      { userId: principals['evaluator'].userId, role: 'evaluator' },
      { userId: principals['legal'].userId, role: 'legal_reviewer' },
    ]);
    await app.get(PanelService).declareConflict(caseId, principals['evaluator'].userId, false, 'No conflict.');
    // Set-up before publication changes the weights freely (and is audited); back to the published ones.
    for (const weights of [CHANGED, PUBLISHED])
      await request(app.getHttpServer())
        .put(`/api/v1/cases/${caseId}/weights`)
        .set(as('officer'))
        .send({ weights })
        .expect(200);
    await cases.transition(caseId, 'open');
    const definition = created.questionnaireDefinition as QuestionnaireDefinition;
    await submitDemoResponses(app, caseId, definition);
  });

  afterAll(async () => {
    await e2e?.close();
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
      .parse((res, callback) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => callback(null, text));
      })
      .expect(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    const events = (response.body as string).split('\n\n').filter((block) => block.includes('data:'));
    expect(events).toHaveLength(1);
    expect(events[0]).toContain('event: progress');
    const data = JSON.parse(
      events[0]
        .split('\n')
        .find((line) => line.startsWith('data: '))!
        .slice(6),
    );
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

  it('refuses invalid weights with every problem (422)', async () => {
    const response = await request(app.getHttpServer())
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(as('officer'))
      .send({ weights: { ...CHANGED, fairness: 50, typo: 5 } })
      .expect(422);
    expect(response.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/unknown criteria: typo/)]));
    const sum = await request(app.getHttpServer())
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(as('officer'))
      .send({ weights: { ...CHANGED, fairness: 50 } })
      .expect(422);
    expect(sum.body.message).toEqual(['weights must add up to 100 (they add up to 90)']);
    await request(app.getHttpServer())
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(as('officer'))
      .send({ weights: 'equal' })
      .expect(400);
    const stored = await app.get(DataSource).getRepository(ProcurementCase).findOneByOrFail({ id: caseId });
    expect(stored.criteriaWeights).toEqual(PUBLISHED);
  });

  it('refuses a weights change after the response deadline (409): the method froze with the tender', async () => {
    const refused = await request(app.getHttpServer())
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(as('officer'))
      .send({ weights: CHANGED })
      .expect(409);
    expect(refused.body.message).toMatch(/^The evaluation method froze when responses closed on /);
    const answer = await getComparison().expect(200);
    expect(answer.body.weights).toEqual(PUBLISHED);
    expect(answer.body.comparison.weights).toEqual(PUBLISHED);
    expect((await app.get(EvaluationResultsService).latestComparison(caseId))?.comparison.weights).toEqual(PUBLISHED);
  });

  it('ranks with a price criterion that quality evaluators never see', async () => {
    const server = app.getHttpServer();
    const responses = await app.get(ResponsesService).responsesOf(caseId);
    const idOf = (name: string) => responses.find((r) => r.organisationName === name)!.id;
    const [northwind, helios, blackbox] = [
      idOf('Northwind Vision Analytics'),
      idOf('Helios Forensic AI'),
      idOf('Blackbox Surveillance Ltd'),
    ];
    const price = (responseId: string, body: object, who = 'officer') =>
      request(server).put(`/api/v1/cases/${caseId}/prices/${responseId}`).set(as(who)).send(body);

    const noCriterion = await price(northwind, { amount: 1800000 }).expect(409);
    expect(noCriterion.body.message).toMatch(/no price criterion/);
    const badWeight = await request(server)
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(as('officer'))
      .send({ weights: PUBLISHED, priceWeight: 130 })
      .expect(422);
    expect(badWeight.body.message).toEqual([expect.stringMatching(/^price weight must be a whole number/)]);
    await request(server)
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(as('officer'))
      .send({ weights: PUBLISHED, priceWeight: 30 })
      .expect(409);
    // The price criterion as if published with the tender: after the deadline nobody can add it any more.
    await app.get(DataSource).getRepository(ProcurementCase).update({ id: caseId }, { priceWeight: 30 });

    await price(northwind, { amount: -5 }).expect(400);
    await price(northwind, { amount: 'cheap' }).expect(400);
    await price(northwind, { amount: 1e20 }).expect(400);
    await price(northwind, { amount: 10.005 }).expect(400);
    await price(northwind, { amount: 1800000 }, 'evaluator').expect(403);
    await price(northwind, { amount: 1800000 }, 'stranger').expect(404);
    await price(randomUUID(), { amount: 1800000 }).expect(404);
    await price(northwind, { amount: 1800000 }).expect(200);
    await price(helios, { amount: 1200000 }).expect(200);
    // The knocked-out provider's cheaper offer must not set the price scale.
    const last = await price(blackbox, { amount: 900000 }).expect(200);
    expect(last.body.comparisonJobId).toMatch(new RegExp(`^compare-${caseId}-w[0-9a-f]{16}-p[0-9a-f]{16}$`));

    await request(server).get(`/api/v1/cases/${caseId}/prices`).set(as('evaluator')).expect(403);
    const listed = await request(server).get(`/api/v1/cases/${caseId}/prices`).set(as('legal')).expect(200);
    expect(listed.body).toMatchObject({ currency: 'EUR', priceWeight: 30 });
    expect(listed.body.prices.map((p: { amount: number }) => p.amount).sort()).toEqual(
      [1200000, 1800000, 900000].sort(),
    );

    const priced = await waitFor(async () => {
      const response = await getComparison('officer').expect(200);
      return response.body.status === 'ready' && response.body.comparison.price?.ranked.length === 2
        ? response.body
        : null;
    });
    const quality = Object.fromEntries((priced.comparison as Comparison).ranked.map((p) => [p.providerId, p.overall]));
    const ranking = priced.comparison.price;
    expect(ranking.weight).toBe(30);
    const byId = Object.fromEntries(ranking.ranked.map((p: { providerId: string }) => [p.providerId, p]));
    expect(byId[helios].priceScore).toBe(100);
    expect(byId[northwind].priceScore).toBeCloseTo((100 * 1200000) / 1800000, 9);
    expect(byId[northwind].total).toBeCloseTo(quality[northwind] * 0.7 + byId[northwind].priceScore * 0.3, 9);
    expect(byId[helios].total).toBeCloseTo(quality[helios] * 0.7 + 30, 9);
    expect(byId[blackbox]).toBeUndefined();
    expect(priced.priceWeight).toBe(30);
    expect(priced.priceSensitivityStatement.length).toBeGreaterThan(0);

    const hidden = await getComparison('evaluator').expect(200);
    expect(hidden.body.status).toBe('ready');
    expect(hidden.body).not.toHaveProperty('priceWeight');
    expect(hidden.body.comparison).not.toHaveProperty('price');
    expect(hidden.body.comparison).not.toHaveProperty('pricing');
    expect(hidden.body.priceSensitivityStatement).toEqual([]);
    expect(JSON.stringify(hidden.body)).not.toMatch(/1800000|1200000|900000/);
    expect(hidden.body.comparison.ranked.map((p: { providerId: string }) => p.providerId)).toEqual(
      (priced.comparison as Comparison).ranked.map((p) => p.providerId),
    );

    const evaluatorPage = await request(server).get(`/cases/${caseId}/comparison`).set(as('evaluator')).expect(200);
    expect(evaluatorPage.text).toContain('Prices are not shown to quality evaluators.');
    expect(evaluatorPage.text).not.toContain('Final ranking with price');
    expect(evaluatorPage.text).not.toMatch(/1,800,000|1,200,000/);
    const officerPage = await request(server).get(`/cases/${caseId}/comparison`).set(as('officer')).expect(200);
    expect(officerPage.text).toContain('Final ranking with price');
    expect(officerPage.text).toContain('<td>1,800,000.00</td>');
    expect(officerPage.text).toContain('<th scope="col">Price (EUR)</th>');
  });

  it('locks the weights, recording who and when, after which a change answers 409', async () => {
    const locked = await request(app.getHttpServer())
      .post(`/api/v1/cases/${caseId}/weights/lock`)
      .set(as('officer'))
      .expect(200);
    expect(locked.body).toEqual({
      lockedAt: expect.any(String),
      lockedBy: principals['officer'].userId,
      alreadyLocked: false,
    });
    const again = await request(app.getHttpServer())
      .post(`/api/v1/cases/${caseId}/weights/lock`)
      .set(as('officer'))
      .expect(200);
    expect(again.body).toEqual({ ...locked.body, alreadyLocked: true });

    const refused = await request(app.getHttpServer())
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(as('officer'))
      .send({ weights: CHANGED })
      .expect(409);
    expect(refused.body.message).toMatch(/^The weights were locked on .+ and can no longer change\.$/);
    const answer = await getComparison().expect(200);
    expect(answer.body.weightsLock).toEqual({ lockedAt: locked.body.lockedAt, lockedBy: locked.body.lockedBy });
    expect(answer.body.weights).toEqual(PUBLISHED);
  });

  it('locks the weights when the case moves to dossier review', async () => {
    const cases = app.get(CasesService);
    const agencyId = principals['officer'].agencyId;
    const input = { ...demoCase(new Date('2026-11-02T00:00:00Z')), reference: 'PROC-2026-LOCK' };
    const other = await cases.createCase(agencyId, input);
    // Set while a draft: once published the method changes only by amendment, and not after the deadline.
    await request(app.getHttpServer())
      .put(`/api/v1/cases/${other.id}/weights`)
      .set(as('officer'))
      .send({ weights: CHANGED })
      .expect(200);
    for (const status of ['open', 'closed', 'evaluation'] as const) await cases.transition(other.id, status);
    const reviewed = await cases.transition(other.id, 'dossier_review');
    expect(reviewed.weightsLockedAt).toBeInstanceOf(Date);
    expect(reviewed.weightsLockedBy).toBeNull();
    const refused = await request(app.getHttpServer())
      .put(`/api/v1/cases/${other.id}/weights`)
      .set(as('officer'))
      .send({ weights: PUBLISHED })
      .expect(409);
    expect(refused.body.message).toMatch(/when the dossier went to review/);
  });

  it('streams each change of progress as it happens until the comparison is ready', async () => {
    const cases = app.get(CasesService);
    const input = { ...demoCase(new Date('2026-11-03T00:00:00Z')), reference: 'PROC-2026-LIVE' };
    const live = await cases.createCase(principals['officer'].agencyId, input);
    for (const status of ['open', 'closed'] as const) await cases.transition(live.id, status);

    const events: Array<Record<string, unknown>> = [];
    let started: Promise<unknown> | undefined;
    await request(app.getHttpServer())
      .get(`/api/v1/cases/${live.id}/scoring-progress/stream`)
      .set(as('officer'))
      .buffer(true)
      .parse((res, callback) => {
        let pending = '';
        res.on('data', (chunk: Buffer) => {
          pending += chunk.toString();
          const blocks = pending.split('\n\n');
          pending = blocks.pop() ?? '';
          for (const block of blocks) {
            const data = block.split('\n').find((line) => line.startsWith('data: '));
            if (data) events.push(JSON.parse(data.slice(6)));
          }
          // Evaluation starts only once the stream has reported the state before it.
          if (events.length === 1 && !started) started = cases.transition(live.id, 'evaluation');
        });
        res.on('end', () => callback(null, events));
      })
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
    const agencyId = principals['officer'].agencyId;
    const entries = await audit.list(agencyId, { page: 1, pageSize: 100 });
    const actions = entries.items.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['case.weights-changed', 'response.price-recorded', 'case.weights-locked']),
    );
    const change = entries.items.find((entry) => entry.action === 'case.weights-changed');
    expect(change).toMatchObject({ actorType: 'staff', actorId: principals['officer'].userId });
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
    const browser = await chromium.launch({
      executablePath: locateBrowser().executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    try {
      for (const who of ['officer', 'evaluator']) {
        const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
        await context.addCookies(browserCookies(who, baseUrl));
        const page = await context.newPage();
        await page.goto(`${baseUrl}/cases/${caseId}/comparison`);
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${who} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await context.close();
      }

      // A case waiting for evaluation: the status line follows the stream once evaluation starts.
      const cases = app.get(CasesService);
      const input = { ...demoCase(new Date('2026-11-04T00:00:00Z')), reference: 'PROC-2026-BROWSER' };
      const waiting = await cases.createCase(principals['officer'].agencyId, input);
      for (const status of ['open', 'closed'] as const) await cases.transition(waiting.id, status);
      const context = await browser.newContext();
      await context.addCookies(browserCookies('officer', baseUrl));
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
