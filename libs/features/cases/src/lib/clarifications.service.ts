import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditTrail } from '@probity/audit';
import { UnitOfWork } from '@probity/database';
import type { CaseIdResolver, StaffPrincipal } from '@probity/identity';
import { Actor } from './actor';
import { Clarification, ProcurementCase, ProviderResponse } from './case.entities';
import { isUuid } from './cases.service';
import { ClarificationRepository } from './clarification.repository';

export const MAX_CLARIFICATION_LENGTH = 4000;
/** An answer may quote the tender documents at length; the published e-mail still has to carry it whole. */
export const MAX_CLARIFICATION_ANSWER_LENGTH = 10000;

/** Why an officer's answer (and reworded question) cannot be published, or null when it can. */
export function clarificationAnswerProblem(input: { question?: unknown; answer?: unknown }): string | null {
  const answer = typeof input.answer === 'string' ? input.answer.trim() : '';
  if (!answer) return 'Write the answer before publishing it.';
  if (answer.length > MAX_CLARIFICATION_ANSWER_LENGTH)
    return `An answer can be at most ${MAX_CLARIFICATION_ANSWER_LENGTH.toLocaleString('en')} characters.`;
  if (input.question !== undefined && typeof input.question !== 'string') return 'The reworded question must be text.';
  if ((input.question ?? '').trim().length > MAX_CLARIFICATION_LENGTH)
    return `A question can be at most ${MAX_CLARIFICATION_LENGTH.toLocaleString('en')} characters.`;
  return null;
}

/**
 * Providers' questions about a tender. Answers are published to every invited provider at once and
 * without the asker's identity, so no provider learns more than another (equal treatment).
 */
@Injectable()
export class ClarificationsService implements CaseIdResolver {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clarifications: ClarificationRepository,
    private readonly audit: AuditTrail,
  ) {}

  async ask(response: ProviderResponse, procurementCase: ProcurementCase, question: string): Promise<Clarification> {
    const text = question?.trim() ?? '';
    if (!text) throw new UnprocessableEntityException('Write your question before sending it.');
    if (text.length > MAX_CLARIFICATION_LENGTH)
      throw new UnprocessableEntityException(`A question can be at most ${MAX_CLARIFICATION_LENGTH} characters.`);
    if (procurementCase.questionsDue && procurementCase.questionsDue.getTime() < Date.now())
      throw new ConflictException(
        `Questions for ${procurementCase.reference} were due by ${procurementCase.questionsDue.toISOString().slice(0, 10)}.`,
      );
    return this.unitOfWork.run(async () => {
      const clarification = await this.clarifications.insert({
        id: randomUUID(),
        caseId: procurementCase.id,
        askedByResponseId: response.id,
        question: text,
        answer: null,
        publishedAt: null,
      });
      await this.audit.recordChange(
        { type: 'provider', id: response.id, label: response.organisationName },
        {
          agencyId: procurementCase.agencyId,
          action: 'clarification.asked',
          subject: { type: 'clarification', id: clarification.id },
          after: { question: text },
        },
      );
      return clarification;
    });
  }

  /**
   * The case a clarification belongs to, for the access policy (`@RequiresAccess` with `CLARIFICATION_IDS`):
   * a clarification of another agency, or a malformed id, is 404 before anything else is checked.
   */
  async caseIdOf(staff: StaffPrincipal, clarificationId: string): Promise<string> {
    const found = isUuid(clarificationId)
      ? await this.clarifications.findOfAgency(staff.agencyId, clarificationId)
      : null;
    if (!found) throw new NotFoundException('No such clarification.');
    return found.caseId;
  }

  /** Every question of a case with who asked it; for the agency's staff only. */
  async forCase(caseId: string): Promise<Array<Clarification & { askedBy?: ProviderResponse }>> {
    return this.clarifications.withAskers(caseId);
  }

  /** What providers see: published answers, never who asked. */
  async publishedFor(
    caseId: string,
  ): Promise<Array<Pick<Clarification, 'id' | 'question' | 'answer' | 'publishedAt'>>> {
    const published = await this.clarifications.published(caseId);
    return published.map(({ id, question, answer, publishedAt }) => ({ id, question, answer, publishedAt }));
  }

  /** Questions this provider asked that are not answered yet (they see their own pending questions). */
  async pendingOf(responseId: string): Promise<Clarification[]> {
    return this.clarifications.pendingOf(responseId);
  }

  /**
   * Answers and publishes a question. The officer may reword the question to remove anything that
   * identifies the provider; the published text is what every provider sees. Joins the caller's unit of
   * work, so the e-mails announcing it can be queued in the same transaction.
   */
  async answer(
    agencyId: string,
    clarificationId: string,
    input: { question?: string; answer: string },
    actor: Actor,
  ): Promise<Clarification> {
    // Checked here, not only in the API's DTO: the case page posts a form that reaches this method directly.
    const problem = clarificationAnswerProblem(input);
    if (problem) throw new UnprocessableEntityException(problem);
    const answer = input.answer.trim();
    const reworded = input.question?.trim() ?? '';
    return this.unitOfWork.run(async () => {
      const clarification = isUuid(clarificationId)
        ? await this.clarifications.lockOfAgency(agencyId, clarificationId)
        : null;
      if (!clarification) throw new NotFoundException('No such clarification.');
      if (clarification.publishedAt) throw new ConflictException('This clarification has already been published.');
      const question = reworded || clarification.question;
      await this.clarifications.publish(clarification.id, question, answer);
      await this.audit.recordChange(actor, {
        agencyId,
        action: 'clarification.published',
        subject: { type: 'clarification', id: clarification.id },
        before: { question: clarification.question },
        after: { question, answer },
      });
      return this.clarifications.findById(clarification.id);
    });
  }
}

/** `@RequiresAccess` options for a route naming a clarification as `:clarificationId`. */
export const CLARIFICATION_IDS = { ids: { param: 'clarificationId', by: ClarificationsService } } as const;
