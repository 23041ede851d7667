import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@probity/audit';
import { CasesService } from '@probity/cases';
import { AppConfig } from '@probity/config';
import { UnitOfWork } from '@probity/database';
import { IdentityService } from '@probity/identity';
import { Notifier } from '@probity/notifications';

/** Where an evaluator declares conflicts of interest and then scores a case. */
export function evaluationPath(caseId: string): string {
  return `/cases/${caseId}/evaluation`;
}

const EVALUATION_ACTOR = { type: 'system', id: null, label: 'Evaluation' } as const;

/**
 * Tells each evaluator on a case's panel that its evaluation has started. One mail per evaluator and
 * case: the idempotency key names both, so a retried job or an evaluation that starts again (after
 * legal review sent the dossier back) never sends a second copy.
 */
@Injectable()
export class EvaluatorInvitations {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cases: CasesService,
    private readonly identity: IdentityService,
    private readonly notifier: Notifier,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
  ) {}

  /** Queues the mails in one unit of work (the caller's, if open); returns the names of the evaluators asked now. */
  queue(caseId: string): Promise<string[]> {
    return this.unitOfWork.run(() => this.queueInUnitOfWork(caseId));
  }

  private async queueInUnitOfWork(caseId: string): Promise<string[]> {
    const procurementCase = await this.cases.getCase(caseId);
    if (procurementCase.status !== 'evaluation') return [];
    const evaluatorIds = new Set(procurementCase.panel.filter((m) => m.role === 'evaluator').map((m) => m.userId));
    if (evaluatorIds.size === 0) return [];
    // The agency's staff by name: only its own staff can sit on its panels.
    const evaluators = (await this.identity.staffOfAgency(procurementCase.agencyId)).filter((user) =>
      evaluatorIds.has(user.id),
    );
    const agencyName = await this.cases.agencyName(procurementCase.agencyId);
    const asked: string[] = [];
    for (const evaluator of evaluators) {
      const idempotencyKey = `evaluation-invite:${caseId}:${evaluator.id}`;
      if (await this.notifier.alreadyQueued(idempotencyKey)) continue;
      await this.notifier.queue({
        template: 'evaluation-invite',
        to: [evaluator.email],
        context: {
          evaluatorName: evaluator.name,
          agencyName,
          caseTitle: procurementCase.title,
          caseReference: procurementCase.reference,
          evaluationUrl: `${this.config.publicBaseUrl}${evaluationPath(caseId)}`,
        },
        idempotencyKey,
      });
      asked.push(evaluator.name);
    }
    if (asked.length)
      await this.audit.recordChange(EVALUATION_ACTOR, {
        agencyId: procurementCase.agencyId,
        action: 'evaluation.evaluators-invited',
        subject: { type: 'case', id: caseId },
        before: null,
        after: { evaluators: asked },
      });
    return asked;
  }
}
