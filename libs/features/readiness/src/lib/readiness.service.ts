import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { AuditTrail, caseChange, staffAuditActor } from '@probity/audit';
import { CasesService, ProcurementCase } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { caseScopeOf, isHighRisk as isHighRiskScope } from '@probity/questionnaires';
import {
  openMandatoryItems,
  READINESS_STATUS_LABELS,
  readinessChecklist,
  ReadinessRow,
  ReadinessStatus,
  ReadinessUpdate,
  readinessUpdateProblems,
} from '../model/readiness-checklist';
import { FriaRepository } from './fria.repository';
import type { FriaAuthor } from './fria.service';
import { ReadinessItemRepository } from './readiness-item.repository';

/**
 * Whether the case's intended use is high-risk (an Annex III point applies): the Art. 26 and 27 items
 * are then mandatory. A case from before the scope form kept a free-form classification; when in doubt,
 * it counts as high-risk, so no duty is dropped by accident.
 */
export function isHighRisk(procurementCase: Pick<ProcurementCase, 'aiActClassification'>): boolean {
  const scope = caseScopeOf(procurementCase.aiActClassification);
  if (scope) return isHighRiskScope(scope);
  return procurementCase.aiActClassification?.['highRisk'] !== false;
}

/** Thrown when the system is put into use while mandatory readiness items are still open (409 with the list). */
export class OpenReadinessItemsException extends ConflictException {
  constructor(readonly open: ReadinessRow[]) {
    super({
      message: [
        `The system cannot be put into use: ${open.length} mandatory readiness item${open.length === 1 ? ' is' : 's are'} still open.`,
        ...open.map((row) => `${row.title} (${row.basis}): ${READINESS_STATUS_LABELS[row.status].toLowerCase()}.`),
      ],
      openItems: open.map((row) => ({ key: row.key, title: row.title, status: row.status })),
    });
  }
}

/** The agency's readiness to use the system as deployer, and the post-award step into use. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly items: ReadinessItemRepository,
    private readonly fria: FriaRepository,
    private readonly cases: CasesService,
    private readonly audit: AuditTrail,
  ) {}

  async checklistOf(procurementCase: ProcurementCase): Promise<ReadinessRow[]> {
    const records = (await this.items.ofCase(procurementCase.id)).map((row) => ({
      key: row.itemKey,
      status: row.status as ReadinessStatus,
      owner: row.owner,
      dueOn: row.dueOn,
      evidence: row.evidence,
    }));
    return readinessChecklist(records, isHighRisk(procurementCase));
  }

  /** Records the status, owner, due date and evidence of one item, audited with before and after. */
  async updateItem(
    procurementCase: ProcurementCase,
    key: string,
    update: ReadinessUpdate,
    author: FriaAuthor,
    now = new Date(),
  ): Promise<ReadinessRow> {
    if (procurementCase.status === 'cancelled')
      throw new ConflictException('This case is cancelled: its readiness checklist can no longer change.');
    const friaHeadingsWritten = (await this.fria.headingsOf(procurementCase.id)).length;
    const problems = readinessUpdateProblems(key, update, {
      highRisk: isHighRisk(procurementCase),
      friaHeadingsWritten,
    });
    if (problems.length) throw new UnprocessableEntityException(problems);
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    await this.unitOfWork.run(async () => {
      const before = await this.items.item(procurementCase.id, key);
      const after = {
        status: text(update.status),
        owner: text(update.owner) || null,
        dueOn: text(update.dueOn) || null,
        evidence: text(update.evidence),
      };
      await this.items.save({
        caseId: procurementCase.id,
        itemKey: key,
        ...after,
        updatedBy: author.userId,
        updatedByName: author.name,
        updatedAt: now,
      });
      await this.audit.recordChange(
        staffAuditActor(author),
        caseChange(procurementCase, 'readiness.item-updated', {
          before: before
            ? { item: key, status: before.status, owner: before.owner, dueOn: before.dueOn, evidence: before.evidence }
            : { item: key, status: 'not-started' },
          after: { item: key, ...after },
        }),
      );
    });
    return (await this.checklistOf(procurementCase)).find((row) => row.key === key) as ReadinessRow;
  }

  /**
   * The post-award step: the awarded system is put into use only when every mandatory item is closed
   * (409 listing the open ones otherwise). The case lifecycle refuses this step from anywhere but here.
   */
  async putIntoUse(procurementCase: ProcurementCase, author: FriaAuthor): Promise<ProcurementCase> {
    const open = openMandatoryItems(await this.checklistOf(procurementCase));
    if (open.length) throw new OpenReadinessItemsException(open);
    return this.cases.putIntoUse(procurementCase.id, staffAuditActor(author));
  }

  /** The checklist as the dossier prints it. */
  async dossierPart(procurementCase: ProcurementCase) {
    return (await this.checklistOf(procurementCase)).map((row) => ({
      key: row.key,
      title: row.title,
      basis: row.basis,
      mandatory: row.mandatory,
      status: READINESS_STATUS_LABELS[row.status],
      owner: row.owner,
      dueDate: row.dueOn,
      evidence: row.evidence,
    }));
  }
}
