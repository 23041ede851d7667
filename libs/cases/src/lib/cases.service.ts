import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  BUILT_IN_QUESTIONNAIRES,
  contentHash,
  QuestionnaireDefinition,
  validateAnswers,
} from '@probity/questionnaires';
import { JobOutbox } from '@probity/queue';
import { CriteriaWeights, validateCriteriaWeights } from '@probity/scoring';
import { CaseStatus, checkTransition } from './case-lifecycle';
import { EvidenceFile, ProcurementCase, ProviderResponse } from './case.entities';

export interface CreateCaseInput {
  reference: string;
  title: string;
  description: string;
  intendedUse: string;
  aiActClassification: Record<string, unknown>;
  estimatedValue?: number;
  currency?: string;
  questionsDue?: Date;
  responsesDue: Date;
  criteriaWeights: CriteriaWeights;
  questionnaireKey: string;
}

export interface InviteProviderInput {
  organisationName: string;
  country: string;
  legalIdentifiers: Record<string, string>;
  contactEmails: string[];
}

export class AnswerValidationException extends UnprocessableEntityException {
  constructor(readonly problems: Array<{ questionName: string; message: string }>) {
    super({ statusCode: 422, error: 'Unprocessable Entity', message: problems.map((p) => p.message), problems });
  }
}

/**
 * Procurement cases and the providers' responses to them. Every state change that triggers
 * background work records its job in the same transaction (transactional outbox).
 */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: JobOutbox,
  ) {}

  async createCase(agencyId: string, input: CreateCaseInput): Promise<ProcurementCase> {
    const problems = validateCriteriaWeights(input.criteriaWeights);
    if (problems.length) throw new UnprocessableEntityException(problems);
    const template = BUILT_IN_QUESTIONNAIRES.find((q) => q.key === input.questionnaireKey);
    if (!template) throw new UnprocessableEntityException(`Unknown questionnaire "${input.questionnaireKey}".`);
    const repository = this.dataSource.getRepository(ProcurementCase);
    if (await repository.existsBy({ agencyId, reference: input.reference })) {
      throw new ConflictException(`A case with reference ${input.reference} already exists.`);
    }
    const created = repository.create({
      ...input,
      id: randomUUID(),
      agencyId,
      panel: [],
      estimatedValue: input.estimatedValue ?? null,
      currency: input.currency ?? null,
      questionsDue: input.questionsDue ?? null,
      status: 'draft',
      questionnaireVersion: template.version,
      questionnaireDefinition: structuredClone(template.definition),
      questionnaireHash: contentHash(template.definition),
      publishedAt: null,
    });
    return repository.save(created);
  }

  async getCase(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<ProcurementCase> {
    const found = await manager.findOneBy(ProcurementCase, { id: caseId });
    if (!found) throw new NotFoundException('No such case.');
    return found;
  }

  async transition(caseId: string, to: CaseStatus): Promise<ProcurementCase> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(ProcurementCase, {
        where: { id: caseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw new NotFoundException('No such case.');
      const check = checkTransition(current.status, to);
      if (!check.allowed) throw new ConflictException(check.reason);
      const changes: Partial<ProcurementCase> = { status: to };
      if (to === 'open') changes.publishedAt = new Date();
      // The dossier under review must show the weights it was evaluated with.
      if (to === 'dossier_review' && !current.weightsLockedAt) changes.weightsLockedAt = new Date();
      await manager.save(ProcurementCase, { ...current, ...changes });
      if (to === 'evaluation')
        await this.outbox.add(
          manager,
          'evaluation.start',
          { caseId },
          { jobId: `evaluation-${caseId}-${current.version}` },
        );
      return this.getCase(caseId, manager);
    });
  }

  async inviteProvider(caseId: string, input: InviteProviderInput): Promise<ProviderResponse> {
    const found = await this.getCase(caseId);
    if (!['draft', 'open'].includes(found.status))
      throw new ConflictException('Providers can only be invited before the case closes.');
    const repository = this.dataSource.getRepository(ProviderResponse);
    const response = repository.create({
      ...input,
      id: randomUUID(),
      caseId,
      answers: {},
      revision: 0,
      status: 'invited',
      firstOpenedAt: null,
      submittedAt: null,
      submissionHash: null,
    });
    return repository.save(response);
  }

  async responsesOf(caseId: string): Promise<ProviderResponse[]> {
    return this.dataSource
      .getRepository(ProviderResponse)
      .find({ where: { caseId }, order: { organisationName: 'ASC' } });
  }

  async getResponse(responseId: string): Promise<ProviderResponse> {
    const found = await this.dataSource.getRepository(ProviderResponse).findOneBy({ id: responseId });
    if (!found) throw new NotFoundException('No such response.');
    return found;
  }

  /** Autosave: merges answers if the caller saw the latest revision, otherwise 409 with the current state. */
  async saveAnswers(
    responseId: string,
    changes: Record<string, unknown>,
    expectedRevision: number,
  ): Promise<ProviderResponse> {
    return this.dataSource.transaction(async (manager) => {
      const response = await manager.findOne(ProviderResponse, {
        where: { id: responseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!response) throw new NotFoundException('No such response.');
      if (response.status === 'submitted')
        throw new ConflictException('This response is submitted; its answers are frozen.');
      const found = await this.getCase(response.caseId, manager);
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
      const problems = validateAnswers(found.questionnaireDefinition as QuestionnaireDefinition, answers, {
        forSubmit: false,
      });
      if (problems.length) throw new AnswerValidationException(problems);
      return manager.save(ProviderResponse, {
        ...response,
        answers,
        revision: response.revision + 1,
        status: 'in_progress' as const,
      });
    });
  }

  async addEvidence(
    responseId: string,
    questionName: string,
    fileName: string,
    contentType: string,
    content: Buffer,
  ): Promise<EvidenceFile> {
    const response = await this.getResponse(responseId);
    if (response.status === 'submitted')
      throw new ConflictException('This response is submitted; its evidence is frozen.');
    const repository = this.dataSource.getRepository(EvidenceFile);
    const evidence = repository.create({
      id: randomUUID(),
      responseId,
      questionName,
      fileName,
      contentType,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    return repository.save(evidence);
  }

  async evidenceOf(responseId: string): Promise<EvidenceFile[]> {
    return this.dataSource.getRepository(EvidenceFile).find({ where: { responseId }, order: { uploadedAt: 'ASC' } });
  }

  /** Validates everything, freezes the answers, and records the scoring job in the same transaction. */
  async submit(responseId: string): Promise<ProviderResponse> {
    return this.dataSource.transaction(async (manager) => {
      const response = await manager.findOne(ProviderResponse, {
        where: { id: responseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!response) throw new NotFoundException('No such response.');
      if (response.status === 'submitted') throw new ConflictException('This response was already submitted.');
      const found = await this.getCase(response.caseId, manager);
      if (found.status !== 'open') throw new ConflictException('The case is not open for responses.');
      const problems = validateAnswers(found.questionnaireDefinition as QuestionnaireDefinition, response.answers, {
        forSubmit: true,
      });
      if (problems.length) throw new AnswerValidationException(problems);
      const evidence = await manager.find(EvidenceFile, { where: { responseId }, order: { id: 'ASC' } });
      const submissionHash = contentHash({
        questionnaireHash: found.questionnaireHash,
        answers: response.answers,
        evidence: evidence.map((file) => ({ question: file.questionName, sha256: file.sha256 })),
      });
      const submittedAt = new Date();
      const submitted = await manager.save(ProviderResponse, {
        ...response,
        status: 'submitted' as const,
        submittedAt,
        submissionHash,
      });
      await this.outbox.add(
        manager,
        'scoring.score-response',
        { responseId, revision: response.revision },
        { jobId: `score-${responseId}-r${response.revision}` },
      );
      return submitted;
    });
  }
}
