import { ConflictException, NotFoundException } from '@nestjs/common';
import type { ProcurementCase, ProviderResponse, ResponsesService } from '@probity/cases';
import type { IdentityService } from '@probity/identity';
import type { QuestionnaireDefinition } from '@probity/questionnaires';
import { JudgementQuestion, judgementQuestions } from './judgement-questions';

/** Case statuses in which submissions have been opened for the panel. */
export const OPENED = new Set(['closed', 'evaluation', 'dossier_review', 'signed_off', 'awarded', 'in_use']);
/** Case statuses in which the panel may still score and the officer may still moderate. */
export const SCORING = new Set(['closed', 'evaluation']);

/** The judgement questions of one response of the case. */
export function judgementQuestionsOf(found: ProcurementCase, response: ProviderResponse): JudgementQuestion[] {
  return judgementQuestions(found.questionnaireDefinition as QuestionnaireDefinition, response.answers);
}

/** One judgement question of the response; 404 for any other name. */
export function judgementQuestionOf(
  found: ProcurementCase,
  response: ProviderResponse,
  questionName: string,
): JudgementQuestion {
  const question = judgementQuestionsOf(found, response).find((q) => q.questionName === questionName);
  if (!question)
    throw new NotFoundException(`“${questionName}” is not a question of this response that the panel scores.`);
  return question;
}

/** 409 unless the panel may still score (and the officer moderate) in the case's status. */
export function assertScoringOpen(found: ProcurementCase): void {
  if (!SCORING.has(found.status))
    throw new ConflictException(
      found.status === 'open' || found.status === 'draft'
        ? 'The panel scores once the case has closed for responses.'
        : `The case is ${found.status.replace('_', ' ')}; panel scores can no longer change.`,
    );
}

/** A submitted response of the case once submissions are opened to the panel; 404 otherwise. */
export async function submittedResponseOf(
  responses: ResponsesService,
  found: ProcurementCase,
  responseId: string,
): Promise<ProviderResponse> {
  const response = await responses.responseOfAgency(found.agencyId, responseId);
  if (response.caseId !== found.id || response.status !== 'submitted' || !OPENED.has(found.status))
    throw new NotFoundException('No such submitted response in this case.');
  return response;
}

/** Staff names by id, to show evaluators and moderators by name. */
export async function staffNames(identity: IdentityService, agencyId: string): Promise<(id: string) => string> {
  const names = new Map((await identity.staffOfAgency(agencyId)).map((user) => [user.id, user.name]));
  return (id) => names.get(id) ?? 'Former staff member';
}
