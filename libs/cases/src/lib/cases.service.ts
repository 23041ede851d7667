import {
  ConflictException,
  GoneException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { UnitOfWork } from '@probity/database';
import { contentHash, QuestionnaireDefinition, questionsOf, validateAnswers } from '@probity/questionnaires';
import { JobOutbox } from '@probity/queue';
import { AuditTrail } from '@probity/audit';
import { Actor, SYSTEM_ACTOR } from './actor';
import { CriteriaWeights, validateCriteriaWeights } from '@probity/scoring';
import { CaseStatus, checkPanelChange, checkTransition, TransitionActor } from './case-lifecycle';
import { responsesClosedAt } from './response-period';
import { EvidenceFile, InviteLink, PanelMember, ProcurementCase, ProviderResponse } from './case.entities';
import { CaseRepository } from './case.repository';
import { InviteLinkRepository } from './invite-link.repository';
import { ResponseRepository } from './response.repository';
import { checkEvidenceFile, safeEvidenceFileName } from './evidence-policy';
import { QuestionnaireTemplates } from './questionnaire-templates.service';
import { IdentityService, looksLikeToken } from '@probity/identity';

/** Runs in the submitting transaction (given as `manager`, for the job outbox), e.g. to queue the receipt e-mail. */
export type OnSubmitted = (
  manager: UnitOfWork['transaction'],
  submitted: ProviderResponse,
  procurementCase: ProcurementCase,
) => Promise<void>;

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
    private readonly unitOfWork: UnitOfWork,
    private readonly caseRepository: CaseRepository,
    private readonly responseRepository: ResponseRepository,
    private readonly links: InviteLinkRepository,
    private readonly identity: IdentityService,
    private readonly outbox: JobOutbox,
    private readonly audit: AuditTrail,
    private readonly templates: QuestionnaireTemplates,
  ) {}

  async createCase(agencyId: string, input: CreateCaseInput, actor: Actor = SYSTEM_ACTOR): Promise<ProcurementCase> {
    const problems = validateCriteriaWeights(input.criteriaWeights);
    if (problems.length) throw new UnprocessableEntityException(problems);
    // Built-in or the agency's published version, copied into the case: later versions never change it.
    const template = await this.templates.choose(agencyId, input.questionnaireKey);
    if (await this.caseRepository.existsWithReference(agencyId, input.reference)) {
      throw new ConflictException(`A case with reference ${input.reference} already exists.`);
    }
    const created: Partial<ProcurementCase> = {
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
    };
    return this.unitOfWork.run(async () => {
      const saved = await this.caseRepository.insert(created);
      await this.audit.recordChange(actor, {
        agencyId: agencyId,
        action: 'case.created',
        subject: { type: 'case', id: saved.id },
        before: null,
        after: {
          reference: saved.reference,
          title: saved.title,
          questionnaire: `${saved.questionnaireKey}@${saved.questionnaireVersion}`,
        },
      });
      return saved;
    });
  }

  /**
   * A case by id. Its questionnaire copy comes from a cache keyed by its content hash (a copy never
   * changes, and the hash names its content), so the portal's every autosave does not reload and
   * re-parse a questionnaire of a hundred questions.
   */
  async getCase(caseId: string): Promise<ProcurementCase> {
    const found = await this.caseRepository.findWithoutDefinition(caseId);
    if (!found) throw new NotFoundException('No such case.');
    let definition = this.definitionsByHash.get(found.questionnaireHash);
    if (!definition) {
      definition = deepFreeze(await this.caseRepository.definitionOf(caseId));
      if (this.definitionsByHash.size >= 100)
        this.definitionsByHash.delete(this.definitionsByHash.keys().next().value as string);
      this.definitionsByHash.set(found.questionnaireHash, definition);
    }
    // Shared by every caller, so frozen: a caller that tried to change it would fail loudly.
    found.questionnaireDefinition = definition;
    return found;
  }

  private readonly definitionsByHash = new Map<string, object>();

  /** A case of the caller's agency; any other id, including another agency's, is 404. */
  async caseOfAgency(agencyId: string, caseId: string): Promise<ProcurementCase> {
    const found = isUuid(caseId) ? await this.caseRepository.findOfAgency(agencyId, caseId) : null;
    if (!found) throw new NotFoundException('No such case.');
    return found;
  }

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

  async listCases(
    agencyId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: ProcurementCase[]; total: number; page: number; pageSize: number }> {
    const { items, total } = await this.caseRepository.listOfAgency(agencyId, page, pageSize);
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
    const users = await this.identity.staffOfAgency(agencyId);
    const byId = new Map(users.map((user) => [user.id, user]));
    const problems = members.flatMap((member) => {
      const user = byId.get(member.userId);
      if (!user) return [`${member.userId} is not a member of your agency's staff.`];
      if (user.role !== member.role && user.role !== 'admin')
        return [`${user.name} has the ${user.role.replace('_', ' ')} role, not ${member.role.replace('_', ' ')}.`];
      return [];
    });
    if (problems.length) throw new UnprocessableEntityException(problems);
    await this.unitOfWork.run(async () => {
      // Checked again under the row lock that every transition takes: a sign-off cannot slip in between.
      const locked = await this.caseRepository.lockForUpdate(found.id);
      if (!locked) throw new NotFoundException('No such case.');
      const still = checkPanelChange(locked.status, legalReviewers);
      if (!still.allowed) throw new ConflictException(still.reason);
      await this.caseRepository.setPanel(found.id, members);
      // Evaluators added while the evaluation runs are e-mailed as those on the panel when it started were.
      const evaluators = members.filter((m) => m.role === 'evaluator').map((m) => m.userId);
      if (locked.status === 'evaluation' && evaluators.length)
        await this.outbox.add(
          this.unitOfWork.transaction,
          'evaluation.invite-evaluators',
          { caseId: found.id },
          { jobId: `evaluation-invites-${found.id}-${contentHash(evaluators.sort()).slice(0, 16)}` },
        );
      await this.audit.recordChange(actor, {
        agencyId: agencyId,
        action: 'case.panel-set',
        subject: { type: 'case', id: found.id },
        before: found.panel,
        after: members,
      });
    });
    return this.caseOfAgency(agencyId, caseId);
  }

  async agencyName(agencyId: string): Promise<string> {
    return (await this.identity.getAgency(agencyId)).name;
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
    return this.unitOfWork.run(async () => {
      const current = await this.caseRepository.lockForUpdate(caseId);
      if (!current) throw new NotFoundException('No such case.');
      const check = checkTransition(current.status, to, by);
      if (!check.allowed) throw new ConflictException(check.reason);
      const changes: Partial<ProcurementCase> = { status: to };
      if (to === 'open') changes.publishedAt = new Date();
      // Providers are told when responses actually stopped, which may be well before the deadline.
      if (current.status === 'open') changes.responsesClosedAt = new Date();
      // The dossier under review must show the weights it was evaluated with.
      if (to === 'dossier_review' && !current.weightsLockedAt) changes.weightsLockedAt = new Date();
      await this.caseRepository.save({ ...current, ...changes });
      await this.audit.recordChange(actor, {
        agencyId: current.agencyId,
        action: 'case.transition',
        subject: { type: 'case', id: caseId },
        before: { status: current.status },
        after: { status: to },
      });
      if (to === 'evaluation')
        await this.outbox.add(
          this.unitOfWork.transaction,
          'evaluation.start',
          { caseId },
          { jobId: `evaluation-${caseId}-${current.version}` },
        );
      return this.getCase(caseId);
    });
  }

  /** Invites a provider to an open case; returns the invite link's token, which only the e-mail carries. */
  async inviteProvider(
    caseId: string,
    input: InviteProviderInput,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<{ response: ProviderResponse; token: string }> {
    return this.unitOfWork.run(async () => {
      const found = await this.getCase(caseId);
      if (found.status !== 'open')
        throw new ConflictException('Providers can be invited while the case is open for responses.');
      const contactEmails = [...new Set(input.contactEmails.map((email) => email.trim().toLowerCase()))];
      if (!contactEmails.length) throw new UnprocessableEntityException('An invite needs at least one contact e-mail.');
      const response = await this.responseRepository.insert({
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
      const token = await this.links.issue(response.id);
      await this.audit.recordChange(actor, {
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
      });
      return { response, token };
    });
  }

  /** A new link for a provider; every earlier link of theirs stops working at once. */
  async reissueInvite(
    responseId: string,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<{ response: ProviderResponse; token: string }> {
    return this.unitOfWork.run(async () => {
      const response = await this.responseRepository.findById(responseId);
      if (!response) throw new NotFoundException('No such response.');
      const found = await this.getCase(response.caseId);
      if (found.status !== 'open') throw new ConflictException('Links can be re-issued while the case is open.');
      await this.links.revokeAll(responseId);
      const token = await this.links.issue(responseId);
      await this.audit.recordChange(actor, {
        agencyId: found.agencyId,
        action: 'invite.reissued',
        subject: { type: 'response', id: responseId },
        before: null,
        after: null,
      });
      return { response, token };
    });
  }

  async revokeInvite(responseId: string, actor: Actor = SYSTEM_ACTOR): Promise<void> {
    await this.unitOfWork.run(async () => {
      const response = await this.responseRepository.findById(responseId);
      if (!response) throw new NotFoundException('No such response.');
      const found = await this.getCase(response.caseId);
      await this.links.revokeAll(responseId);
      await this.audit.recordChange(actor, {
        agencyId: found.agencyId,
        action: 'invite.revoked',
        subject: { type: 'response', id: responseId },
        before: null,
        after: null,
      });
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
    const link = await this.links.findByToken(token);
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
      await this.responseRepository.markFirstOpened(response.id, new Date());
    }
    return { response, procurementCase };
  }

  async activeLinkOf(responseId: string): Promise<InviteLink | null> {
    return this.links.activeOf(responseId);
  }

  /**
   * When each of the case's providers had its link withdrawn, for those left with no working link
   * (a re-issue revokes the old link but issues a new one, so it is not a withdrawal).
   */
  async withdrawnLinksOf(caseId: string): Promise<Map<string, Date>> {
    return this.links.withdrawnOf(caseId);
  }

  async responsesOf(caseId: string): Promise<ProviderResponse[]> {
    return this.responseRepository.listOfCase(caseId);
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
      const response = await this.responseRepository.lockForUpdate(responseId);
      if (!response) throw new NotFoundException('No such response.');
      if (response.status === 'submitted')
        throw new ConflictException('This response is submitted; its answers are frozen.');
      const found = await this.getCase(response.caseId);
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
      const saved = await this.responseRepository.save({
        ...response,
        answers,
        revision: response.revision + 1,
        status: 'in_progress' as const,
      });
      await this.audit.recordChange(actor, {
        agencyId: found.agencyId,
        action: 'response.answers-saved',
        subject: { type: 'response', id: responseId },
        before: { revision: response.revision, answers: pick(response.answers, Object.keys(changes)) },
        after: { revision: saved.revision, answers: pick(answers, Object.keys(changes)) },
      });
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
    const evidence: Partial<EvidenceFile> = {
      id: randomUUID(),
      responseId,
      questionName,
      fileName: safeEvidenceFileName(fileName),
      contentType: check.contentType,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    };
    return this.unitOfWork.run(async () => {
      const added = await this.responseRepository.addEvidence(evidence);
      await this.audit.recordChange(actor, {
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
      });
      return added;
    });
  }

  async removeEvidence(responseId: string, evidenceId: string, actor: Actor = SYSTEM_ACTOR): Promise<void> {
    const response = await this.getResponse(responseId);
    if (response.status === 'submitted')
      throw new ConflictException('This response is submitted; its evidence is frozen.');
    const found = await this.getCase(response.caseId);
    const evidence = isUuid(evidenceId) ? await this.responseRepository.findEvidence(responseId, evidenceId) : null;
    if (!evidence) throw new NotFoundException('No such evidence file.');
    await this.unitOfWork.run(async () => {
      await this.responseRepository.removeEvidence(responseId, evidenceId);
      await this.audit.recordChange(actor, {
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
      });
    });
  }

  async evidenceContent(responseId: string, evidenceId: string): Promise<EvidenceFile & { content: Buffer }> {
    const found = isUuid(evidenceId) ? await this.responseRepository.evidenceWithContent(responseId, evidenceId) : null;
    if (!found?.content) throw new NotFoundException('No such evidence file.');
    return found as EvidenceFile & { content: Buffer };
  }

  /** Reopens a submitted response for corrections; the reason is required and recorded. */
  async reopen(responseId: string, reason: string, actor: Actor = SYSTEM_ACTOR): Promise<ProviderResponse> {
    if (!reason?.trim()) throw new UnprocessableEntityException('Reopening a submission needs a reason.');
    return this.unitOfWork.run(async () => {
      const response = await this.responseRepository.lockForUpdate(responseId);
      if (!response) throw new NotFoundException('No such response.');
      if (response.status !== 'submitted') throw new ConflictException('Only a submitted response can be reopened.');
      const found = await this.getCase(response.caseId);
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

  async evidenceOf(responseId: string): Promise<EvidenceFile[]> {
    return this.responseRepository.evidenceOf(responseId);
  }

  /** Validates everything, freezes the answers, and records the scoring job in the same transaction. */
  async submit(responseId: string, actor: Actor = SYSTEM_ACTOR, onSubmitted?: OnSubmitted): Promise<ProviderResponse> {
    return this.unitOfWork.run(async () => {
      const response = await this.responseRepository.lockForUpdate(responseId);
      if (!response) throw new NotFoundException('No such response.');
      if (response.status === 'submitted') throw new ConflictException('This response was already submitted.');
      const found = await this.getCase(response.caseId);
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
        this.unitOfWork.transaction,
        'scoring.score-response',
        { responseId, revision: response.revision },
        { jobId: `score-${responseId}-r${response.revision}` },
      );
      await onSubmitted?.(this.unitOfWork.transaction, submitted, found);
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
