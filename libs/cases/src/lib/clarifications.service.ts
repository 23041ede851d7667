import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { AuditTrail } from '@probity/audit';
import { Actor } from './actor';
import { Clarification, ProcurementCase, ProviderResponse } from './case.entities';
import { isUuid } from './cases.service';

export const MAX_CLARIFICATION_LENGTH = 4000;

/**
 * Providers' questions about a tender. Answers are published to every invited provider at once and
 * without the asker's identity, so no provider learns more than another (equal treatment).
 */
@Injectable()
export class ClarificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    return this.dataSource.transaction(async (manager) => {
      const clarification = manager.create(Clarification, {
        id: randomUUID(),
        caseId: procurementCase.id,
        askedByResponseId: response.id,
        question: text,
        answer: null,
        publishedAt: null,
      });
      await manager.save(Clarification, clarification);
      await this.audit.record(manager, {
        agencyId: procurementCase.agencyId,
        actorType: 'provider',
        actorId: response.id,
        actorLabel: response.organisationName,
        action: 'clarification.asked',
        subjectType: 'clarification',
        subjectId: clarification.id,
        after: { question: text },
      });
      return manager.findOneByOrFail(Clarification, { id: clarification.id });
    });
  }

  /** Every question of a case with who asked it; for the agency's staff only. */
  async forCase(caseId: string): Promise<Array<Clarification & { askedBy?: ProviderResponse }>> {
    return this.dataSource
      .getRepository(Clarification)
      .find({ where: { caseId }, relations: { askedBy: true }, order: { askedAt: 'ASC' } });
  }

  /** What providers see: published answers, never who asked. */
  async publishedFor(
    caseId: string,
  ): Promise<Array<Pick<Clarification, 'id' | 'question' | 'answer' | 'publishedAt'>>> {
    const published = await this.dataSource
      .getRepository(Clarification)
      .find({ where: { caseId, publishedAt: Not(IsNull()) }, order: { publishedAt: 'ASC' } });
    return published.map(({ id, question, answer, publishedAt }) => ({ id, question, answer, publishedAt }));
  }

  /** Questions this provider asked that are not answered yet (they see their own pending questions). */
  async pendingOf(responseId: string): Promise<Clarification[]> {
    return this.dataSource
      .getRepository(Clarification)
      .find({ where: { askedByResponseId: responseId, publishedAt: IsNull() }, order: { askedAt: 'ASC' } });
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
    onPublished?: (manager: EntityManager, published: Clarification) => Promise<void>,
  ): Promise<Clarification> {
    const answer = input.answer?.trim() ?? '';
    if (!answer) throw new UnprocessableEntityException('Write the answer before publishing it.');
    return this.dataSource.transaction(async (manager) => {
      const clarification = isUuid(clarificationId)
        ? await manager.findOne(Clarification, {
            where: { id: clarificationId, procurementCase: { agencyId } },
            lock: { mode: 'pessimistic_write', tables: ['clarifications'] },
          })
        : null;
      if (!clarification) throw new NotFoundException('No such clarification.');
      if (clarification.publishedAt) throw new ConflictException('This clarification has already been published.');
      const question = input.question?.trim() || clarification.question;
      await manager.update(Clarification, { id: clarification.id }, { question, answer, publishedAt: new Date() });
      await this.audit.record(manager, {
        agencyId,
        actorType: actor.type,
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'clarification.published',
        subjectType: 'clarification',
        subjectId: clarification.id,
        before: { question: clarification.question },
        after: { question, answer },
      });
      const published = await manager.findOneByOrFail(Clarification, { id: clarification.id });
      await onPublished?.(manager, published);
      return published;
    });
  }
}
