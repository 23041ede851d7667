import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { CasesService } from '@probity/cases';
import { DEMO_AGENCY_NAME, demoCase, submitDemoResponses } from '@probity/demo';
import { PanelService } from '@probity/evaluation';
import { IdentityService } from '@probity/identity';
import { QuestionnaireDefinition } from '@probity/questionnaires';
import { E2eApp, startE2eApp } from './e2e-app';
import { SessionHeaders, SignedInMember, signedInStaff } from './staff-sessions';

const PASSWORD = 'comparison test passphrase';

/** The demo case's weights as published with the tender. */
export const PUBLISHED = demoCase(new Date('2026-11-01T00:00:00Z')).criteriaWeights;
/** Other valid weights (they add up to 100). */
export const CHANGED = {
  lawfulness: 10,
  'minimization-of-harm': 10,
  'human-autonomy': 10,
  fairness: 60,
  'good-governance': 10,
};

/** The demo case with three submitted responses, its panel, and staff of its agency and of another. */
export interface ComparisonCase {
  e2e: E2eApp;
  app: NestExpressApplication;
  caseId: string;
  principals: Record<string, SignedInMember>;
  /** Request headers of `officer`, `evaluator`, `legal` (the panel) or `stranger` (another agency). */
  as(who: string): SessionHeaders;
  getComparison(who?: string): request.Test;
  /** The session's cookies as a browser context takes them. */
  browserCookies(who: string, url: string): Array<{ name: string; value: string; url: string }>;
}

export async function startComparisonCase(): Promise<ComparisonCase> {
  // The api and worker as they run in services mode, sharing one queue prefix on the real Redis.
  const e2e = await startE2eApp({ worker: true });
  const app = e2e.app as NestExpressApplication;

  const identity = app.get(IdentityService);
  const agency = await identity.findOrCreateAgency(DEMO_AGENCY_NAME);
  const otherAgency = await identity.findOrCreateAgency('Another police service (test)');
  const staff = await signedInStaff(app, 'comparison.example', PASSWORD, [
    ['officer', agency.id, 'procurement_officer'],
    ['evaluator', agency.id, 'evaluator'],
    ['legal', agency.id, 'legal_reviewer'],
    ['stranger', otherAgency.id, 'procurement_officer'],
  ]);
  const principals = staff.people;
  const as = (who: string) => staff.sessions[who];

  const cases = app.get(CasesService);
  const created = await cases.createCase(agency.id, demoCase(new Date('2026-11-01T00:00:00Z')));
  const caseId = created.id;
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

  return {
    e2e,
    app,
    caseId,
    principals,
    as,
    getComparison: (who = 'officer') =>
      request(app.getHttpServer()).get(`/api/v1/cases/${caseId}/comparison`).set(as(who)),
    browserCookies: (who, url) =>
      as(who)
        .Cookie.split('; ')
        .map((pair) => {
          const [name, ...value] = pair.split('=');
          return { name, value: value.join('='), url };
        }),
  };
}
