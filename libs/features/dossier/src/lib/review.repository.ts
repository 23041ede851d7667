import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { In } from 'typeorm';
import { DossierReviewComment, DossierReviewDecision, DossierReviewer } from './review.entities';

/** A decision as the review service records it; the table adds the time it was recorded. */
export type NewDecision = Omit<DossierReviewDecision, 'decidedAt' | 'dossier'>;

/** The legal review tables: `dossier_reviewers`, `dossier_review_decisions` and `dossier_review_comments`. */
@Injectable()
export class ReviewRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get manager() {
    return this.unitOfWork.manager;
  }

  /** The case's required reviewers, by name. */
  reviewersOf(caseId: string): Promise<DossierReviewer[]> {
    return this.manager.find(DossierReviewer, { where: { caseId }, order: { name: 'ASC' } });
  }

  hasReviewers(caseId: string): Promise<boolean> {
    return this.manager.existsBy(DossierReviewer, { caseId });
  }

  assignmentsOf(reviewerId: string): Promise<DossierReviewer[]> {
    return this.manager.findBy(DossierReviewer, { reviewerId });
  }

  /** Replaces the case's reviewer list in the open transaction. */
  async replaceReviewers(caseId: string, reviewers: Array<Pick<DossierReviewer, 'reviewerId' | 'name' | 'role'>>) {
    const manager = this.unitOfWork.transaction;
    await manager.delete(DossierReviewer, { caseId });
    return manager.save(reviewers.map((reviewer) => manager.create(DossierReviewer, { caseId, ...reviewer })));
  }

  /** Every decision on a version, in the order taken. */
  decisionsOn(dossierId: string): Promise<DossierReviewDecision[]> {
    return this.manager.find(DossierReviewDecision, { where: { dossierId }, order: { decidedAt: 'ASC', id: 'ASC' } });
  }

  /** One reviewer's decisions on these versions, in the order taken. */
  decisionsBy(reviewerId: string, dossierIds: string[]): Promise<DossierReviewDecision[]> {
    if (dossierIds.length === 0) return Promise.resolve([]);
    return this.manager.find(DossierReviewDecision, {
      where: { dossierId: In(dossierIds), reviewerId },
      order: { decidedAt: 'ASC', id: 'ASC' },
    });
  }

  async insertDecision(decision: NewDecision): Promise<DossierReviewDecision> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(DossierReviewDecision)
      // now() is when the transaction began, possibly before it waited for a lock: the time the decision is
      // recorded keeps "latest decision counts" in the order decisions were taken.
      .values({ ...decision, decidedAt: () => 'clock_timestamp()' })
      .execute();
    return this.manager.findOneByOrFail(DossierReviewDecision, { id: decision.id });
  }

  commentsOn(dossierId: string): Promise<DossierReviewComment[]> {
    return this.manager.find(DossierReviewComment, { where: { dossierId }, order: { createdAt: 'ASC' } });
  }

  async insertComment(comment: Omit<DossierReviewComment, 'createdAt' | 'dossier'>): Promise<DossierReviewComment> {
    return this.manager.save(this.manager.create(DossierReviewComment, comment));
  }
}
