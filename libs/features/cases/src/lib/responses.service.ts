import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { AuditTrail } from '@probity/audit';
import { UnitOfWork } from '@probity/database';
import { contentHash, QuestionnaireDefinition, questionsOf, validateAnswers } from '@probity/questionnaires';
import { JobOutbox } from '@probity/queue';
import { recordStep, timeStep } from '@probity/web';
import { Actor, SYSTEM_ACTOR } from './actor';
import { ProviderResponse } from './case.entities';
import { CasesService, isUuid } from './cases.service';
import { ResponseAwaitingSubmission, ResponseRepository } from './response.repository';

export class AnswerValidationException extends UnprocessableEntityException {
  constructor(readonly problems: Array<{ questionName: string; message: string }>) {
    super({ statusCode: 422, error: 'Unprocessable Entity', message: problems.map((p) => p.message), problems });
  }
}

/**
 * Providers' responses: reading them (audited for staff), autosave with optimistic revisions, submission
 * (which queues scoring in the same transaction) and reopening a submission.
 */
@Injectable()
export class ResponsesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly responseRepository: ResponseRepository,
    private readonly cases: CasesService,
    private readonly outbox: JobOutbox,
    private readonly audit: AuditTrail,
  ) {}

  /** A response to a case of the caller's agency; 404 otherwise. */
  async responseOfAgency(agencyId: string, responseId: string): Promise<ProviderResponse> {
    const found = isUuid(responseId) ? await this.responseRepository.findOfAgency(agencyId, responseId) : null;
    if (!found) throw new NotFoundException('No such response.');
    return found;
  }

  /** A staff member reads a provider's submission: recorded in the audit trail before it is returned. */
  async viewResponse(agencyId: string, responseId: string, actor: Actor): Promise<ProviderResponse> {
    const response = await this.responseOfAgency(agencyId, responseId);
    await this.unitOfWork.run(() =>
      this.audit.recordChange(actor, {
        agencyId: agencyId,
        action: 'response.viewed',
        subject: { type: 'response', id: responseId },
        before: null,
        after: {
          revision: response.revision,
          status: response.status,
        },
      }),
    );
    return response;
  }

  /** For deadline reminders: unsubmitted responses of open cases due in (after, dueBy]. */
  awaitingSubmission(after: Date, dueBy: Date): Promise<ResponseAwaitingSubmission[]> {
    return this.responseRepository.awaitingSubmission(after, dueBy);
  }

  async responsesOf(caseId: string): Promise<ProviderResponse[]> {
    return this.responseRepository.listOfCase(caseId);
  }

  /** The responses with these ids that exist, in one query (missing ids are simply absent). */
  getResponses(responseIds: string[]): Promise<ProviderResponse[]> {
    return this.responseRepository.findByIds(responseIds);
  }

  async getResponse(responseId: string): Promise<ProviderResponse> {
    const found = await this.responseRepository.findById(responseId);
    if (!found) throw new NotFoundException('No such response.');
    return found;
  }

  /** Autosave: merges answers if the caller saw the latest revision, otherwise 409 with the current state. */
  async saveAnswers(
    responseId: string,
    changes: Record<string, unknown>,
    expectedRevision: number,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<ProviderResponse> {
    return this.unitOfWork.run(async () => {
      // Steps named for the Server-Timing header (SERVER_TIMING=on): what each part of an autosave costs.
      const response = await timeStep('revision', () => this.responseRepository.lockForUpdate(responseId));
      if (!response) throw new NotFoundException('No such response.');
      if (response.status === 'submitted')
        throw new ConflictException('This response is submitted; its answers are frozen.');
      const found = await timeStep('revision', () => this.cases.getCase(response.caseId));
      if (found.status !== 'open') throw new ConflictException('The case is not open for responses.');
      if (response.revision !== expectedRevision) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: 'These answers changed elsewhere since you loaded them.',
          current: { revision: response.revision, answers: response.answers },
        });
      }
      const answers = { ...response.answers, ...changes };
      for (const [name, value] of Object.entries(changes)) if (value === null) delete answers[name];
      const validating = performance.now();
      const problems = validateAnswers(found.questionnaireDefinition as QuestionnaireDefinition, answers, {
        forSubmit: false,
      });
      recordStep('validate', performance.now() - validating);
      if (problems.length) throw new AnswerValidationException(problems);
      const saved = await timeStep('write', () =>
        this.responseRepository.save({
          ...response,
          answers,
          revision: response.revision + 1,
          status: 'in_progress' as const,
        }),
      );
      await timeStep('audit', () =>
        this.audit.recordChange(actor, {
          agencyId: found.agencyId,
          action: 'response.answers-saved',
          subject: { type: 'response', id: responseId },
          before: { revision: response.revision, answers: pick(response.answers, Object.keys(changes)) },
          after: { revision: saved.revision, answers: pick(answers, Object.keys(changes)) },
        }),
      );
      return saved;
    });
  }

  /** Reopens a submitted response for corrections; the reason is required and recorded. */
  async reopen(responseId: string, reason: string, actor: Actor = SYSTEM_ACTOR): Promise<ProviderResponse> {
    if (!reason?.trim()) throw new UnprocessableEntityException('Reopening a submission needs a reason.');
    return this.unitOfWork.run(async () => {
      const response = await this.responseRepository.lockForUpdate(responseId);
      if (!response) throw new NotFoundException('No such response.');
      if (response.status !== 'submitted') throw new ConflictException('Only a submitted response can be reopened.');
      const found = await this.cases.getCase(response.caseId);
      if (found.status !== 'open') throw new ConflictException('A submission can be reopened while the case is open.');
      const reopened = await this.responseRepository.save({
        ...response,
        status: 'in_progress' as const,
        submittedAt: null,
        submissionHash: null,
        revision: response.revision + 1,
      });
      await this.audit.recordChange(actor, {
        agencyId: found.agencyId,
        action: 'response.reopened',
        subject: { type: 'response', id: responseId },
        before: { status: 'submitted', submissionHash: response.submissionHash },
        after: { status: 'in_progress', reason: reason.trim() },
      });
      return reopened;
    });
  }

  /**
   * Validates everything, freezes the answers, and records the scoring job in the same transaction. Joins
   * the caller's unit of work, so what the caller queues with it (the receipt) commits with it.
   */
  async submit(responseId: string, actor: Actor = SYSTEM_ACTOR): Promise<ProviderResponse> {
    return this.unitOfWork.run(async () => {
      const response = await this.responseRepository.lockForUpdate(responseId);
      if (!response) throw new NotFoundException('No such response.');
      if (response.status === 'submitted') throw new ConflictException('This response was already submitted.');
      const found = await this.cases.getCase(response.caseId);
      if (found.status !== 'open') throw new ConflictException('The case is not open for responses.');
      const evidence = await this.responseRepository.evidenceForSubmission(responseId);
      const definition = found.questionnaireDefinition as QuestionnaireDefinition;
      // A file question is answered by the evidence uploaded for it.
      const answers = { ...response.answers };
      for (const { question } of questionsOf(definition).filter((located) => located.question.type === 'file')) {
        const files = evidence.filter((file) => file.questionName === question.name);
        if (files.length) answers[question.name] = files.map((file) => ({ name: file.fileName, sha256: file.sha256 }));
        else delete answers[question.name];
      }
      const problems = validateAnswers(definition, answers, { forSubmit: true });
      if (problems.length) throw new AnswerValidationException(problems);
      const submissionHash = contentHash({
        questionnaireHash: found.questionnaireHash,
        answers,
        evidence: evidence.map((file) => ({ question: file.questionName, sha256: file.sha256 })),
      });
      const submittedAt = new Date();
      const submitted = await this.responseRepository.save({
        ...response,
        answers,
        status: 'submitted' as const,
        submittedAt,
        submissionHash,
      });
      await this.audit.recordChange(actor, {
        agencyId: found.agencyId,
        action: 'response.submitted',
        subject: { type: 'response', id: responseId },
        before: { status: response.status },
        after: { status: 'submitted', submissionHash, revision: response.revision },
      });
      await this.outbox.add(
        'scoring.score-response',
        { responseId, revision: response.revision },
        { jobId: `score-${responseId}-r${response.revision}` },
      );
      return submitted;
    });
  }
}

function pick(answers: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => name in answers).map((name) => [name, answers[name]]));
}
