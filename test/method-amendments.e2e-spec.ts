import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CasesService, methodHash, ProcurementCase, ProviderInvitesService, ResponsesService } from '@probity/cases';
import { DEMO_AGENCY_NAME, demoCase, submitDemoResponses } from '@probity/demo';
import {
  DossierInputSource,
  DossierRenderer,
  readAwardRecord,
  recomputeDossier,
  withAwardAttachments,
} from '@probity/dossier';
import { EvaluationResultsService, PanelService } from '@probity/evaluation';
import { QuestionnaireDefinition } from '@probity/questionnaires';
import { OutboxEntry } from '@probity/queue';
import { waitFor } from '@probity/testing';
import { PDFDocument } from 'pdf-lib';
import { agencyWithStaff, E2eApp, startE2eApp } from './support/e2e-app';
import { csrfOf, signInHeaders } from './support/tender-http';

const PASSWORD = 'amendment test passphrase';
const AMENDED = {
  lawfulness: 20,
  'minimization-of-harm': 20,
  'human-autonomy': 20,
  fairness: 30,
  'good-governance': 10,
};
const PAGE_AMENDED = {
  lawfulness: 25,
  'minimization-of-harm': 20,
  'human-autonomy': 20,
  fairness: 25,
  'good-governance': 10,
};

const formOf = (weights: Record<string, number>, extra: Record<string, string>) => ({
  ...Object.fromEntries(Object.entries(weights).map(([id, weight]) => [`weight_${id}`, String(weight)])),
  ...extra,
});

describe('the evaluation method freezes at the deadline; amendments before it reach every provider', () => {
  let stack: E2eApp | undefined;
  let app: INestApplication;
  let caseId: string;
  let portalToken: string;
  let officer: { Cookie: string; 'x-csrf-token': string };
  const http = () => request(app.getHttpServer());
  const stored = () => app.get(DataSource).getRepository(ProcurementCase).findOneByOrFail({ id: caseId });
  const amendmentMails = async () =>
    (await app.get(DataSource).getRepository(OutboxEntry).findBy({ jobName: 'mail.send' }))
      .map((entry) => entry.payload as { template: string; to: string[]; context: Record<string, unknown> })
      .filter((mail) => mail.template === 'method-amendment');

  beforeAll(async () => {
    stack = await startE2eApp({ worker: true });
    app = stack.app;
    const email = 'officer@amendments.example';
    const { agencyId, idByEmail } = await agencyWithStaff(
      app,
      DEMO_AGENCY_NAME,
      [
        { email, name: 'Olga Officer', role: 'procurement_officer' },
        { email: 'eva@amendments.example', name: 'Eva Evaluator', role: 'evaluator' },
      ],
      PASSWORD,
    );
    const evaluatorId = idByEmail['eva@amendments.example'];
    officer = await signInHeaders(app, email, PASSWORD);
    const cases = app.get(CasesService);
    const created = await cases.createCase(agencyId, demoCase(new Date()));
    caseId = created.id;
    await cases.setPanel(agencyId, caseId, [{ userId: evaluatorId, role: 'evaluator' }]);
    await app.get(PanelService).declareConflict(caseId, evaluatorId, false, 'No conflict.');
    await cases.transition(caseId, 'open');
    await submitDemoResponses(app, caseId, created.questionnaireDefinition as QuestionnaireDefinition);
    // A fourth provider still answering: it reads the amendments in the portal.
    const invited = await app.get(ProviderInvitesService).inviteProvider(caseId, {
      organisationName: 'Late Starter AI',
      country: 'FR',
      contactEmails: ['bids@late-starter.example'],
      legalIdentifiers: {},
    });
    portalToken = invited.token;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('publishes a change before the deadline as an amendment e-mailed to every invited provider', async () => {
    const before = await stored();
    const withoutReason = await http()
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(officer)
      .send({ weights: AMENDED })
      .expect(422);
    expect(withoutReason.body.message).toEqual([expect.stringContaining('published amendment')]);
    expect((await stored()).criteriaWeights).toEqual(before.criteriaWeights);

    const extended = new Date(before.responsesDue.getTime() + 7 * 86400000);
    const amended = await http()
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(officer)
      .send({
        weights: AMENDED,
        reason: 'Fairness was under-weighted by a typing error.',
        responsesDue: extended.toISOString(),
      })
      .expect(200);
    const after = await stored();
    expect(amended.body.amendment).toEqual({
      number: 1,
      methodHash: methodHash(after),
      responsesDue: extended.toISOString(),
    });
    expect(after.criteriaWeights).toEqual(AMENDED);
    expect(after.responsesDue.toISOString()).toBe(extended.toISOString());

    const responses = await app.get(ResponsesService).responsesOf(caseId);
    const mails = await amendmentMails();
    expect(mails.map((mail) => mail.to).sort()).toEqual(responses.map((r) => r.contactEmails).sort());
    expect(mails).toHaveLength(4);
    for (const mail of mails)
      expect(mail.context).toMatchObject({
        amendmentNumber: 1,
        methodHash: methodHash(after),
        deadlineExtended: true,
        changes: expect.arrayContaining([{ criterion: 'Fairness', before: '20', after: '30' }]),
      });

    const portal = await http().get(`/portal/${portalToken}`).expect(200);
    expect(portal.text).toContain('Amendment 1, published');
    expect(portal.text).toContain('Fairness was under-weighted by a typing error.');
    expect(portal.text).toContain(methodHash(after));
    const french = await http().get(`/portal/${portalToken}?lang=fr`).expect(200);
    expect(french.text).toContain('Modification n° 1');
  });

  it('asks the officer to confirm an amendment on the page, then publishes it', async () => {
    const page = await http().get(`/cases/${caseId}/comparison`).set(officer).expect(200);
    expect(page.text).toContain('data-confirm-title="Publish an amendment of the method of');
    expect(page.text).toContain('<script src="/assets/confirm-step.js" defer></script>');
    const fields = formOf(PAGE_AMENDED, {
      _csrf: csrfOf(page.text),
      reason: 'Lawfulness restored after a clarification.',
    });
    const asked = await http()
      .post(`/cases/${caseId}/comparison/weights`)
      .set(officer)
      .type('form')
      .send(fields)
      .expect(200);
    expect(asked.text).toContain('Publish the amendment');
    expect(asked.text).toContain('name="reason" value="Lawfulness restored after a clarification."');
    expect((await stored()).criteriaWeights).toEqual(AMENDED);

    const confirmed = await http()
      .post(`/cases/${caseId}/comparison/weights`)
      .set(officer)
      .type('form')
      .send({ ...fields, confirmed: 'yes' })
      .expect(303);
    expect(confirmed.headers.location).toBe(`/cases/${caseId}/comparison?notice=amended#weights-heading`);
    expect((await stored()).criteriaWeights).toEqual(PAGE_AMENDED);
    expect((await amendmentMails()).filter((mail) => mail.context['amendmentNumber'] === 2)).toHaveLength(4);
  });

  it('refuses any change of the method after the deadline: 409 on the API and on the page', async () => {
    await app.get(CasesService).transition(caseId, 'closed');
    const refused = await http()
      .put(`/api/v1/cases/${caseId}/weights`)
      .set(officer)
      .send({ weights: AMENDED, reason: 'Too late.' })
      .expect(409);
    expect(refused.body.message).toMatch(/^The evaluation method froze when responses closed on \d{4}-\d\d-\d\d/);

    const page = await http().get(`/cases/${caseId}/comparison`).set(officer).expect(200);
    expect(page.text).not.toContain('name="weight_fairness"');
    const posted = await http()
      .post(`/cases/${caseId}/comparison/weights`)
      .set(officer)
      .type('form')
      .send(formOf(AMENDED, { _csrf: csrfOf(page.text), reason: 'Too late.', confirmed: 'yes' }))
      .expect(409);
    expect(posted.text).toContain('The weights were not changed');
    expect(posted.text).toContain('The evaluation method froze when responses closed on');
    expect((await stored()).criteriaWeights).toEqual(PAGE_AMENDED);
    expect(await amendmentMails()).toHaveLength(8);
  });

  it('lists the amendments in the dossier, whose embedded award recomputes to the same numbers', async () => {
    await app.get(CasesService).transition(caseId, 'evaluation');
    await waitFor(async () => (await app.get(EvaluationResultsService).latestComparison(caseId)) ?? null, 60000);
    const input = await app.get(DossierInputSource).inputFor(caseId);
    expect(input.award?.method.amendments.map((a) => a.number)).toEqual([1, 2]);
    expect(input.award?.method.publishedMethodHash).toBe(methodHash(await stored()));

    const renderer = app.get(DossierRenderer);
    const meta = {
      version: 1,
      status: 'draft' as const,
      contentHash: 'c'.repeat(64),
      generatedAt: new Date().toISOString(),
    };
    const html = renderer.html(input, meta);
    expect(html).toContain('Amendments of the published method');
    expect(html).toContain('Fairness was under-weighted by a typing error.');
    expect(html).toContain('Lawfulness restored after a clarification.');
    // The method statement works its example from the real evaluation: the leader's stored overall score.
    const leader = input.award!.results.comparison.ranked[0];
    expect(html).toContain('Annex C. Method statement');
    expect(html).toContain(`Worked example: ${leader.name}`);
    expect(html).toContain(`<strong>${leader.overall.toFixed(2)}</strong>`);

    const { pdf } = await renderer.render(input, meta);
    const report = await recomputeDossier(pdf);
    expect(report.lines).toContain('Every embedded score, knock-out, rank and sensitivity result is reproduced.');
    expect(report.reproduced).toBe(true);

    // One provider's embedded answer changed: the recomputation no longer matches what was signed.
    const record = await readAwardRecord(pdf);
    const northwind = record.answers.providers.find((p) => p.name === 'Northwind Vision Analytics')!;
    northwind.answers['ho_stop'] = !northwind.answers['ho_stop'];
    const blank = await PDFDocument.create();
    blank.addPage();
    const tampered = await recomputeDossier(await withAwardAttachments(await blank.save(), record, new Date()));
    expect(tampered.reproduced).toBe(false);
    const index = record.answers.providers.indexOf(northwind);
    expect(tampered.lines.some((line) => line.startsWith(`providers[${index}].`))).toBe(true);
  });
});
