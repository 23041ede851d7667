import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@probity/database';
import { JobOutbox } from '@probity/queue';
import { dossierContentHash } from '../model/content-hash';
import type { DossierInput, DossierSignOff, ReviewDecisionKind } from '../model/dossier-input';
import { dossierSections } from '../model/dossier-view';
import { DossierInputSource } from './case-dossier-source';
import { DossierService } from './dossier.service';
import { DossierVersion } from './dossier-version.entity';
import { DossierVersionRepository } from './dossier-version.repository';
import { DossierReviewComment, DossierReviewDecision, DossierReviewer } from './review.entities';
import { ReviewRepository } from './review.repository';
import { unacceptedAboveAppetite } from '../model/risk-register-view';
import { RiskRegisterRepository } from './risk/risk-register.repository';

export interface ReviewerIdentity {
  id: string;
  name: string;
  role: string;
}

export interface DecisionInput {
  decision: ReviewDecisionKind;
  conditions?: string;
  reason?: string;
  /** SHA-256 of the review copy the reviewer read: a decision is bound to these exact bytes. */
  pdfSha256: string;
}

export interface ReviewState {
  dossierId: string;
  caseId: string;
  version: number;
  status: string;
  current: boolean;
  pdfSha256: string | null;
  renderProgress: number;
  sections: Array<{ key: string; title: string }>;
  reviewers: Array<ReviewerIdentity & { decision: ReviewDecisionKind | null; decidedAt: string | null }>;
  decisions: DossierReviewDecision[];
  comments: DossierReviewComment[];
  signed: { pdfSha256: string; signedAt: string } | null;
}

const APPROVING: ReadonlySet<ReviewDecisionKind> = new Set(['approve', 'approve-with-conditions']);

/** Latest decision per reviewer, in the order given (oldest first). */
function latestByReviewer(decisions: DossierReviewDecision[]): Map<string, DossierReviewDecision> {
  const latest = new Map<string, DossierReviewDecision>();
  for (const decision of decisions) latest.set(decision.reviewerId, decision);
  return latest;
}

/**
 * Legal review of dossier versions: comments per section, decisions bound to the review copy's
 * hash (append-only), and the hand-over to signing once every required reviewer approved.
 */
@Injectable()
export class DossierReviewService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reviewRepository: ReviewRepository,
    private readonly versions: DossierVersionRepository,
    private readonly dossiers: DossierService,
    private readonly source: DossierInputSource,
    private readonly outbox: JobOutbox,
    private readonly risks: RiskRegisterRepository,
  ) {}

  /**
   * Sets the reviewers whose approval the case's dossier needs (replacing the previous list). When every
   * reviewer on the new list already approved the current review copy (a reviewer who had not decided
   * was removed), the version goes to signing as it would after a last approval. Joins the caller's
   * UnitOfWork (e.g. the one that requests a new version).
   */
  async assignReviewers(caseId: string, reviewers: ReviewerIdentity[]): Promise<DossierReviewer[]> {
    if (reviewers.length === 0) throw new BadRequestException('Name at least one reviewer.');
    if (new Set(reviewers.map((r) => r.id)).size !== reviewers.length)
      throw new BadRequestException('A reviewer is listed twice.');
    return this.unitOfWork.run(async () => {
      // Same lock as decisions and signing: the list cannot change under a decision or a signature.
      const current = await this.versions.lockCurrentOfCase(caseId);
      if (await this.versions.isCaseSigned(caseId))
        throw new ConflictException('The dossier of this case is signed: its reviewers can no longer change.');
      const saved = await this.reviewRepository.replaceReviewers(
        caseId,
        reviewers.map((r) => ({ reviewerId: r.id, name: r.name, role: r.role })),
      );
      if (current?.pdfSha256) await this.handOverIfApproved(current, `reviewers-${randomUUID()}`);
      return saved;
    });
  }

  /** The case's required reviewers, by name. */
  reviewersOf(caseId: string): Promise<DossierReviewer[]> {
    return this.reviewRepository.reviewersOf(caseId);
  }

  async state(dossierId: string): Promise<ReviewState> {
    const version = await this.dossiers.get(dossierId);
    const [reviewers, decisions, comments, signed] = await Promise.all([
      this.reviewRepository.reviewersOf(version.caseId),
      this.reviewRepository.decisionsOn(dossierId),
      this.reviewRepository.commentsOn(dossierId),
      this.dossiers.signed(dossierId),
    ]);
    const latest = latestByReviewer(decisions.filter((d) => d.pdfSha256 === version.pdfSha256));
    return {
      dossierId,
      caseId: version.caseId,
      version: version.version,
      status: version.supersededAt ? 'superseded' : version.status,
      current: !version.supersededAt,
      pdfSha256: version.pdfSha256,
      renderProgress: version.renderProgress,
      sections: dossierSections(version.snapshot as DossierInput),
      reviewers: reviewers.map((r) => ({
        id: r.reviewerId,
        name: r.name,
        role: r.role,
        decision: latest.get(r.reviewerId)?.decision ?? null,
        decidedAt: latest.get(r.reviewerId)?.decidedAt.toISOString() ?? null,
      })),
      decisions,
      comments,
      signed: signed ? { pdfSha256: signed.pdfSha256, signedAt: signed.signedAt.toISOString() } : null,
    };
  }

  /** A comment by an assigned reviewer on one section of the current review copy. */
  async comment(
    dossierId: string,
    author: Pick<ReviewerIdentity, 'id' | 'name'>,
    input: { section: string; body: string },
    /** Runs in the comment's UnitOfWork, e.g. to record it in the audit trail. */
    recorded?: (comment: DossierReviewComment) => Promise<void>,
  ): Promise<DossierReviewComment> {
    if (!input.body?.trim()) throw new BadRequestException('A comment needs a text.');
    await this.assertReviewer(await this.dossiers.get(dossierId), author.id);
    const version = await this.reviewable(dossierId);
    const sections = dossierSections(version.snapshot as DossierInput).map((s) => s.key);
    if (!sections.includes(input.section))
      throw new BadRequestException(`Unknown section "${input.section}". Sections: ${sections.join(', ')}.`);
    return this.unitOfWork.run(async () => {
      // A comment either makes it into the signed dossier's sign-off page or is refused: signing takes this lock.
      const locked = await this.versions.lock(dossierId);
      if (!locked || locked.supersededAt || locked.status === 'signed')
        throw new ConflictException('This version is no longer open for comments.');
      const saved = await this.reviewRepository.insertComment({
        id: randomUUID(),
        dossierId,
        pdfSha256: version.pdfSha256 as string,
        section: input.section,
        authorId: author.id,
        authorName: author.name,
        body: input.body.trim(),
      });
      await recorded?.(saved);
      return saved;
    });
  }

  /**
   * Records a decision on the current review copy. Refused with 403 when the caller is not an assigned
   * reviewer, and with 409 when the version is stale (a newer version exists, or the data changed since
   * it was rendered: a new version is then requested), when the reviewer read other bytes than the
   * current copy, or when the dossier is already signed. The decision that completes the approvals
   * hands the version to the signing job in the same transaction.
   */
  async decide(
    dossierId: string,
    reviewer: ReviewerIdentity,
    input: DecisionInput,
    /** Runs in the decision's UnitOfWork, e.g. to record it in the audit trail. */
    recorded?: (decision: DossierReviewDecision) => Promise<void>,
  ): Promise<DossierReviewDecision> {
    if (input.decision === 'approve-with-conditions' && !input.conditions?.trim())
      throw new BadRequestException('An approval with conditions needs the conditions.');
    if (input.decision === 'request-changes' && !input.reason?.trim())
      throw new BadRequestException('A request for changes needs a reason.');
    // Checked first, so someone who is not a reviewer learns nothing else and cannot trigger a new render.
    await this.assertReviewer(await this.dossiers.get(dossierId), reviewer.id);
    const version = await this.reviewable(dossierId);
    if (input.pdfSha256 !== version.pdfSha256)
      throw new ConflictException(
        `You reviewed other bytes (SHA-256 ${input.pdfSha256}) than the current review copy of version ${version.version} (SHA-256 ${version.pdfSha256}): download it again and decide on that.`,
      );
    if (APPROVING.has(input.decision)) await this.assertRisksWithinAppetite(version);
    return this.unitOfWork.run(async () => {
      // Decisions on one version are taken one at a time, so exactly one of them is the last approval.
      const locked = await this.versions.lock(dossierId);
      if (!locked || locked.supersededAt || locked.status === 'signed')
        throw new ConflictException('This version is no longer open for decisions.');
      const reviewers = await this.reviewRepository.reviewersOf(version.caseId);
      if (reviewers.length === 0)
        throw new ConflictException('No reviewers are assigned to this case yet: assign them before deciding.');
      if (!reviewers.some((r) => r.reviewerId === reviewer.id))
        throw new ForbiddenException('You are not a reviewer of this dossier.');
      const decision = await this.reviewRepository.insertDecision({
        id: randomUUID(),
        dossierId,
        caseId: version.caseId,
        pdfSha256: version.pdfSha256 as string,
        reviewerId: reviewer.id,
        reviewerName: reviewer.name,
        reviewerRole: reviewer.role,
        decision: input.decision,
        conditions: input.decision === 'approve-with-conditions' ? (input.conditions as string).trim() : null,
        reason: input.decision === 'request-changes' ? (input.reason as string).trim() : null,
      });
      await this.handOverIfApproved(locked, decision.id);
      await recorded?.(decision);
      return decision;
    });
  }

  /**
   * The sign-off records printed on the final dossier; `approved` is false unless every reviewer approved.
   * Reads inside the caller's UnitOfWork when one is open (signing re-reads under its lock).
   */
  async signOffFor(
    version: DossierVersion,
  ): Promise<{ signOff: DossierSignOff; approved: boolean; approvals: DossierReviewDecision[] }> {
    const reviewers = await this.reviewRepository.reviewersOf(version.caseId);
    const decisions = (await this.reviewRepository.decisionsOn(version.id)).filter(
      (d) => d.pdfSha256 === version.pdfSha256,
    );
    const comments = await this.reviewRepository.commentsOn(version.id);
    const latest = latestByReviewer(decisions);
    const approvals = reviewers.map((r) => latest.get(r.reviewerId)).filter((d) => d !== undefined);
    const approved =
      reviewers.length > 0 &&
      approvals.length === reviewers.length &&
      approvals.every((d) => APPROVING.has(d.decision));
    return {
      approved,
      approvals,
      signOff: {
        requiredReviewers: reviewers.map((r) => ({ name: r.name, role: r.role })),
        decisions: decisions.map((d) => ({
          reviewer: d.reviewerName,
          role: d.reviewerRole,
          decision: d.decision,
          text: d.conditions ?? d.reason,
          decidedAt: d.decidedAt.toISOString(),
          pdfSha256: d.pdfSha256,
        })),
        comments: comments.map((c) => ({
          section: c.section,
          author: c.authorName,
          text: c.body,
          createdAt: c.createdAt.toISOString(),
        })),
        riskAcceptances: await this.riskAcceptancesOf(version),
      },
    };
  }

  /**
   * Enqueues signing when every required reviewer approves the version's review copy. One job per
   * triggering event: a job id per version would be dropped by the queue as a duplicate once an earlier
   * signing job had run (and found that a reviewer had changed their mind meanwhile).
   */
  private async handOverIfApproved(version: DossierVersion, trigger: string): Promise<void> {
    const { approved } = await this.signOffFor(version);
    if (approved)
      await this.outbox.add(
        this.unitOfWork.transaction,
        'dossier.sign',
        { dossierId: version.id },
        { jobId: `dossier-sign-${version.id}-${trigger}` },
      );
  }

  /** The acceptances of risks this version's register shows at the accepted residual, as printed on sign-off. */
  private async riskAcceptancesOf(version: DossierVersion): Promise<NonNullable<DossierSignOff['riskAcceptances']>> {
    const register = (version.snapshot as DossierInput).riskRegister;
    if (!register) return [];
    return (await this.risks.acceptancesOfCase(version.caseId)).flatMap((acceptance) => {
      const provider = register.providers.find((p) => p.providerId === acceptance.providerId);
      const row = provider?.rows.find((r) => r.key === acceptance.rowKey && r.residual === acceptance.residual);
      return provider && row
        ? [
            {
              provider: provider.providerName,
              risk: row.description,
              residual: acceptance.residual,
              reviewer: acceptance.reviewerName,
              reason: acceptance.reason,
              acceptedAt: acceptance.acceptedAt.toISOString(),
            },
          ]
        : [];
    });
  }

  /**
   * Approving the dossier approves its risk register: a residual risk of the recommended provider above
   * the agency's appetite needs a reviewer's explicit acceptance first (the register page records it).
   */
  private async assertRisksWithinAppetite(version: DossierVersion): Promise<void> {
    const snapshot = version.snapshot as DossierInput;
    const blocking = unacceptedAboveAppetite(
      snapshot.riskRegister,
      snapshot.comparison.recommendedProviderId,
      await this.risks.acceptancesOfCase(version.caseId),
    );
    if (blocking.length === 0) return;
    const list = blocking.map(({ row }) => `"${row.description}" (residual ${row.residual})`).join('; ');
    throw new ConflictException(
      `The risk register of ${blocking[0].providerName} has ${blocking.length} residual risk${blocking.length === 1 ? '' : 's'} above the agency's appetite (${snapshot.riskRegister?.appetite}) that no reviewer has accepted: ${list}. Accept each with your reasons on the case's risk register (or ask the officer to mitigate it), then approve.`,
    );
  }

  private async assertReviewer(version: DossierVersion, reviewerId: string): Promise<void> {
    const reviewers = await this.reviewRepository.reviewersOf(version.caseId);
    if (reviewers.length === 0)
      throw new ConflictException('No reviewers are assigned to this case yet: assign them before reviewing.');
    if (!reviewers.some((r) => r.reviewerId === reviewerId))
      throw new ForbiddenException('You are not a reviewer of this dossier.');
  }

  /** The version, if it is the current, rendered, unsigned one and still shows today's data. */
  private async reviewable(dossierId: string): Promise<DossierVersion> {
    const version = await this.dossiers.get(dossierId);
    if (version.status === 'signed') throw new ConflictException('This dossier is signed: it can no longer change.');
    if (version.supersededAt) {
      // The current version is not always the highest number: data that went back makes an older one current.
      const current = await this.versions.currentOfCase(version.caseId);
      throw new ConflictException(
        current
          ? `Version ${version.version} is stale: version ${current.version} replaced it. Review the new version.`
          : `Version ${version.version} is stale: the dossier is being rendered again.`,
      );
    }
    if (!version.pdfSha256) throw new ConflictException('This version is still being rendered.');
    const input = await this.source.inputFor(version.caseId);
    if (dossierContentHash(input) !== version.snapshotHash) {
      const next = await this.dossiers.requestRender(version.caseId);
      throw new ConflictException(
        `The data behind version ${version.version} changed since it was rendered: version ${next.version} is being rendered. Review the new version.`,
      );
    }
    return version;
  }
}
