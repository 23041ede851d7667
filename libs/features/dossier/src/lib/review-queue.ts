import { Injectable } from '@nestjs/common';
import { CasesService, ProcurementCase } from '@probity/cases';
import type { StaffPrincipal } from '@probity/identity';
import { ReviewQueueItem } from './dossier-summaries';
import { DossierVersionRepository } from './dossier-version.repository';
import { ReviewRepository } from './review.repository';

/** A legal reviewer's queue: the dossier versions waiting for (or already carrying) their decision. */
@Injectable()
export class ReviewQueue {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly versions: DossierVersionRepository,
    private readonly cases: CasesService,
  ) {}

  /** Dossier versions of the caller's agency that list the caller as a required reviewer, open for review. */
  async of(staff: StaffPrincipal): Promise<ReviewQueueItem[]> {
    const assignments = await this.reviews.assignmentsOf(staff.userId);
    if (assignments.length === 0) return [];
    const assigned = await Promise.all(
      [...new Set(assignments.map((a) => a.caseId))].map((id) => this.cases.getCase(id)),
    );
    const cases = assigned.filter((c) => c.agencyId === staff.agencyId && c.status === 'dossier_review');
    if (cases.length === 0) return [];
    const caseById = new Map(cases.map((c) => [c.id, c]));
    const versions = await this.versions.currentRenderedOfCases(cases.map((c) => c.id));
    const decisions = await this.reviews.decisionsBy(
      staff.userId,
      versions.map((v) => v.id),
    );
    return versions
      .map((version) => {
        const procurementCase = caseById.get(version.caseId) as ProcurementCase;
        const mine = decisions.filter((d) => d.dossierId === version.id && d.pdfSha256 === version.pdfSha256).at(-1);
        return {
          dossierId: version.id,
          caseId: version.caseId,
          caseReference: procurementCase.reference,
          caseTitle: procurementCase.title,
          version: version.version,
          renderedAt: version.renderedAt,
          myDecision: mine?.decision ?? null,
          awaitingMe: !mine,
        };
      })
      .sort((a, b) => Number(b.awaitingMe) - Number(a.awaitingMe));
  }
}
