import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { roleMay } from '@probity/access';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import type { DossierInput, ReviewDecisionKind } from '../model/dossier-input';
import { sectionGlance } from '../model/section-glance';
import { DECISIONS } from './dossier.dto';
import { DOSSIER_IDS, DossierWorkflowService } from './dossier-workflow.service';
import { ReviewQueue } from './review-queue';
import { FormBody, PageRefusal, runPageStep } from '@probity/web';
import { RiskRegisterService } from './risk/risk-register.service';

export const DECISION_LABELS: Record<ReviewDecisionKind, string> = {
  approve: 'Approve',
  'approve-with-conditions': 'Approve with conditions',
  'request-changes': 'Request changes',
};

const DECIDED_LABELS: Record<ReviewDecisionKind, string> = {
  approve: 'Approved',
  'approve-with-conditions': 'Approved with conditions',
  'request-changes': 'Changes requested',
};

const NOTICES: Record<string, string> = {
  commented: 'Your comment was added to the review record.',
  decided: 'Your decision was recorded against this exact review copy.',
};

/** A section key as an HTML id: provider sections carry a colon and a UUID. */
export const sectionAnchor = (key: string) => `section-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** What the viewer shows besides the dossier: a notice, or a refused step with what was typed. */
interface ViewerExtras {
  notice?: string;
  commentErrors?: { section: string; body?: string; messages: string[] };
  decisionForm?: { decision: string; conditions: string; reason: string };
  fieldErrors?: Record<string, string>;
  decisionErrors?: string[];
}

/** Review pages for legal reviewers: their queue and the viewer of one dossier version. */
@ApiExcludeController()
@RequiresAccess('dossier.read', DOSSIER_IDS)
@Controller('reviews')
export class DossierPagesController {
  constructor(
    private readonly workflow: DossierWorkflowService,
    private readonly reviewQueue: ReviewQueue,
    private readonly risks: RiskRegisterService,
  ) {}

  @Get()
  @RequiresAccess('review.queue')
  async queue(@CurrentStaff() staff: StaffPrincipal, @Res() response: Response) {
    const items = await this.reviewQueue.of(staff);
    response.render('dossier/queue', {
      title: 'Dossiers to review',
      awaiting: items.filter((item) => item.awaitingMe),
      decided: items
        .filter((item) => !item.awaitingMe)
        .map((item) => ({ ...item, decisionLabel: item.myDecision ? DECIDED_LABELS[item.myDecision] : '' })),
    });
  }

  @Get('dossiers/:id')
  async viewer(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Query('notice') notice: string | undefined,
    @Res() response: Response,
  ) {
    await this.renderViewer(staff, id, response, { notice });
  }

  @Post('dossiers/:id/comments')
  @RequiresAccess('dossier.decide', DOSSIER_IDS)
  async comment(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const section = String(form.section ?? '');
    const body = String(form.body ?? '').trim();
    if (!body)
      return this.renderViewer(
        staff,
        id,
        response,
        { commentErrors: { section, messages: ['Write the comment before adding it.'] } },
        422,
      );
    await runPageStep(
      response,
      () => this.workflow.comment(staff, id, { section, body }),
      `/reviews/dossiers/${id}?notice=commented#${sectionAnchor(section)}`,
      this.refusedOnViewer(staff, id, response, (messages) => ({ commentErrors: { section, body, messages } })),
    );
  }

  @Post('dossiers/:id/decision')
  @RequiresAccess('dossier.decide', DOSSIER_IDS)
  async decide(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const decision = DECISIONS.find((kind) => kind === form.decision);
    const conditions = String(form.conditions ?? '').trim();
    const reason = String(form.reason ?? '').trim();
    const fieldErrors: Record<string, string> = {};
    if (!decision) fieldErrors.decision = 'Choose approve, approve with conditions or request changes.';
    if (decision === 'approve-with-conditions' && !conditions)
      fieldErrors.conditions = 'Write the conditions of your approval.';
    if (decision === 'request-changes' && !reason) fieldErrors.reason = 'Write what must change, and why.';
    const decisionForm = { decision: decision ?? '', conditions, reason };
    if (Object.keys(fieldErrors).length)
      return this.renderViewer(staff, id, response, { decisionForm, fieldErrors }, 422);
    await runPageStep(
      response,
      () =>
        this.workflow.decide(staff, id, {
          decision: decision as ReviewDecisionKind,
          conditions: conditions || undefined,
          reason: reason || undefined,
          pdfSha256: String(form.pdfSha256 ?? ''),
        }),
      `/reviews/dossiers/${id}?notice=decided#decision`,
      this.refusedOnViewer(staff, id, response, (decisionErrors) => ({ decisionForm, decisionErrors })),
    );
  }

  /** A refused step is shown on the viewer with what was typed; an unknown dossier stays a 404 page. */
  private refusedOnViewer(
    staff: StaffPrincipal,
    dossierId: string,
    response: Response,
    shown: (messages: string[]) => ViewerExtras,
  ) {
    return async ({ errors, status, error }: PageRefusal) => {
      if (status === 404) throw error;
      await this.renderViewer(staff, dossierId, response, shown(errors), status);
    };
  }

  private async renderViewer(
    staff: StaffPrincipal,
    dossierId: string,
    response: Response,
    extra: ViewerExtras,
    status = 200,
  ) {
    const { version, procurementCase } = await this.workflow.dossierOf(staff, dossierId);
    const state = await this.workflow.state(staff, dossierId);
    const me = state.reviewers.find((reviewer) => reviewer.id === staff.userId);
    const open = state.current && state.status === 'rendered' && procurementCase.status === 'dossier_review';
    const canReview = Boolean(me) && open && roleMay('dossier.decide', staff);
    const current = state.current
      ? null
      : (await this.workflow.versions(staff, version.caseId)).find((candidate) => candidate.current);
    const form = extra.decisionForm ?? { decision: '', conditions: '', reason: '' };
    const fieldErrors = extra.fieldErrors ?? {};
    const errorList = [...Object.values(fieldErrors), ...(extra.decisionErrors ?? [])];
    // A comment on a section this version does not have cannot be shown next to a section.
    const strayCommentErrors =
      extra.commentErrors && !state.sections.some((section) => section.key === extra.commentErrors?.section)
        ? extra.commentErrors.messages
        : [];
    response.status(status).render('dossier/viewer', {
      title: `Dossier version ${state.version} · ${procurementCase.reference}`,
      scripts: canReview ? ['decision-form.js'] : [],
      flash: extra.notice ? NOTICES[extra.notice] : undefined,
      procurementCase,
      state,
      currentVersion: current ?? null,
      signedPdf: state.signed ? `/api/v1/dossiers/${dossierId}/signed.pdf` : null,
      canReview,
      notOpenReason: me
        ? open
          ? null
          : state.signed
            ? 'This dossier is signed: the review is closed.'
            : !state.current
              ? 'A newer version replaced this one: review the current version.'
              : state.status !== 'rendered'
                ? 'This version is still being rendered.'
                : 'The case is not in legal review.'
        : null,
      myDecision: me?.decision ? DECIDED_LABELS[me.decision] : null,
      reviewers: state.reviewers.map((reviewer) => ({
        ...reviewer,
        decisionLabel: reviewer.decision ? DECIDED_LABELS[reviewer.decision] : 'Awaiting decision',
        isMe: reviewer.id === staff.userId,
      })),
      sections: state.sections.map((section) => {
        const failed = extra.commentErrors?.section === section.key ? extra.commentErrors : undefined;
        return {
          ...section,
          anchor: sectionAnchor(section.key),
          glance: sectionGlance(version.snapshot as DossierInput, section.key),
          comments: state.comments
            .filter((comment) => comment.section === section.key)
            .map((comment) => ({ ...comment, earlierCopy: comment.pdfSha256 !== state.pdfSha256 })),
          errors: failed?.messages ?? [],
          draft: failed?.body ?? '',
        };
      }),
      decisionOptions: DECISIONS.map((kind) => ({
        value: kind,
        label: DECISION_LABELS[kind],
        checked: form.decision === kind,
      })),
      decisionForm: form,
      fieldErrors,
      decisionErrors: errorList,
      pageErrors: strayCommentErrors,
      riskRegister: (version.snapshot as DossierInput).riskRegister
        ? {
            href: `/cases/${version.caseId}/risk-register`,
            blocking: await this.risks.blockingIn(version.caseId, version.snapshot as DossierInput),
          }
        : null,
    });
  }
}
