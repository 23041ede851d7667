import { Test, TestingModule } from '@nestjs/testing';
import {
  CasesModule,
  CasesService,
  ProviderInvitesService,
  QuestionnaireTemplates,
  ResponsesService,
} from '@probity/cases';
import { demoCase } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { IMPACT_ASSESSMENT, IMPACT_ASSESSMENT_RESPONDENTS } from '@probity/questionnaires';
import { CoreModule } from '@probity/runtime';
import type { ScoreSheet } from '@probity/scoring';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { AutomatedScoringService } from './automated-scoring.service';
import { EvaluationModule } from './evaluation.module';
import { EvaluationResultsService } from './evaluation-results.service';

/*
 * An agency's own questionnaire with its own scoring model through the real services (PostgreSQL,
 * Redis): imported and published as a template, copied into a case, answered and submitted by five
 * providers, scored and compared by the services the jobs run. Expected values are worked out by
 * hand in libs/domain/scoring/src/lib/impact-assessment.spec.ts.
 */
describe('a questionnaire with its own scoring model, scored and compared from the database', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let caseId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot(servicesTestConfig(database.url), { consumeJobs: false }),
        CasesModule,
        EvaluationModule,
      ],
    }).compile();
    await moduleRef.init();
    const identity = moduleRef.get(IdentityService);
    const agencyId = (await identity.createAgency('Impact assessment agency')).id;
    const admin = await identity.createStaffUser({
      agencyId,
      email: 'admin@impact.example',
      name: 'Ada Admin',
      role: 'admin',
      password: 'impact assessment passphrase',
    });
    const actor = { type: 'staff' as const, id: admin.id, label: 'Ada Admin' };
    const templates = moduleRef.get(QuestionnaireTemplates);
    const draft = await templates.importDraft(agencyId, 'impact-assessment', JSON.stringify(IMPACT_ASSESSMENT), actor);
    await templates.publish(agencyId, draft.id, actor);

    const cases = moduleRef.get(CasesService);
    const created = await cases.createCase(agencyId, {
      ...demoCase(new Date('2026-11-01T00:00:00Z')),
      questionnaireKey: 'impact-assessment',
    });
    caseId = created.id;
    await cases.transition(caseId, 'open');
    const responses = moduleRef.get(ResponsesService);
    for (const [name, answers] of Object.entries(IMPACT_ASSESSMENT_RESPONDENTS)) {
      const { response } = await moduleRef.get(ProviderInvitesService).inviteProvider(caseId, {
        organisationName: name,
        country: 'FR',
        legalIdentifiers: {},
        contactEmails: [`${name.split(' ')[0].toLowerCase()}@providers.example`],
      });
      await responses.saveAnswers(response.id, answers, 0);
      const submitted = await responses.submit(response.id);
      await moduleRef.get(AutomatedScoringService).scoreResponse(submitted.id, submitted.revision);
    }
    await moduleRef.get(AutomatedScoringService).compareCase(caseId);
  });

  afterAll(async () => {
    await moduleRef.close();
    await database.drop();
  });

  it('stores each provider’s model values and level with its score', async () => {
    const results = moduleRef.get(EvaluationResultsService);
    const sheets = await Promise.all(
      (await moduleRef.get(ResponsesService).responsesOf(caseId)).map(async (response) => ({
        name: response.organisationName,
        sheet: (await results.latestScore(response.id))?.sheet as ScoreSheet,
      })),
    );
    const summary = Object.fromEntries(
      sheets.map(({ name, sheet }) => [
        name,
        [...sheet.model!.values.map((v) => Math.round((v.value as number) * 1000) / 1000), sheet.model!.level?.level],
      ]),
    );
    // [impact, mitigation, riskScore, level]
    expect(summary).toEqual({
      'Alpha Analytics': [3, 22, 2.7, 'level-1'],
      'Beta Vision': [45, 24, 40.5, 'level-3'],
      'Gamma Systems': [45, 16, 45, 'level-4'],
      'Delta Data': [35, 18, 31.5, 'level-3'],
      'Epsilon Labs': [13, 2, 13, 'level-1'],
    });
    // No principle mapping: the principle scores are empty, not zero.
    expect(sheets.every(({ sheet }) => sheet.overall === null)).toBe(true);
  });

  it('ranks the case by the model’s rule and direction, lowest risk first', async () => {
    const stored = await moduleRef.get(EvaluationResultsService).latestComparison(caseId);
    expect(stored?.comparison.ranked).toEqual([]);
    expect(stored?.comparison.model?.ranked.map((p) => [p.rank, p.name, p.level, p.pass])).toEqual([
      [1, 'Alpha Analytics', 'level-1', true],
      [2, 'Epsilon Labs', 'level-1', true],
      [3, 'Delta Data', 'level-3', true],
      [4, 'Beta Vision', 'level-3', true],
      [5, 'Gamma Systems', 'level-4', false],
    ]);
  });
});
