import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { CasesService, ResponsesService } from '@probity/cases';
import { demoCase, submitDemoResponses } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { QuestionnaireDefinition } from '@probity/questionnaires';
import { E2eApp, startE2eApp } from './e2e-app';
import { SessionHeaders, signedInStaff } from './staff-sessions';

const PASSWORD = 'panel test passphrase';

/** What an evaluator's workspace for one response answers. */
export interface WorkspaceAnswer {
  response: { id: string; organisationName: string };
  scale: Array<{ score: number; label: string; descriptor: string }>;
  questions: Array<{
    questionName: string;
    title: string;
    kind: string;
    answerText: string;
    evidence: Array<{ fileName: string; sha256: string }>;
    own: { score: number; justification: string } | null;
    others: Array<{ evaluator: string; score: number; justification: string }> | null;
  }>;
  evidence: Array<{ id: string; fileName: string; sha256: string; questionName: string; questionTitle: string }>;
  progress: { scored: number; total: number };
  submitted: boolean;
}

/**
 * The api and worker with an open demo case whose panel is eva, ben and carl (evaluators) and legal, three
 * submitted demo responses, staff outside the panel and of another agency, all signed in.
 */
export interface PanelWorld {
  e2e: E2eApp;
  app: NestExpressApplication;
  caseId: string;
  /** The response of Northwind Vision Analytics. */
  northwindId: string;
  users: Record<string, string>;
  sessions: Record<string, SessionHeaders>;
}

export async function startPanelWorld(): Promise<PanelWorld> {
  const e2e = await startE2eApp({ worker: true });
  const app = e2e.app as NestExpressApplication;
  const http = () => request(app.getHttpServer());

  const identity = app.get(IdentityService);
  const agency = await identity.findOrCreateAgency('Panel test police service');
  const otherAgency = await identity.findOrCreateAgency('Another police service (panel test)');
  const staff = await signedInStaff(app, 'panel.example', PASSWORD, [
    ['officer', agency.id, 'procurement_officer'],
    ['eva', agency.id, 'evaluator'],
    ['ben', agency.id, 'evaluator'],
    ['carl', agency.id, 'evaluator'],
    ['outsider', agency.id, 'evaluator'],
    ['legal', agency.id, 'legal_reviewer'],
    ['foreign', otherAgency.id, 'evaluator'],
    ['foreignOfficer', otherAgency.id, 'procurement_officer'],
  ]);
  const { ids: users, sessions } = staff;

  // The officer raises the case and names its panel through the API.
  const created = await http()
    .post('/api/v1/cases')
    .set(sessions.officer)
    .send(JSON.parse(JSON.stringify(demoCase(new Date()))))
    .expect(201);
  const caseId: string = created.body.id;
  await http()
    .put(`/api/v1/cases/${caseId}/panel`)
    .set(sessions.officer)
    .send({
      members: [
        { userId: users.eva, role: 'evaluator' },
        { userId: users.ben, role: 'evaluator' },
        { userId: users.carl, role: 'evaluator' },
        { userId: users.legal, role: 'legal_reviewer' },
      ],
    })
    .expect(200);
  await http().post(`/api/v1/cases/${caseId}/transitions`).set(sessions.officer).send({ to: 'open' }).expect(200);

  const cases = app.get(CasesService);
  const definition = (await cases.getCase(caseId)).questionnaireDefinition as QuestionnaireDefinition;
  await submitDemoResponses(app, caseId, definition);
  const northwindId = (await app.get(ResponsesService).responsesOf(caseId)).find(
    (r) => r.organisationName === 'Northwind Vision Analytics',
  )!.id;
  return { e2e, app, caseId, northwindId, users, sessions };
}

/** Requests the panel steps make: the workspace of a response and a score, as one member of staff. */
export function panelSteps(world: PanelWorld) {
  const http = () => request(world.app.getHttpServer());
  const panelUrl = (path = '') => `/api/v1/cases/${world.caseId}/panel${path}`;
  return {
    http,
    panelUrl,
    workspaceOf: async (who: string, responseId = world.northwindId): Promise<WorkspaceAnswer> =>
      (
        await http()
          .get(panelUrl(`/responses/${responseId}`))
          .set(world.sessions[who])
          .expect(200)
      ).body,
    score: (who: string, questionName: string, body: object, responseId = world.northwindId) =>
      http()
        .put(panelUrl(`/responses/${responseId}/scores/${questionName}`))
        .set(world.sessions[who])
        .send(body),
  };
}
