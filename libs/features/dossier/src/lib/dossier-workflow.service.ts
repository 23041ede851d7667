import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditTrail, caseChange, staffAuditActor, staffChange } from '@probity/audit';
import { CasesService, isUuid, ProcurementCase } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { CaseIdResolver, IdentityService, StaffPrincipal } from '@probity/identity';
import { DossierInput, REVIEWER_ROLE_LABEL } from '../model/dossier-input';
import { OcdsReleasePackage, toOcdsReleasePackage } from '../ocds/ocds-export';
import { DossierInputSource } from './case-dossier-source';
import { DossierVersionSummary, summaryOf } from './dossier-summaries';
import { DossierVersion } from './dossier-version.entity';
import { DossierVersionRepository } from './dossier-version.repository';
import { DossierService } from './dossier.service';
import { DossierReviewComment, DossierReviewDecision } from './review.entities';
import { DecisionInput, DossierReviewService, ReviewerIdentity, ReviewState } from './review.service';
import { SignOffRequests } from './sign-off-requests';

export { REVIEWER_ROLE_LABEL };

/** Case statuses in which a dossier can be rendered: the comparison exists from evaluation on. */
const RENDERABLE = new Set(['evaluation', 'dossier_review']);

/**
 * The dossier as staff use it: every call is scoped to the caller's agency (any other id is 404),
 * reviewers are the case's panel legal reviewers, the acting reviewer is the signed-in staff member,
 * and every change is recorded in the audit trail in its own transaction. Whether the caller may act
 * at all (role, panel seat, phase) is the access policy's decision, taken by the route guard
 * (`@RequiresAccess`) before any method here runs.
 */
@Injectable()
export class DossierWorkflowService implements CaseIdResolver {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly versionRepository: DossierVersionRepository,
    private readonly cases: CasesService,
    private readonly identity: IdentityService,
    private readonly dossiers: DossierService,
    private readonly reviews: DossierReviewService,
    private readonly source: DossierInputSource,
    private readonly signOffRequests: SignOffRequests,
    private readonly audit: AuditTrail,
  ) {}

  caseOf(staff: StaffPrincipal, caseId: string): Promise<ProcurementCase> {
    return this.cases.caseOfAgency(staff.agencyId, caseId);
  }

  /** A version of a case of the caller's agency; any other id, including another agency's, is 404. */
  private async versionOf(staff: StaffPrincipal, dossierId: string): Promise<DossierVersion> {
    return (await this.ofAgency(staff, dossierId)).version;
  }

  private async ofAgency(
    staff: StaffPrincipal,
    dossierId: string,
  ): Promise<{ version: DossierVersion; procurementCase: ProcurementCase }> {
    const version = isUuid(dossierId) ? await this.versionRepository.findById(dossierId) : null;
    const procurementCase = version ? await this.cases.getCase(version.caseId) : null;
    if (!version || !procurementCase || procurementCase.agencyId !== staff.agencyId)
      throw new NotFoundException('No such dossier.');
    return { version, procurementCase };
  }

  /** The case of a dossier version, for the access guard of routes naming one (see DOSSIER_IDS). */
  async caseIdOf(staff: StaffPrincipal, dossierId: string): Promise<string> {
    return (await this.versionOf(staff, dossierId)).caseId;
  }

  /**
   * A dossier version of the caller's agency with its case; another agency's version is 404 like an
   * unknown id. Role, panel seat and phase were decided by the route's access guard already.
   */
  async dossierOf(
    staff: StaffPrincipal,
    dossierId: string,
  ): Promise<{ version: DossierVersion; procurementCase: ProcurementCase }> {
    return this.ofAgency(staff, dossierId);
  }

  /** The case panel's legal reviewers, with their names as their accounts give them. */
  async panelReviewers(procurementCase: ProcurementCase): Promise<ReviewerIdentity[]> {
    const ids = [
      ...new Set(procurementCase.panel.filter((member) => member.role === 'legal_reviewer').map((m) => m.userId)),
    ];
    if (ids.length === 0) return [];
    const seated = new Set(ids);
    const accounts = (await this.identity.staffOfAgency(procurementCase.agencyId)).filter((a) => seated.has(a.id));
    return accounts
      .map((account) => ({ id: account.id, name: account.name, role: REVIEWER_ROLE_LABEL }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Requests the dossier for the case's current data (the same version when nothing changed). In legal
   * review, the panel's legal reviewers become the required reviewers and, once the version's review
   * copy exists, each of them is asked to review it (by the render job, or here when the copy exists).
   */
  async requestRender(
    staff: StaffPrincipal,
    caseId: string,
  ): Promise<{ version: DossierVersion; reviewers: ReviewerIdentity[] }> {
    const procurementCase = await this.caseOf(staff, caseId);
    if (['signed_off', 'awarded', 'in_use'].includes(procurementCase.status))
      throw new ConflictException('The dossier of this case is signed: it can no longer change.');
    if (!RENDERABLE.has(procurementCase.status))
      throw new ConflictException(
        `The dossier is rendered from the evaluation: this case is ${procurementCase.status.replace('_', ' ')}. Start the evaluation first.`,
      );
    const reviewers = await this.panelReviewers(procurementCase);
    const input = await this.source.inputFor(procurementCase.id);
    const version = await this.unitOfWork.run(async () => {
      const requested = await this.dossiers.versionFor(procurementCase.id, input);
      await this.syncReviewers(staff, procurementCase, reviewers);
      if (requested.pdfSha256) await this.signOffRequests.queue(requested);
      await this.audit.recordChange(
        staffAuditActor(staff),
        staffChange(staff, 'dossier.render-requested', 'dossier', requested.id, {
          before: null,
          after: { caseId: procurementCase.id, version: requested.version, snapshotHash: requested.snapshotHash },
        }),
      );
      return requested;
    });
    const required = await this.reviews.reviewersOf(procurementCase.id);
    return { version, reviewers: required.map((r) => ({ id: r.reviewerId, name: r.name, role: r.role })) };
  }

  /**
   * Called after the officer changed the case's panel. While the case is in legal review the panel's
   * legal reviewers are part of the dossier's content: other reviewers make a new version (its review
   * copy goes to each of them once rendered) and approvals given to the earlier version do not carry
   * over. Going back to the reviewers an earlier version was rendered for makes that version current
   * again, with the decisions taken on it.
   */
  async panelChanged(staff: StaffPrincipal, caseId: string): Promise<void> {
    const procurementCase = await this.caseOf(staff, caseId);
    if (procurementCase.status === 'dossier_review') await this.requestRender(staff, caseId);
  }

  async versions(staff: StaffPrincipal, caseId: string): Promise<DossierVersionSummary[]> {
    const procurementCase = await this.caseOf(staff, caseId);
    const versions = await this.dossiers.versionsOf(procurementCase.id);
    const signed = await Promise.all(versions.map((v) => (v.status === 'signed' ? this.dossiers.signed(v.id) : null)));
    return versions.map((v, index) => summaryOf(v, signed[index]?.pdfSha256 ?? null));
  }

  /** What the case page shows: versions, required reviewers and the current version's review state. */
  async overview(staff: StaffPrincipal, procurementCase: ProcurementCase) {
    const versions = await this.versions(staff, procurementCase.id);
    const current = versions.find((v) => v.current) ?? null;
    const state = current?.pdfSha256 ? await this.reviews.state(current.id) : null;
    const panelReviewers = await this.panelReviewers(procurementCase);
    return { versions, current, state, panelReviewers };
  }

  async state(staff: StaffPrincipal, dossierId: string): Promise<ReviewState> {
    await this.versionOf(staff, dossierId);
    return this.reviews.state(dossierId);
  }

  async pdf(staff: StaffPrincipal, dossierId: string): Promise<{ version: DossierVersion; pdf: Buffer }> {
    const version = await this.versionOf(staff, dossierId);
    const pdf = await this.dossiers.pdf(version.id);
    if (!pdf) throw new ConflictException(`Version ${version.version} is still being rendered.`);
    return { version, pdf };
  }

  async signedPdf(staff: StaffPrincipal, dossierId: string): Promise<{ version: DossierVersion; pdf: Buffer }> {
    const version = await this.versionOf(staff, dossierId);
    const pdf = await this.dossiers.signedPdf(version.id);
    if (!pdf) throw new NotFoundException('This dossier version is not signed.');
    return { version, pdf };
  }

  /** OCDS 1.1 release package of the case, from its current dossier version (the signed one once signed). */
  async ocds(staff: StaffPrincipal, caseId: string): Promise<{ reference: string; release: OcdsReleasePackage }> {
    const procurementCase = await this.caseOf(staff, caseId);
    // The highest number is not always current: data that went back makes an earlier version current again.
    const versions = await this.dossiers.versionsOf(procurementCase.id);
    const latest = versions.find((v) => !v.supersededAt) ?? versions[0];
    if (!latest) throw new NotFoundException('The case has no dossier yet.');
    const signed = await this.dossiers.signed(latest.id);
    const release = toOcdsReleasePackage(latest.snapshot as DossierInput, {
      publishedDate: new Date().toISOString(),
      dossier: {
        id: latest.id,
        version: latest.version,
        url: `/api/v1/dossiers/${latest.id}/${signed ? 'signed.pdf' : 'pdf'}`,
        pdfSha256: signed?.pdfSha256 ?? latest.pdfSha256,
        datePublished: (signed?.signedAt ?? latest.renderedAt ?? latest.requestedAt).toISOString(),
        signed: Boolean(signed),
      },
    });
    return { reference: procurementCase.reference, release };
  }

  /** A comment by the signed-in reviewer on one section of the current review copy. */
  async comment(
    staff: StaffPrincipal,
    dossierId: string,
    input: { section: string; body: string },
  ): Promise<DossierReviewComment> {
    const { version, procurementCase } = await this.ofAgency(staff, dossierId);
    this.assertInReview(procurementCase);
    return this.reviews.comment(version.id, { id: staff.userId, name: staff.name }, input, (saved) =>
      this.audit.recordChange(
        staffAuditActor(staff),
        staffChange(staff, 'dossier.commented', 'dossier', version.id, {
          before: null,
          after: {
            version: version.version,
            section: saved.section,
            pdfSha256: saved.pdfSha256,
            commentId: saved.id,
          },
        }),
      ),
    );
  }

  /** The signed-in reviewer's decision, bound to the review copy they read (its SHA-256). */
  async decide(staff: StaffPrincipal, dossierId: string, input: DecisionInput): Promise<DossierReviewDecision> {
    const { version, procurementCase } = await this.ofAgency(staff, dossierId);
    this.assertInReview(procurementCase);
    const reviewer = { id: staff.userId, name: staff.name, role: REVIEWER_ROLE_LABEL };
    return this.reviews.decide(version.id, reviewer, input, (decision) =>
      this.audit.recordChange(
        staffAuditActor(staff),
        staffChange(staff, 'dossier.decided', 'dossier', version.id, {
          before: null,
          after: {
            version: version.version,
            decision: decision.decision,
            conditions: decision.conditions,
            reason: decision.reason,
            pdfSha256: decision.pdfSha256,
          },
        }),
      ),
    );
  }

  /** Makes the panel's legal reviewers the required reviewers (in legal review only); true if they changed. */
  private async syncReviewers(
    staff: StaffPrincipal,
    procurementCase: ProcurementCase,
    reviewers: ReviewerIdentity[],
  ): Promise<boolean> {
    // Reviewers are required from the move to legal review on; a version rendered earlier is a draft.
    if (procurementCase.status !== 'dossier_review' || reviewers.length === 0) return false;
    const assigned = await this.reviews.reviewersOf(procurementCase.id);
    const before = assigned.map((r) => r.reviewerId).sort();
    const after = reviewers.map((r) => r.id).sort();
    if (before.join() === after.join()) return false;
    await this.reviews.assignReviewers(procurementCase.id, reviewers);
    await this.audit.recordChange(
      staffAuditActor(staff),
      caseChange(procurementCase, 'dossier.reviewers-set', {
        before: assigned.map((r) => ({ id: r.reviewerId, name: r.name })),
        after: reviewers.map((r) => ({ id: r.id, name: r.name })),
      }),
    );
    return true;
  }

  private assertInReview(procurementCase: ProcurementCase): void {
    if (procurementCase.status !== 'dossier_review')
      throw new ConflictException(
        `The case is ${procurementCase.status.replace('_', ' ')}, not in legal review: comments and decisions are taken only while the dossier is in review.`,
      );
  }
}

/** Routes naming a dossier version (`:id`) are decided on the version's case. */
export const DOSSIER_IDS = { ids: { param: 'id', by: DossierWorkflowService } } as const;
