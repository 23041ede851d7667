import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditTrail } from '@probity/audit';
import { UnitOfWork } from '@probity/database';
import { Actor } from './actor';
import { ProcurementCase } from './case.entities';
import { CaseRepository } from './case.repository';
import { MethodAmendment, MethodAmendmentChange } from './method-amendment.entity';
import { MethodAmendmentRepository } from './method-amendment.repository';
import { methodHash } from './method-freeze';

export interface NewMethodAmendment {
  /** The case as it was before the change (weights, price weight and deadline in force). */
  procurementCase: ProcurementCase;
  changes: MethodAmendmentChange;
  reason: string;
  responsesDue: Date | null;
  publishedBy: { userId: string; name: string };
}

/**
 * Records amendments of a published tender's evaluation method. Callers check first that the method
 * may be amended (methodChange) and tell every invited provider in the same transaction.
 */
@Injectable()
export class MethodAmendmentsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly amendments: MethodAmendmentRepository,
    private readonly cases: CaseRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Joins the caller's transaction (the one that changed the weights), or opens one. */
  async publish(input: NewMethodAmendment, actor: Actor): Promise<MethodAmendment> {
    return this.unitOfWork.run(async () => {
      const found = input.procurementCase;
      const amendment = await this.amendments.insert({
        id: randomUUID(),
        caseId: found.id,
        number: await this.amendments.nextNumber(found.id),
        changes: input.changes,
        reason: input.reason.trim(),
        methodHash: methodHash({
          questionnaireHash: found.questionnaireHash,
          criteriaWeights: input.changes.weights.after,
          priceWeight: input.changes.priceWeight.after,
        }),
        previousResponsesDue: found.responsesDue,
        newResponsesDue: input.responsesDue,
        publishedAt: new Date(),
        publishedBy: input.publishedBy.userId,
        publishedByName: input.publishedBy.name,
      });
      if (input.responsesDue) await this.cases.setResponsesDue(found.id, input.responsesDue);
      await this.audit.recordChange(actor, {
        agencyId: found.agencyId,
        action: 'case.method-amended',
        subject: { type: 'case', id: found.id },
        before: { ...beforeOf(input.changes), responsesDue: found.responsesDue.toISOString() },
        after: {
          ...afterOf(input.changes),
          responsesDue: (input.responsesDue ?? found.responsesDue).toISOString(),
          amendment: amendment.number,
          reason: amendment.reason,
          methodHash: amendment.methodHash,
        },
      });
      return amendment;
    });
  }

  /** Every amendment of the case, oldest first: what providers and the dossier read. */
  forCase(caseId: string): Promise<MethodAmendment[]> {
    return this.amendments.ofCase(caseId);
  }
}

const beforeOf = (changes: MethodAmendmentChange) => ({
  weights: changes.weights.before,
  priceWeight: changes.priceWeight.before,
});
const afterOf = (changes: MethodAmendmentChange) => ({
  weights: changes.weights.after,
  priceWeight: changes.priceWeight.after,
});
