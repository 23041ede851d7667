import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditTrail } from '@probity/audit';
import { AppConfig } from '@probity/config';
import { ProcurementCase } from '@probity/cases';
import { Agency, StaffUser } from '@probity/identity';
import { mailJobId, Notifier } from '@probity/notifications';
import { OutboxEntry } from '@probity/queue';
import { DossierVersion } from './dossier-version.entity';
import { DossierReviewer } from './review.entities';

/** Where a reviewer reads and decides on one dossier version. */
export function reviewPath(dossierId: string): string {
  return `/reviews/dossiers/${dossierId}`;
}

/**
 * Asks each required reviewer of a case to review a version, once the version's review copy exists
 * and the case is in legal review.
 * One mail per reviewer and version: the idempotency key names both, so asking again (a retried job,
 * a repeated request) never sends a second copy.
 */
@Injectable()
export class SignOffRequests {
  constructor(
    private readonly notifier: Notifier,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
  ) {}

  /** Queues the requests in the caller's transaction; returns how many reviewers were asked. */
  async queue(manager: EntityManager, version: DossierVersion): Promise<number> {
    if (!version.pdfSha256 || version.supersededAt || version.status === 'signed') return 0;
    const reviewers = await manager.find(DossierReviewer, {
      where: { caseId: version.caseId },
      order: { name: 'ASC' },
    });
    if (reviewers.length === 0) return 0;
    const procurementCase = await manager.findOneByOrFail(ProcurementCase, { id: version.caseId });
    // Before the case is sent to legal review a version is a draft: nobody can decide on it yet.
    if (procurementCase.status !== 'dossier_review') return 0;
    const agency = await manager.findOneByOrFail(Agency, { id: procurementCase.agencyId });
    const accounts = await manager.findBy(StaffUser, {
      id: In(reviewers.map((r) => r.reviewerId)),
      agencyId: procurementCase.agencyId,
    });
    const emailOf = new Map(accounts.map((account) => [account.id, account.email]));
    const asked: string[] = [];
    for (const reviewer of reviewers) {
      const email = emailOf.get(reviewer.reviewerId);
      const idempotencyKey = `sign-off-request:${version.id}:${reviewer.reviewerId}`;
      // Already asked for this version: neither a second mail nor a second audit entry.
      if (!email || (await manager.existsBy(OutboxEntry, { jobId: mailJobId(idempotencyKey) }))) continue;
      await this.notifier.queue(manager, {
        template: 'sign-off-request',
        to: [email],
        context: {
          reviewerName: reviewer.name,
          agencyName: agency.name,
          caseTitle: procurementCase.title,
          caseReference: procurementCase.reference,
          reviewUrl: `${this.config.publicBaseUrl}${reviewPath(version.id)}`,
        },
        idempotencyKey,
      });
      asked.push(reviewer.name);
    }
    if (asked.length)
      await this.audit.record(manager, {
        agencyId: procurementCase.agencyId,
        actorType: 'system',
        actorId: null,
        actorLabel: 'Dossier review',
        action: 'dossier.sign-off-requested',
        subjectType: 'dossier',
        subjectId: version.id,
        before: null,
        after: { version: version.version, pdfSha256: version.pdfSha256, reviewers: asked },
      });
    return asked.length;
  }
}
