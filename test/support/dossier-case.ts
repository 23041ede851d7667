import type { INestApplicationContext } from '@nestjs/common';
import { CasesService, PanelMember } from '@probity/cases';
import { demoCase, submitDemoResponses } from '@probity/demo';
import { EvaluationResultsService } from '@probity/evaluation';
import type { QuestionnaireDefinition } from '@probity/questionnaires';
import { waitFor } from '@probity/testing';

/**
 * A case of the demo agency data taken to legal review the way the procedure runs it: published, three
 * demo providers answer and submit, the evaluation compares them, the panel is set and the case is
 * sent to legal review. Returns the case id and reference.
 */
export async function caseInLegalReview(
  app: INestApplicationContext,
  agencyId: string,
  panel: PanelMember[],
  reference: string,
): Promise<{ caseId: string; reference: string }> {
  const cases = app.get(CasesService);
  const created = await cases.createCase(agencyId, { ...demoCase(new Date('2026-11-01T00:00:00Z')), reference });
  const caseId = created.id;
  await cases.transition(caseId, 'open');
  const definition = created.questionnaireDefinition as QuestionnaireDefinition;
  await submitDemoResponses(cases, caseId, definition);
  await cases.transition(caseId, 'closed');
  await cases.transition(caseId, 'evaluation');
  const results = app.get(EvaluationResultsService);
  await waitFor(async () => (await results.latestComparison(caseId)) ?? null, 120_000, 250);
  await cases.setPanel(agencyId, caseId, panel);
  await cases.transition(caseId, 'dossier_review');
  return { caseId, reference };
}
