import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { staffAuditActor } from '@probity/audit';
import {
  AmendmentRequest,
  amendmentProblems,
  CasesService,
  changedWeights,
  MethodAmendment,
  MethodAmendmentChange,
  MethodAmendmentsService,
  methodChange,
  ProcurementCase,
  ResponsesService,
} from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import type { StaffPrincipal } from '@probity/identity';
import { Notifier } from '@probity/notifications';

/**
 * The officer's side of a method amendment: whether the method may change now (409 once responses
 * are due), what an amendment needs (422), and publishing it to every invited provider in the
 * transaction that changes the weights, so the e-mails go out if and only if the change commits.
 */
@Injectable()
export class MethodAmendmentPublisher {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly amendments: MethodAmendmentsService,
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly notifier: Notifier,
  ) {}

  /** Whether a change now is set-up or an amendment; refuses (409) once the method is frozen. */
  kindOfChange(found: ProcurementCase): 'set-up' | 'amendment' {
    const change = methodChange(found);
    if (change.kind === 'frozen') throw new ConflictException(change.reason);
    return change.kind;
  }

  /** Refuses (422) an amendment without a reason, or with a deadline that is no extension. */
  checkRequest(found: ProcurementCase, request: AmendmentRequest): void {
    const problems = amendmentProblems(request, found.responsesDue);
    if (problems.length) throw new UnprocessableEntityException(problems);
  }

  /** Whether the officer may change the method at all now (before publication or before the deadline). */
  changeable(found: ProcurementCase): boolean {
    return methodChange(found).kind !== 'frozen';
  }

  /** Runs inside the caller's UnitOfWork (the weights change), so the amendment and its e-mails commit with it. */
  async publish(
    staff: StaffPrincipal,
    found: ProcurementCase,
    changes: MethodAmendmentChange,
    request: AmendmentRequest,
  ): Promise<MethodAmendment> {
    return this.unitOfWork.run(async () => {
      const amendment = await this.amendments.publish(
        {
          procurementCase: found,
          changes,
          reason: request.reason ?? '',
          responsesDue: request.responsesDue ?? null,
          publishedBy: { userId: staff.userId, name: staff.name },
        },
        staffAuditActor(staff),
      );
      const agencyName = await this.cases.agencyName(found.agencyId);
      for (const response of await this.responses.responsesOf(found.id)) {
        await this.notifier.queue({
          template: 'method-amendment',
          to: response.contactEmails,
          context: {
            agencyName,
            caseTitle: found.title,
            caseReference: found.reference,
            amendmentNumber: amendment.number,
            reason: amendment.reason,
            changes: changedWeights(changes),
            methodHash: amendment.methodHash,
            responsesDue: (amendment.newResponsesDue ?? found.responsesDue).toISOString(),
            deadlineExtended: amendment.newResponsesDue !== null,
            publishedAt: amendment.publishedAt.toISOString(),
          },
          idempotencyKey: `method-amendment:${amendment.id}:${response.id}`,
        });
      }
      return amendment;
    });
  }
}
