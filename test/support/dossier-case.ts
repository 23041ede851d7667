import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CasesService,
  Clarification,
  ClarificationsService,
  PanelMember,
  ResponsesService,
  SYSTEM_ACTOR,
} from '@probity/cases';
import { demoCase, submitDemoResponses } from '@probity/demo';
import { EvaluationResultsService } from '@probity/evaluation';
import type { QuestionnaireDefinition } from '@probity/questionnaires';
import { waitFor } from '@probity/testing';

/**
 * A case of the demo agency data taken to legal review the way the procedure runs it: published, three
 * demo providers answer and submit, a provider's question is answered and published to all
 * (`CLARIFICATION`), the panel is set, the evaluation compares the providers and the case is sent to
 * legal review. Returns the case id and reference.
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
  await submitDemoResponses(app, caseId, definition);
  await publishClarification(app, agencyId, caseId);
  await cases.transition(caseId, 'closed');
  // The panel is chosen before evaluation starts, so its evaluators are told when it does.
  await cases.setPanel(agencyId, caseId, panel);
  await cases.transition(caseId, 'evaluation');
  const results = app.get(EvaluationResultsService);
  await waitFor(async () => (await results.latestComparison(caseId)) ?? null, 120_000, 250);
  await cases.transition(caseId, 'dossier_review');
  return { caseId, reference };
}

/** The clarification every case from caseInLegalReview publishes before it closes. */
export const CLARIFICATION = {
  question: 'May the system be hosted in a sovereign cloud instead of on premises?',
  answer: 'Yes, provided the hosting stays within the EU and the agency keeps the keys.',
};

async function publishClarification(app: INestApplicationContext, agencyId: string, caseId: string): Promise<void> {
  const [asker] = await app.get(ResponsesService).responsesOf(caseId);
  // Recorded directly: the demo case's date puts its question deadline in the past, which ask() enforces.
  const id = randomUUID();
  await app.get(DataSource).getRepository(Clarification).insert({
    id,
    caseId,
    askedByResponseId: asker.id,
    question: CLARIFICATION.question,
    answer: null,
    publishedAt: null,
  });
  await app.get(ClarificationsService).answer(agencyId, id, { answer: CLARIFICATION.answer }, SYSTEM_ACTOR);
}
