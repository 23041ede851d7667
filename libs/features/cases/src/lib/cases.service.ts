import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditTrail } from '@probity/audit';
import { UnitOfWork } from '@probity/database';
import { IdentityService } from '@probity/identity';
import { CaseScope, checkCaseScope, contentHash, scopeQuestionnaire } from '@probity/questionnaires';
import { JobOutbox } from '@probity/queue';
import { CriteriaWeights, validateCriteriaWeights } from '@probity/scoring';
import { Actor, SYSTEM_ACTOR } from './actor';
import { CaseStatus, checkPanelChange, checkTransition, TransitionActor } from './case-lifecycle';
import { PanelMember, ProcurementCase } from './case.entities';
import { CaseRepository } from './case.repository';
import { QuestionnaireTemplates } from './questionnaire-templates.service';

export interface CreateCaseInput {
  reference: string;
  title: string;
  description: string;
  intendedUse: string;
  /** The case scope the officer sets: it decides which questions apply, for every provider alike. */
  aiActClassification: CaseScope;
  estimatedValue?: number;
  currency?: string;
  questionsDue?: Date;
  responsesDue: Date;
  criteriaWeights: CriteriaWeights;
  questionnaireKey: string;
}

/**
 * Procurement cases and their lifecycle: creation, the evaluation panel and every step of the procedure.
 * Every state change that triggers background work records its job in the same transaction
 * (transactional outbox).
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly caseRepository: CaseRepository,
    private readonly identity: IdentityService,
    private readonly outbox: JobOutbox,
    private readonly audit: AuditTrail,
    private readonly templates: QuestionnaireTemplates,
  ) {}

  async createCase(agencyId: string, input: CreateCaseInput, actor: Actor = SYSTEM_ACTOR): Promise<ProcurementCase> {
    const problems = [...checkCaseScope(input.aiActClassification), ...validateCriteriaWeights(input.criteriaWeights)];
    if (problems.length) throw new UnprocessableEntityException(problems);
    // Built-in or the agency's published version, copied into the case: later versions never change it.
    const template = await this.templates.choose(agencyId, input.questionnaireKey);
    if (await this.caseRepository.existsWithReference(agencyId, input.reference)) {
      throw new ConflictException(`A case with reference ${input.reference} already exists.`);
    }
    // The case's copy states its scope, so the copy and its hash say which questions apply.
    const definition = scopeQuestionnaire(template.definition, input.aiActClassification);
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
      aiActClassification: structuredClone(input.aiActClassification),
      questionnaireDefinition: definition,
      questionnaireHash: contentHash(definition),
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

  /** The agency's cases whose panel seats the staff member as evaluator: their evaluation queue. */
  async casesOfEvaluator(agencyId: string, userId: string): Promise<ProcurementCase[]> {
    return this.caseRepository.listWithEvaluator(agencyId, userId);
  }

  /**
   * A case of the agency locked until the open UnitOfWork ends (404 otherwise), for evaluation's
   * award-criteria changes, which serialise on it like every lifecycle step.
   */
  async lockOfAgency(agencyId: string, caseId: string): Promise<ProcurementCase> {
    const found = isUuid(caseId) ? await this.caseRepository.lockForUpdate(caseId) : null;
    if (!found || found.agencyId !== agencyId) throw new NotFoundException('No such case.');
    return found;
  }

  /** Saves award criteria (weights, price weight, their lock) of a case locked with `lockOfAgency`; the caller audits. */
  async saveAwardCriteria(
    locked: ProcurementCase,
    changes: Partial<Pick<ProcurementCase, 'criteriaWeights' | 'priceWeight' | 'weightsLockedAt' | 'weightsLockedBy'>>,
  ): Promise<ProcurementCase> {
    return this.caseRepository.save({ ...locked, ...changes });
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

  /** Called by the readiness check once every mandatory item of the agency's readiness checklist is closed. */
  async putIntoUse(caseId: string, actor: Actor): Promise<ProcurementCase> {
    return this.move(caseId, 'in_use', actor, 'readiness-check');
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
        await this.outbox.add('evaluation.start', { caseId }, { jobId: `evaluation-${caseId}-${current.version}` });
      return this.getCase(caseId);
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs are checked before they reach a uuid column, so a malformed one is a 404 and not a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
