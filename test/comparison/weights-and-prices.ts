import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CasesService, ProcurementCase, ResponsesService } from '@probity/cases';
import { demoCase } from '@probity/demo';
import { EvaluationResultsService } from '@probity/evaluation';
import { Comparison } from '@probity/scoring';
import { waitFor } from '@probity/testing';
import { CHANGED, ComparisonCase, PUBLISHED } from '../support/comparison-case';

/**
 * The comparison suite's weights and price steps (test/comparison.e2e-spec.ts runs them in its one app, in
 * order, once the case is in evaluation): validation, the freeze at the deadline, the price criterion that
 * quality evaluators never see, and the lock.
 */
export function weightsAndPricesTests(world: ComparisonCase): void {
  it('refuses invalid weights with every problem (422)', async () => {
    const response = await request(world.app.getHttpServer())
      .put(`/api/v1/cases/${world.caseId}/weights`)
      .set(world.as('officer'))
      .send({ weights: { ...CHANGED, fairness: 50, typo: 5 } })
      .expect(422);
    expect(response.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/unknown criteria: typo/)]));
    const sum = await request(world.app.getHttpServer())
      .put(`/api/v1/cases/${world.caseId}/weights`)
      .set(world.as('officer'))
      .send({ weights: { ...CHANGED, fairness: 50 } })
      .expect(422);
    expect(sum.body.message).toEqual(['weights must add up to 100 (they add up to 90)']);
    await request(world.app.getHttpServer())
      .put(`/api/v1/cases/${world.caseId}/weights`)
      .set(world.as('officer'))
      .send({ weights: 'equal' })
      .expect(400);
    const stored = await world.app.get(DataSource).getRepository(ProcurementCase).findOneByOrFail({ id: world.caseId });
    expect(stored.criteriaWeights).toEqual(PUBLISHED);
  });

  it('refuses a weights change after the response deadline (409): the method froze with the tender', async () => {
    const refused = await request(world.app.getHttpServer())
      .put(`/api/v1/cases/${world.caseId}/weights`)
      .set(world.as('officer'))
      .send({ weights: CHANGED })
      .expect(409);
    expect(refused.body.message).toMatch(/^The evaluation method froze when responses closed on /);
    const answer = await world.getComparison().expect(200);
    expect(answer.body.weights).toEqual(PUBLISHED);
    expect(answer.body.comparison.weights).toEqual(PUBLISHED);
    expect((await world.app.get(EvaluationResultsService).latestComparison(world.caseId))?.comparison.weights).toEqual(
      PUBLISHED,
    );
  });

  it('ranks with a price criterion that quality evaluators never see', async () => {
    const server = world.app.getHttpServer();
    const responses = await world.app.get(ResponsesService).responsesOf(world.caseId);
    const idOf = (name: string) => responses.find((r) => r.organisationName === name)!.id;
    const [northwind, helios, blackbox] = [
      idOf('Northwind Vision Analytics'),
      idOf('Helios Forensic AI'),
      idOf('Blackbox Surveillance Ltd'),
    ];
    const price = (responseId: string, body: object, who = 'officer') =>
      request(server).put(`/api/v1/cases/${world.caseId}/prices/${responseId}`).set(world.as(who)).send(body);

    const noCriterion = await price(northwind, { amount: 1800000 }).expect(409);
    expect(noCriterion.body.message).toMatch(/no price criterion/);
    const badWeight = await request(server)
      .put(`/api/v1/cases/${world.caseId}/weights`)
      .set(world.as('officer'))
      .send({ weights: PUBLISHED, priceWeight: 130 })
      .expect(422);
    expect(badWeight.body.message).toEqual([expect.stringMatching(/^price weight must be a whole number/)]);
    await request(server)
      .put(`/api/v1/cases/${world.caseId}/weights`)
      .set(world.as('officer'))
      .send({ weights: PUBLISHED, priceWeight: 30 })
      .expect(409);
    // The price criterion as if published with the tender: after the deadline nobody can add it any more.
    await world.app.get(DataSource).getRepository(ProcurementCase).update({ id: world.caseId }, { priceWeight: 30 });

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
    expect(last.body.comparisonJobId).toMatch(new RegExp(`^compare-${world.caseId}-w[0-9a-f]{16}-p[0-9a-f]{16}$`));

    await request(server).get(`/api/v1/cases/${world.caseId}/prices`).set(world.as('evaluator')).expect(403);
    const listed = await request(server).get(`/api/v1/cases/${world.caseId}/prices`).set(world.as('legal')).expect(200);
    expect(listed.body).toMatchObject({ currency: 'EUR', priceWeight: 30 });
    expect(listed.body.prices.map((p: { amount: number }) => p.amount).sort()).toEqual(
      [1200000, 1800000, 900000].sort(),
    );

    const priced = await waitFor(async () => {
      const response = await world.getComparison('officer').expect(200);
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

    const hidden = await world.getComparison('evaluator').expect(200);
    expect(hidden.body.status).toBe('ready');
    expect(hidden.body).not.toHaveProperty('priceWeight');
    expect(hidden.body.comparison).not.toHaveProperty('price');
    expect(hidden.body.comparison).not.toHaveProperty('pricing');
    expect(hidden.body.priceSensitivityStatement).toEqual([]);
    expect(JSON.stringify(hidden.body)).not.toMatch(/1800000|1200000|900000/);
    expect(hidden.body.comparison.ranked.map((p: { providerId: string }) => p.providerId)).toEqual(
      (priced.comparison as Comparison).ranked.map((p) => p.providerId),
    );

    const evaluatorPage = await request(server)
      .get(`/cases/${world.caseId}/comparison`)
      .set(world.as('evaluator'))
      .expect(200);
    expect(evaluatorPage.text).toContain('Prices are not shown to quality evaluators.');
    expect(evaluatorPage.text).not.toContain('Final ranking with price');
    expect(evaluatorPage.text).not.toMatch(/1,800,000|1,200,000/);
    const officerPage = await request(server)
      .get(`/cases/${world.caseId}/comparison`)
      .set(world.as('officer'))
      .expect(200);
    expect(officerPage.text).toContain('Final ranking with price');
    expect(officerPage.text).toContain('<td>1,800,000.00</td>');
    expect(officerPage.text).toContain('<th scope="col">Price (EUR)</th>');
  });

  it('locks the weights, recording who and when, after which a change answers 409', async () => {
    const locked = await request(world.app.getHttpServer())
      .post(`/api/v1/cases/${world.caseId}/weights/lock`)
      .set(world.as('officer'))
      .expect(200);
    expect(locked.body).toEqual({
      lockedAt: expect.any(String),
      lockedBy: world.principals['officer'].userId,
      alreadyLocked: false,
    });
    const again = await request(world.app.getHttpServer())
      .post(`/api/v1/cases/${world.caseId}/weights/lock`)
      .set(world.as('officer'))
      .expect(200);
    expect(again.body).toEqual({ ...locked.body, alreadyLocked: true });

    const refused = await request(world.app.getHttpServer())
      .put(`/api/v1/cases/${world.caseId}/weights`)
      .set(world.as('officer'))
      .send({ weights: CHANGED })
      .expect(409);
    expect(refused.body.message).toMatch(/^The weights were locked on .+ and can no longer change\.$/);
    const answer = await world.getComparison().expect(200);
    expect(answer.body.weightsLock).toEqual({ lockedAt: locked.body.lockedAt, lockedBy: locked.body.lockedBy });
    expect(answer.body.weights).toEqual(PUBLISHED);
  });

  it('locks the weights when the case moves to dossier review', async () => {
    const cases = world.app.get(CasesService);
    const agencyId = world.principals['officer'].agencyId;
    const input = { ...demoCase(new Date('2026-11-02T00:00:00Z')), reference: 'PROC-2026-LOCK' };
    const other = await cases.createCase(agencyId, input);
    // Set while a draft: once published the method changes only by amendment, and not after the deadline.
    await request(world.app.getHttpServer())
      .put(`/api/v1/cases/${other.id}/weights`)
      .set(world.as('officer'))
      .send({ weights: CHANGED })
      .expect(200);
    for (const status of ['open', 'closed', 'evaluation'] as const) await cases.transition(other.id, status);
    const reviewed = await cases.transition(other.id, 'dossier_review');
    expect(reviewed.weightsLockedAt).toBeInstanceOf(Date);
    expect(reviewed.weightsLockedBy).toBeNull();
    const refused = await request(world.app.getHttpServer())
      .put(`/api/v1/cases/${other.id}/weights`)
      .set(world.as('officer'))
      .send({ weights: PUBLISHED })
      .expect(409);
    expect(refused.body.message).toMatch(/when the dossier went to review/);
  });
}
