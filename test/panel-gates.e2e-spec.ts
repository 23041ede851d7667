import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CasesService, ProviderInvitesService, ResponsesService } from '@probity/cases';
import { DEMO_PROVIDERS, demoCase, submitDemoResponses } from '@probity/demo';
import { PanelService } from '@probity/evaluation';
import { IdentityService, StaffRole } from '@probity/identity';
import type { QuestionnaireDefinition } from '@probity/questionnaires';
import { agencyWithStaff, E2eApp, startE2eApp } from './support/e2e-app';
import { Agent, sessionCookie, signIn } from './support/tender-http';

const PASSWORD = 'a long enough passphrase';

/**
 * Issue 13 #12 and #13: evaluators and legal reviewers see a case, its comparison and its
 * responses only through the panel's gates (seat, conflict declaration, phase), by page and API.
 */
describe('the panel’s gates on case pages, comparison and responses (real services)', () => {
  let started: E2eApp;
  let app: INestApplication;
  let home: { agent: Agent; csrf: string };

  beforeAll(async () => {
    started = await startE2eApp();
    app = started.app;
    for (const [agencyName, email] of [
      ['Policia Judiciária (test)', 'officer@pj.example'],
      ['Politie Nederland (test)', 'officer@politie.example'],
    ])
      await agencyWithStaff(app, agencyName, [{ email, name: email, role: 'procurement_officer' }], PASSWORD);
    home = await signIn(app, 'officer@pj.example', PASSWORD);
  });

  afterAll(async () => {
    await started?.close();
  });

  let panelCaseId: string;
  let submittedId: string;
  let draftId: string;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const as = (who: string, path: string) =>
    request(app.getHttpServer()).get(path).set('Cookie', cookies[who]).set('Accept', 'text/html');
  const api = (who: string, path: string) => request(app.getHttpServer()).get(path).set('Cookie', cookies[who]);

  beforeAll(async () => {
    const identity = app.get(IdentityService);
    const agencyId = (await identity.findOrCreateAgency('Policia Judiciária (test)')).id;
    const people: Array<[string, StaffRole]> = [
      ['seated', 'evaluator'],
      ['recused', 'evaluator'],
      ['outsider', 'evaluator'],
      ['counsel', 'legal_reviewer'],
      ['other-counsel', 'legal_reviewer'],
    ];
    for (const [who, role] of people) {
      const email = `${who}@pj.example`;
      ids[who] = (
        await identity.createStaffUser({ agencyId, email, name: `Test ${who}`, role, password: PASSWORD })
      ).id;
      cookies[who] = await sessionCookie(app, email, PASSWORD);
    }
    cookies.stranger = await sessionCookie(app, 'officer@politie.example', PASSWORD);
    const cases = app.get(CasesService);
    const created = await cases.createCase(agencyId, {
      ...demoCase(new Date()),
      reference: 'PROC-PANEL-GATES',
    });
    panelCaseId = created.id;
    await cases.setPanel(agencyId, panelCaseId, [
      { userId: ids.seated, role: 'evaluator' },
      { userId: ids.recused, role: 'evaluator' },
      { userId: ids.counsel, role: 'legal_reviewer' },
    ]);
    await cases.transition(panelCaseId, 'open');
    const late = await app.get(ProviderInvitesService).inviteProvider(panelCaseId, {
      ...DEMO_PROVIDERS[0].invite,
      organisationName: 'Late Starter Analytics',
      contactEmails: ['bids@late-starter.example'],
    });
    draftId = late.response.id;
    await submitDemoResponses(app, panelCaseId, created.questionnaireDefinition as QuestionnaireDefinition);
    submittedId = (await app.get(ResponsesService).responsesOf(panelCaseId)).find((r) => r.status === 'submitted')!.id;
    await app.get(PanelService).declareConflict(panelCaseId, ids.recused, true, 'My brother works for Northwind.');
  });

  const caseRoutes = (): Array<[string, string]> => [
    ['case page', `/cases/${panelCaseId}`],
    ['case JSON', `/api/v1/cases/${panelCaseId}`],
    ['providers JSON', `/api/v1/cases/${panelCaseId}/responses`],
    ['comparison page', `/cases/${panelCaseId}/comparison`],
    ['comparison JSON', `/api/v1/cases/${panelCaseId}/comparison`],
    ['scoring progress', `/api/v1/cases/${panelCaseId}/scoring-progress`],
    ['response JSON', `/api/v1/responses/${submittedId}`],
  ];

  it('an evaluator on the panel sees nothing of the case before declaring, and is sent to the declaration', async () => {
    for (const [name, path] of caseRoutes()) {
      const refused = await as('seated', path);
      expect([name, refused.status]).toEqual([name, 403]);
      expect(refused.text).not.toMatch(/Northwind|northwind\.example|Late Starter/);
    }
    const page = await as('seated', `/cases/${panelCaseId}`);
    expect(page.text).toContain('Declare any conflict of interest');
    expect(page.text).toContain(`href="/cases/${panelCaseId}/evaluation"`);
    const json = await api('seated', `/api/v1/cases/${panelCaseId}/comparison`).expect(403);
    expect(json.body.message).toMatch(/^Declare any conflict of interest/);
  });

  it('evaluators off the panel, recused evaluators and legal reviewers off the panel get 403; another agency 404', async () => {
    for (const [name, path] of caseRoutes()) {
      for (const who of ['outsider', 'recused'])
        expect([name, who, (await as(who, path)).status]).toEqual([name, who, 403]);
      expect([name, (await as('stranger', path)).status]).toEqual([name, 404]);
    }
    expect((await api('recused', `/api/v1/responses/${submittedId}`)).body.message).toMatch(/recused/);
    await api('other-counsel', `/api/v1/responses/${submittedId}`).expect(403);
    await api('other-counsel', `/cases/${panelCaseId}`).expect(403);
  });

  it('while the case is open a declared evaluator sees the case but no response or comparison', async () => {
    await app.get(PanelService).declareConflict(panelCaseId, ids.seated, false, 'No conflict of interest.');
    await as('seated', `/cases/${panelCaseId}`).expect(200);
    const early = await api('seated', `/api/v1/responses/${submittedId}`).expect(403);
    expect(early.body.message).toMatch(/while the case is open/);
    await api('seated', `/api/v1/cases/${panelCaseId}/comparison`).expect(403);
    await api('counsel', `/api/v1/responses/${submittedId}`).expect(403);
  });

  it('once closed, the panel reads submitted responses only; the read is audited', async () => {
    await app.get(CasesService).transition(panelCaseId, 'closed');
    const read = await api('seated', `/api/v1/responses/${submittedId}`).expect(200);
    expect(read.body.id).toBe(submittedId);
    await api('counsel', `/api/v1/responses/${submittedId}`).expect(200);
    await api('seated', `/api/v1/cases/${panelCaseId}/comparison`).expect(200);
    const draft = await api('seated', `/api/v1/responses/${draftId}`).expect(403);
    expect(draft.body.message).toMatch(/not been submitted/);
    await api('counsel', `/api/v1/responses/${draftId}`).expect(403);
    await api('recused', `/api/v1/responses/${submittedId}`).expect(403);
    await home.agent.get(`/api/v1/responses/${draftId}`).expect(200);
    const [views] = await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'response.viewed' AND actor_id = $1`, [
        ids.seated,
      ]);
    expect(views.n).toBe(1);
  });
});
