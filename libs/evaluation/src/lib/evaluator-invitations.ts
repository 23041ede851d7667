import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditTrail } from '@probity/audit';
import { ProcurementCase } from '@probity/cases';
import { AppConfig } from '@probity/config';
import { Agency, StaffUser } from '@probity/identity';
import { mailJobId, Notifier } from '@probity/notifications';
import { JobHandler, JobProcessor, OutboxEntry, ParsedJobPayload } from '@probity/queue';

/** Where an evaluator declares conflicts of interest and then scores a case. */
export function evaluationPath(caseId: string): string {
  return `/cases/${caseId}/evaluation`;
}

/**
 * Tells each evaluator on a case's panel that its evaluation has started. One mail per evaluator and
 * case: the idempotency key names both, so a retried job or an evaluation that starts again (after
 * legal review sent the dossier back) never sends a second copy.
 */
@Injectable()
export class EvaluatorInvitations {
  constructor(
    private readonly notifier: Notifier,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
  ) {}

  /** Queues the mails in the caller's transaction; returns the names of the evaluators asked now. */
  async queue(manager: EntityManager, caseId: string): Promise<string[]> {
    const procurementCase = await manager.findOneByOrFail(ProcurementCase, { id: caseId });
    if (procurementCase.status !== 'evaluation') return [];
    const evaluatorIds = procurementCase.panel.filter((m) => m.role === 'evaluator').map((m) => m.userId);
    if (evaluatorIds.length === 0) return [];
    const evaluators = await manager.find(StaffUser, {
      where: { id: In(evaluatorIds), agencyId: procurementCase.agencyId },
      order: { name: 'ASC' },
    });
    const agency = await manager.findOneByOrFail(Agency, { id: procurementCase.agencyId });
    const asked: string[] = [];
    for (const evaluator of evaluators) {
      const idempotencyKey = `evaluation-invite:${caseId}:${evaluator.id}`;
      if (await manager.existsBy(OutboxEntry, { jobId: mailJobId(idempotencyKey) })) continue;
      await this.notifier.queue(manager, {
        template: 'evaluation-invite',
        to: [evaluator.email],
        context: {
          evaluatorName: evaluator.name,
          agencyName: agency.name,
          caseTitle: procurementCase.title,
          caseReference: procurementCase.reference,
          evaluationUrl: `${this.config.publicBaseUrl}${evaluationPath(caseId)}`,
        },
        idempotencyKey,
      });
      asked.push(evaluator.name);
    }
    if (asked.length)
      await this.audit.record(manager, {
        agencyId: procurementCase.agencyId,
        actorType: 'system',
        actorId: null,
        actorLabel: 'Evaluation',
        action: 'evaluation.evaluators-invited',
        subjectType: 'case',
        subjectId: caseId,
        before: null,
        after: { evaluators: asked },
      });
    return asked;
  }
}

/** Queued by a panel change during evaluation: an evaluator added then is told as those at the start were. */
@JobProcessor('evaluation.invite-evaluators')
@Injectable()
export class InviteEvaluatorsJob implements JobHandler<'evaluation.invite-evaluators'> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: EvaluatorInvitations,
  ) {}

  async handle({ caseId }: ParsedJobPayload<'evaluation.invite-evaluators'>): Promise<{ invited: string[] }> {
    return { invited: await this.dataSource.transaction((manager) => this.invitations.queue(manager, caseId)) };
  }
}
