import {
  ConflictException,
  GoneException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, FindOptionsSelect } from 'typeorm';
import { contentHash, QuestionnaireDefinition, questionsOf, validateAnswers } from '@probity/questionnaires';
import { JobOutbox } from '@probity/queue';
import { AuditTrail } from '@probity/audit';
import { Actor, SYSTEM_ACTOR } from './actor';
import { CriteriaWeights, validateCriteriaWeights } from '@probity/scoring';
import { CaseStatus, checkPanelChange, checkTransition, TransitionActor } from './case-lifecycle';
import { responsesClosedAt } from './response-period';
import { EvidenceFile, InviteLink, PanelMember, ProcurementCase, ProviderResponse } from './case.entities';
import { checkEvidenceFile, safeEvidenceFileName } from './evidence-policy';
import { QuestionnaireTemplates } from './questionnaire-templates.service';
import { Agency, looksLikeToken, newToken, StaffUser, tokenHash } from '@probity/identity';
import { IsNull } from 'typeorm';

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
    private readonly audit: AuditTrail,
    private readonly templates: QuestionnaireTemplates,
  ) {}

  async createCase(agencyId: string, input: CreateCaseInput, actor: Actor = SYSTEM_ACTOR): Promise<ProcurementCase> {
    const problems = validateCriteriaWeights(input.criteriaWeights);
    if (problems.length) throw new UnprocessableEntityException(problems);
    // Built-in or the agency's published version, copied into the case: later versions never change it.
    const template = await this.templates.choose(agencyId, input.questionnaireKey);
    const repository = this.dataSource.getRepository(ProcurementCase);
    if (await repository.existsBy({ agencyId, reference: input.reference })) {
      throw new ConflictException(`A case with reference ${input.reference} already exists.`);
    }
    const created = repository.create({
      ...input,
      questionnaireKey: template.key,
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
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(ProcurementCase, created);
      await this.audit.recordChange(
        actor,
        {
          agencyId: agencyId,
          action: 'case.created',
          subject: { type: 'case', id: saved.id },
          before: null,
          after: {
            reference: saved.reference,
            title: saved.title,
            questionnaire: `${saved.questionnaireKey}@${saved.questionnaireVersion}`,
          },
        },
        manager,
      );
      return saved;
    });
  }

  /**
   * A case by id. Its questionnaire copy comes from a cache keyed by its content hash (a copy never
   * changes, and the hash names its content), so the portal's every autosave does not reload and
   * re-parse a questionnaire of a hundred questions.
   */
  async getCase(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<ProcurementCase> {
    const found = await manager.findOne(ProcurementCase, {
      where: { id: caseId },
      select: this.columnsBesideDefinition(),
    });
    if (!found) throw new NotFoundException('No such case.');
    let definition = this.definitionsByHash.get(found.questionnaireHash);
    if (!definition) {
      const { questionnaireDefinition } = await manager.findOneOrFail(ProcurementCase, {
        where: { id: caseId },
        select: { id: true, questionnaireDefinition: true },
      });
      definition = deepFreeze(questionnaireDefinition);
      if (this.definitionsByHash.size >= 100)
        this.definitionsByHash.delete(this.definitionsByHash.keys().next().value as string);
      this.definitionsByHash.set(found.questionnaireHash, definition);
    }
    // Shared by every caller, so frozen: a caller that tried to change it would fail loudly.
    found.questionnaireDefinition = definition;
    return found;
  }

  private readonly definitionsByHash = new Map<string, object>();

  private columnsBesideDefinition(): FindOptionsSelect<ProcurementCase> {
    return Object.fromEntries(
      this.dataSource
        .getMetadata(ProcurementCase)
        .columns.filter((column) => column.propertyName !== 'questionnaireDefinition')
        .map((column) => [column.propertyName, true]),
    );
  }

  /** A case of the caller's agency; any other id, including another agency's, is 404. */
  async caseOfAgency(agencyId: string, caseId: string): Promise<ProcurementCase> {
    const found = isUuid(caseId)
      ? await this.dataSource.getRepository(ProcurementCase).findOneBy({ id: caseId, agencyId })
      : null;
    if (!found) throw new NotFoundException('No such case.');
    return found;
  }

  /** A response to a case of the caller's agency; 404 otherwise. */
  async responseOfAgency(agencyId: string, responseId: string): Promise<ProviderResponse> {
    const found = isUuid(responseId)
      ? await this.dataSource
          .getRepository(ProviderResponse)
          .findOne({ where: { id: responseId, procurementCase: { agencyId } } })
      : null;
    if (!found) throw new NotFoundException('No such response.');
    return found;
  }

  /** A staff member reads a provider's submission: recorded in the audit trail before it is returned. */
  async viewResponse(agencyId: string, responseId: string, actor: Actor): Promise<ProviderResponse> {
    const response = await this.responseOfAgency(agencyId, responseId);
    await this.dataSource.transaction((manager) =>
      this.audit.recordChange(
        actor,
        {
          agencyId: agencyId,
          action: 'response.viewed',
          subject: { type: 'response', id: responseId },
          before: null,
          after: {
            revision: response.revision,
            status: response.status,
          },
        },
        manager,
      ),
    );
    return response;
  }

  async listCases(
    agencyId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: ProcurementCase[]; total: number; page: number; pageSize: number }> {
    const [items, total] = await this.dataSource.getRepository(ProcurementCase).findAndCount({
      where: { agencyId },
      order: { createdAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        reference: true,
        title: true,
        status: true,
        responsesDue: true,
        createdAt: true,
        publishedAt: true,
        agencyId: true,
      },
    });
    return { items, total, page, pageSize };
  }

  /** Sets the evaluation panel: staff of the case's agency in the evaluator or legal reviewer role. */
  async setPanel(
    agencyId: string,
    caseId: string,
    members: PanelMember[],
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<ProcurementCase> {
    const found = await this.caseOfAgency(agencyId, caseId);
    const legalReviewers = members.filter((m) => m.role === 'legal_reviewer').length;
    const allowed = checkPanelChange(found.status, legalReviewers);
    if (!allowed.allowed) throw new ConflictException(allowed.reason);
    const users = await this.dataSource.getRepository(StaffUser).findBy({ agencyId });
    const byId = new Map(users.map((user) => [user.id, user]));
    const problems = members.flatMap((member) => {
      const user = byId.get(member.userId);
      if (!user) return [`${member.userId} is not a member of your agency's staff.`];
      if (user.role !== member.role && user.role !== 'admin')
        return [`${user.name} has the ${user.role.replace('_', ' ')} role, not ${member.role.replace('_', ' ')}.`];
      return [];
    });
    if (problems.length) throw new UnprocessableEntityException(problems);
    await this.dataSource.transaction(async (manager) => {
      // Checked again under the row lock that every transition takes: a sign-off cannot slip in between.
      const locked = await manager.findOneOrFail(ProcurementCase, {
        where: { id: found.id },
        lock: { mode: 'pessimistic_write' },
      });
      const still = checkPanelChange(locked.status, legalReviewers);
      if (!still.allowed) throw new ConflictException(still.reason);
      await manager.update(ProcurementCase, { id: found.id }, { panel: members });
      // Evaluators added while the evaluation runs are e-mailed as those on the panel when it started were.
      const evaluators = members.filter((m) => m.role === 'evaluator').map((m) => m.userId);
      if (locked.status === 'evaluation' && evaluators.length)
        await this.outbox.add(
          manager,
          'evaluation.invite-evaluators',
          { caseId: found.id },
          { jobId: `evaluation-invites-${found.id}-${contentHash(evaluators.sort()).slice(0, 16)}` },
        );
      await this.audit.recordChange(
        actor,
        {
          agencyId: agencyId,
          action: 'case.panel-set',
          subject: { type: 'case', id: found.id },
          before: found.panel,
          after: members,
        },
        manager,
      );
    });
    return this.caseOfAgency(agencyId, caseId);
  }

  async agencyName(agencyId: string): Promise<string> {
    return (await this.dataSource.getRepository(Agency).findOneByOrFail({ id: agencyId })).name;
  }

  /** A step of the procedure taken by staff (or the demo and tests on their behalf); signing off is not one. */
  async transition(caseId: string, to: CaseStatus, actor: Actor = SYSTEM_ACTOR): Promise<ProcurementCase> {
    return this.move(caseId, to, actor, 'staff');
  }

  /** Called by the dossier signing job once it stored the dossier every required reviewer approved. */
  async recordSignOff(caseId: string): Promise<ProcurementCase> {
    return this.move(caseId, 'signed_off', { type: 'system', id: null, label: 'Dossier signing job' }, 'signing-job');
  }

  private async move(caseId: string, to: CaseStatus, actor: Actor, by: TransitionActor): Promise<ProcurementCase> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(ProcurementCase, {
        where: { id: caseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw new NotFoundException('No such case.');
      const check = checkTransition(current.status, to, by);
      if (!check.allowed) throw new ConflictException(check.reason);
      const changes: Partial<ProcurementCase> = { status: to };
      if (to === 'open') changes.publishedAt = new Date();
      // Providers are told when responses actually stopped, which may be well before the deadline.
      if (current.status === 'open') changes.responsesClosedAt = new Date();
      // The dossier under review must show the weights it was evaluated with.
      if (to === 'dossier_review' && !current.weightsLockedAt) changes.weightsLockedAt = new Date();
      await manager.save(ProcurementCase, { ...current, ...changes });
      await this.audit.recordChange(
        actor,
        {
          agencyId: current.agencyId,
          action: 'case.transition',
          subject: { type: 'case', id: caseId },
          before: { status: current.status },
          after: { status: to },
        },
        manager,
      );
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

  /** Invites a provider to an open case; returns the invite link's token, which only the e-mail carries. */
  async inviteProvider(
    caseId: string,
    input: InviteProviderInput,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<{ response: ProviderResponse; token: string }> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.getCase(caseId, manager);
      if (found.status !== 'open')
        throw new ConflictException('Providers can be invited while the case is open for responses.');
      const contactEmails = [...new Set(input.contactEmails.map((email) => email.trim().toLowerCase()))];
      if (!contactEmails.length) throw new UnprocessableEntityException('An invite needs at least one contact e-mail.');
      const response = manager.create(ProviderResponse, {
        ...input,
        contactEmails,
        id: randomUUID(),
        caseId,
        answers: {},
        revision: 0,
        status: 'invited',
        firstOpenedAt: null,
        submittedAt: null,
        submissionHash: null,
      });
      await manager.save(ProviderResponse, response);
      const token = await this.issueLink(manager, response.id);
      await this.audit.recordChange(
        actor,
        {
          agencyId: found.agencyId,
          action: 'invite.created',
          subject: { type: 'response', id: response.id },
          before: null,
          after: {
            organisationName: response.organisationName,
            country: response.country,
            legalIdentifiers: response.legalIdentifiers,
            contactEmails,
          },
        },
        manager,
      );
      return { response: await manager.findOneByOrFail(ProviderResponse, { id: response.id }), token };
    });
  }

  /** A new link for a provider; every earlier link of theirs stops working at once. */
  async reissueInvite(
    responseId: string,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<{ response: ProviderResponse; token: string }> {
    return this.dataSource.transaction(async (manager) => {
      const response = await manager.findOneBy(ProviderResponse, { id: responseId });
      if (!response) throw new NotFoundException('No such response.');
      const found = await this.getCase(response.caseId, manager);
      if (found.status !== 'open') throw new ConflictException('Links can be re-issued while the case is open.');
      await this.revokeLinks(manager, responseId);
      const token = await this.issueLink(manager, responseId);
      await this.audit.recordChange(
        actor,
        {
          agencyId: found.agencyId,
          action: 'invite.reissued',
          subject: { type: 'response', id: responseId },
          before: null,
          after: null,
        },
        manager,
      );
      return { response, token };
    });
  }

  async revokeInvite(responseId: string, actor: Actor = SYSTEM_ACTOR): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const response = await manager.findOneBy(ProviderResponse, { id: responseId });
      if (!response) throw new NotFoundException('No such response.');
      const found = await this.getCase(response.caseId, manager);
      await this.revokeLinks(manager, responseId);
      await this.audit.recordChange(
        actor,
        {
          agencyId: found.agencyId,
          action: 'invite.revoked',
          subject: { type: 'response', id: responseId },
          before: null,
          after: null,
        },
        manager,
      );
    });
  }

  /**
   * The response an invite token opens. Unknown tokens are 404; revoked links, and every link once the
   * deadline has passed or the case has closed, are 410 with the moment it closed — except that, with
   * `readSubmitted`, a provider who submitted can still read what it submitted and its receipt.
   */
  async resolveInvite(
    token: unknown,
    options: { readSubmitted?: boolean } = {},
  ): Promise<{ response: ProviderResponse; procurementCase: ProcurementCase }> {
    if (!looksLikeToken(token)) throw new NotFoundException('This link is not valid. Check that you copied all of it.');
    const link = await this.dataSource.getRepository(InviteLink).findOneBy({ tokenHash: tokenHash(token) });
    if (!link) throw new NotFoundException('This link is not valid. Check that you copied all of it.');
    if (link.revokedAt)
      throw new GoneException('This link has been replaced or withdrawn. Use the most recent invitation e-mail.');
    const response = await this.getResponse(link.responseId);
    const procurementCase = await this.getCase(response.caseId);
    const closedAt = responsesClosedAt(procurementCase);
    if (closedAt && !(options.readSubmitted && response.status === 'submitted'))
      throw new GoneException(
        `The response period for ${procurementCase.reference} closed on ${closedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      );
    if (!response.firstOpenedAt) {
      await this.dataSource
        .getRepository(ProviderResponse)
        .update({ id: response.id, firstOpenedAt: IsNull() }, { firstOpenedAt: new Date() });
    }
    return { response, procurementCase };
  }

  async activeLinkOf(responseId: string): Promise<InviteLink | null> {
    return this.dataSource
      .getRepository(InviteLink)
      .findOne({ where: { responseId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  private async issueLink(manager: EntityManager, responseId: string): Promise<string> {
    const token = newToken();
    await manager.insert(InviteLink, { id: randomUUID(), responseId, tokenHash: tokenHash(token), revokedAt: null });
    return token;
  }

  private async revokeLinks(manager: EntityManager, responseId: string): Promise<void> {
    await manager.update(InviteLink, { responseId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /**
   * When each of the case's providers had its link withdrawn, for those left with no working link
   * (a re-issue revokes the old link but issues a new one, so it is not a withdrawal).
   */
  async withdrawnLinksOf(caseId: string): Promise<Map<string, Date>> {
    const rows: Array<{ responseId: string; withdrawnAt: Date | string }> = await this.dataSource
      .getRepository(InviteLink)
      .createQueryBuilder('link')
      .innerJoin(ProviderResponse, 'response', 'response.id = link.response_id')
      .where('response.case_id = :caseId', { caseId })
      .select('link.response_id', 'responseId')
      .addSelect('MAX(link.revoked_at)', 'withdrawnAt')
      .groupBy('link.response_id')
      .having('bool_and(link.revoked_at IS NOT NULL)')
      .getRawMany();
    return new Map(rows.map((row) => [row.responseId, new Date(row.withdrawnAt)]));
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
    actor: Actor = SYSTEM_ACTOR,
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
      const saved = await manager.save(ProviderResponse, {
        ...response,
        answers,
        revision: response.revision + 1,
        status: 'in_progress' as const,
      });
      await this.audit.recordChange(
        actor,
        {
          agencyId: found.agencyId,
          action: 'response.answers-saved',
          subject: { type: 'response', id: responseId },
          before: { revision: response.revision, answers: pick(response.answers, Object.keys(changes)) },
          after: { revision: saved.revision, answers: pick(answers, Object.keys(changes)) },
        },
        manager,
      );
      return saved;
    });
  }

  /** Stores an evidence file after checking its content type; 415 for anything not on the allow-list. */
  async addEvidence(
    responseId: string,
    questionName: string,
    fileName: string,
    content: Buffer,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<EvidenceFile> {
    const response = await this.getResponse(responseId);
    if (response.status === 'submitted')
      throw new ConflictException('This response is submitted; its evidence is frozen.');
    const found = await this.getCase(response.caseId);
    const question = questionsOf(found.questionnaireDefinition as QuestionnaireDefinition).find(
      (located) => located.question.name === questionName,
    );
    if (!question) throw new UnprocessableEntityException(`The questionnaire has no question "${questionName}".`);
    const check = await checkEvidenceFile(fileName, content);
    if (!check.accepted) throw new UnsupportedMediaTypeException(check.reason);
    const repository = this.dataSource.getRepository(EvidenceFile);
    const evidence = repository.create({
      id: randomUUID(),
      responseId,
      questionName,
      fileName: safeEvidenceFileName(fileName),
      contentType: check.contentType,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.save(EvidenceFile, evidence);
      await this.audit.recordChange(
        actor,
        {
          agencyId: found.agencyId,
          action: 'evidence.added',
          subject: { type: 'response', id: responseId },
          before: null,
          after: {
            evidenceId: evidence.id,
            questionName,
            fileName: evidence.fileName,
            sha256: evidence.sha256,
            sizeBytes: evidence.sizeBytes,
          },
        },
        manager,
      );
    });
    return repository.findOneByOrFail({ id: evidence.id });
  }

  async removeEvidence(responseId: string, evidenceId: string, actor: Actor = SYSTEM_ACTOR): Promise<void> {
    const response = await this.getResponse(responseId);
    if (response.status === 'submitted')
      throw new ConflictException('This response is submitted; its evidence is frozen.');
    const found = await this.getCase(response.caseId);
    const evidence = isUuid(evidenceId)
      ? await this.dataSource.getRepository(EvidenceFile).findOneBy({ id: evidenceId, responseId })
      : null;
    if (!evidence) throw new NotFoundException('No such evidence file.');
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(EvidenceFile, { id: evidenceId, responseId });
      await this.audit.recordChange(
        actor,
        {
          agencyId: found.agencyId,
          action: 'evidence.removed',
          subject: { type: 'response', id: responseId },
          before: {
            evidenceId,
            questionName: evidence.questionName,
            fileName: evidence.fileName,
            sha256: evidence.sha256,
          },
          after: null,
        },
        manager,
      );
    });
  }

  async evidenceContent(responseId: string, evidenceId: string): Promise<EvidenceFile & { content: Buffer }> {
    const found = isUuid(evidenceId)
      ? await this.dataSource
          .getRepository(EvidenceFile)
          .createQueryBuilder('file')
          .addSelect('file.content')
          .where('file.id = :evidenceId AND file.response_id = :responseId', { evidenceId, responseId })
          .getOne()
      : null;
    if (!found?.content) throw new NotFoundException('No such evidence file.');
    return found as EvidenceFile & { content: Buffer };
  }

  /** Reopens a submitted response for corrections; the reason is required and recorded. */
  async reopen(responseId: string, reason: string, actor: Actor = SYSTEM_ACTOR): Promise<ProviderResponse> {
    if (!reason?.trim()) throw new UnprocessableEntityException('Reopening a submission needs a reason.');
    return this.dataSource.transaction(async (manager) => {
      const response = await manager.findOne(ProviderResponse, {
        where: { id: responseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!response) throw new NotFoundException('No such response.');
      if (response.status !== 'submitted') throw new ConflictException('Only a submitted response can be reopened.');
      const found = await this.getCase(response.caseId, manager);
      if (found.status !== 'open') throw new ConflictException('A submission can be reopened while the case is open.');
      const reopened = await manager.save(ProviderResponse, {
        ...response,
        status: 'in_progress' as const,
        submittedAt: null,
        submissionHash: null,
        revision: response.revision + 1,
      });
      await this.audit.recordChange(
        actor,
        {
          agencyId: found.agencyId,
          action: 'response.reopened',
          subject: { type: 'response', id: responseId },
          before: { status: 'submitted', submissionHash: response.submissionHash },
          after: { status: 'in_progress', reason: reason.trim() },
        },
        manager,
      );
      return reopened;
    });
  }

  async evidenceOf(responseId: string): Promise<EvidenceFile[]> {
    return this.dataSource.getRepository(EvidenceFile).find({ where: { responseId }, order: { uploadedAt: 'ASC' } });
  }

  /** Validates everything, freezes the answers, and records the scoring job in the same transaction. */
  async submit(
    responseId: string,
    actor: Actor = SYSTEM_ACTOR,
    /** Runs in the submitting transaction, e.g. to queue the receipt e-mail. */
    onSubmitted?: (
      manager: EntityManager,
      submitted: ProviderResponse,
      procurementCase: ProcurementCase,
    ) => Promise<void>,
  ): Promise<ProviderResponse> {
    return this.dataSource.transaction(async (manager) => {
      const response = await manager.findOne(ProviderResponse, {
        where: { id: responseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!response) throw new NotFoundException('No such response.');
      if (response.status === 'submitted') throw new ConflictException('This response was already submitted.');
      const found = await this.getCase(response.caseId, manager);
      if (found.status !== 'open') throw new ConflictException('The case is not open for responses.');
      const evidence = await manager.find(EvidenceFile, { where: { responseId }, order: { id: 'ASC' } });
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
      const submitted = await manager.save(ProviderResponse, {
        ...response,
        answers,
        status: 'submitted' as const,
        submittedAt,
        submissionHash,
      });
      await this.audit.recordChange(
        actor,
        {
          agencyId: found.agencyId,
          action: 'response.submitted',
          subject: { type: 'response', id: responseId },
          before: { status: response.status },
          after: { status: 'submitted', submissionHash, revision: response.revision },
        },
        manager,
      );
      await this.outbox.add(
        manager,
        'scoring.score-response',
        { responseId, revision: response.revision },
        { jobId: `score-${responseId}-r${response.revision}` },
      );
      await onSubmitted?.(manager, submitted, found);
      return submitted;
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs are checked before they reach a uuid column, so a malformed one is a 404 and not a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function pick(answers: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => name in answers).map((name) => [name, answers[name]]));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
