import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@probity/audit';
import { AppConfig } from '@probity/config';
import { CasesService } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { IdentityService } from '@probity/identity';
import { Notifier } from '@probity/notifications';
import { DossierVersion } from './dossier-version.entity';
import { ReviewRepository } from './review.repository';

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
    private readonly unitOfWork: UnitOfWork,
    private readonly reviews: ReviewRepository,
    private readonly cases: CasesService,
    private readonly identity: IdentityService,
    private readonly notifier: Notifier,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
  ) {}

  /** Queues the requests in the caller's UnitOfWork (or a new one); returns how many reviewers were asked. */
  async queue(version: DossierVersion): Promise<number> {
    if (!version.pdfSha256 || version.supersededAt || version.status === 'signed') return 0;
    return this.unitOfWork.run(() => this.queueInTransaction(version));
  }

  private async queueInTransaction(version: DossierVersion): Promise<number> {
    const reviewers = await this.reviews.reviewersOf(version.caseId);
    if (reviewers.length === 0) return 0;
    const procurementCase = await this.cases.getCase(version.caseId);
    // Before the case is sent to legal review a version is a draft: nobody can decide on it yet.
    if (procurementCase.status !== 'dossier_review') return 0;
    const agency = await this.identity.getAgency(procurementCase.agencyId);
    const reviewerIds = new Set(reviewers.map((r) => r.reviewerId));
    const accounts = (await this.identity.staffOfAgency(procurementCase.agencyId)).filter((account) =>
      reviewerIds.has(account.id),
    );
    const emailOf = new Map(accounts.map((account) => [account.id, account.email]));
    const asked: string[] = [];
    for (const reviewer of reviewers) {
      const email = emailOf.get(reviewer.reviewerId);
      const idempotencyKey = `sign-off-request:${version.id}:${reviewer.reviewerId}`;
      // Already asked for this version: neither a second mail nor a second audit entry.
      if (!email || (await this.notifier.alreadyQueued(idempotencyKey))) continue;
      await this.notifier.queue({
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
      await this.audit.recordChange(
        { type: 'system', id: null, label: 'Dossier review' },
        {
          agencyId: procurementCase.agencyId,
          action: 'dossier.sign-off-requested',
          subject: { type: 'dossier', id: version.id },
          before: null,
          after: { version: version.version, pdfSha256: version.pdfSha256, reviewers: asked },
        },
      );
    return asked.length;
  }
}
