import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditTrail } from '@probity/audit';
import { UnitOfWork } from '@probity/database';
import { Actor } from './actor';
import { Clarification, ProcurementCase, ProviderResponse } from './case.entities';
import { isUuid } from './cases.service';
import { ClarificationRepository } from './clarification.repository';

export const MAX_CLARIFICATION_LENGTH = 4000;

/**
 * Providers' questions about a tender. Answers are published to every invited provider at once and
 * without the asker's identity, so no provider learns more than another (equal treatment).
 */
@Injectable()
export class ClarificationsService {
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
   * identifies the provider; the published text is what every provider sees.
   */
  async answer(
    agencyId: string,
    clarificationId: string,
    input: { question?: string; answer: string },
    actor: Actor,
    /** Runs in the publishing transaction, e.g. to queue the e-mails that announce it. */
    onPublished?: (manager: UnitOfWork['transaction'], published: Clarification) => Promise<void>,
  ): Promise<Clarification> {
    const answer = input.answer?.trim() ?? '';
    if (!answer) throw new UnprocessableEntityException('Write the answer before publishing it.');
    return this.unitOfWork.run(async () => {
      const clarification = isUuid(clarificationId)
        ? await this.clarifications.lockOfAgency(agencyId, clarificationId)
        : null;
      if (!clarification) throw new NotFoundException('No such clarification.');
      if (clarification.publishedAt) throw new ConflictException('This clarification has already been published.');
      const question = input.question?.trim() || clarification.question;
      await this.clarifications.publish(clarification.id, question, answer);
      await this.audit.recordChange(actor, {
        agencyId,
        action: 'clarification.published',
        subject: { type: 'clarification', id: clarification.id },
        before: { question: clarification.question },
        after: { question, answer },
      });
      const published = await this.clarifications.findById(clarification.id);
      await onPublished?.(this.unitOfWork.transaction, published);
      return published;
    });
  }
}
