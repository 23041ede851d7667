import { Controller, Get, HttpException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ProcurementCase } from '@probity/cases';
import { CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { EVALUATION_SCALE } from './panel-rules';
import { PanelWorkflowService, Workspace } from './panel-workflow.service';
import { FormBody } from '@probity/web';
import { markingGuideFor } from '@probity/questionnaires';

const NOTICES: Record<string, string> = {
  declared: 'Your declaration is recorded. You can now score the submissions.',
  recused: 'Your declaration is recorded. You are recused from this case.',
  submitted: 'Your scores are submitted. You can now see the other evaluators’ scores for that provider.',
  moderated: 'The consensus score is recorded.',
};

/** Asked before an evaluator's scores become final, in the dialog and on the page without JavaScript. */
function submitConfirmation(organisationName: string) {
  const body = [
    `Submitted scores are final: you cannot change them afterwards.`,
    `You will then see the other evaluators’ scores for ${organisationName}.`,
  ];
  return {
    title: `Submit your scores for ${organisationName}?`,
    body,
    bodyText: body.join(' '),
    confirmLabel: 'Yes, submit my scores',
    danger: false,
  };
}

/** Messages of a 4xx error, for showing on the page that caused it; anything else is rethrown. */
function clientErrors(error: unknown): { status: number; messages: string[] } {
  if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
  const body = error.getResponse();
  const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
  return { status: error.getStatus(), messages: (Array.isArray(message) ? message : [message]).map(String) };
}

const asScore = (value: unknown): number => (typeof value === 'string' && /^[0-4]$/.test(value) ? Number(value) : NaN);

function scaleChoices(name: string, idPrefix: string, selected: number | null) {
  return EVALUATION_SCALE.map((step) => ({
    ...step,
    id: `${idPrefix}-${step.score}`,
    name,
    checked: selected === step.score,
  }));
}

/**
 * The panel's pages: the evaluator's declaration, list and scoring workspace, and the officer's
 * moderation. Forms post here and redirect back (post/redirect/get); errors re-render the form.
 */
@ApiExcludeController()
@Controller()
export class PanelPagesController {
  constructor(
    private readonly workflow: PanelWorkflowService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The cases the signed-in evaluator sits on, linked from the navigation. */
  @Get('evaluations')
  @RequiresAccess('evaluation.queue')
  async myEvaluations(@CurrentStaff() staff: StaffPrincipal, @Res() response: Response) {
    const cases = await this.dataSource
      .getRepository(ProcurementCase)
      .createQueryBuilder('c')
      .select(['c.id', 'c.reference', 'c.title', 'c.status', 'c.responsesDue'])
      .where('c.agency_id = :agencyId', { agencyId: staff.agencyId })
      .andWhere('c.panel @> CAST(:member AS jsonb)', {
        member: JSON.stringify([{ userId: staff.userId, role: 'evaluator' }]),
      })
      .orderBy('c.responses_due', 'DESC')
      .getMany();
    response.render('evaluation/index', {
      title: 'My evaluations',
      cases: cases.map((found) => ({ ...found, statusLabel: found.status.replace('_', ' ') })),
    });
  }

  @Get('cases/:caseId/evaluation')
  // The seat is enough: an undeclared evaluator is led to the declaration form.
  @RequiresAccess('panel.declare')
  async casePage(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Query('notice') notice: string | undefined,
    @Res() response: Response,
  ) {
    await this.renderCase(staff, caseId, response, { notice });
  }

  @Post('cases/:caseId/evaluation/declaration')
  // The seat is enough: an undeclared evaluator is led to the declaration form.
  @RequiresAccess('panel.declare')
  async declare(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const errors: Record<string, string> = {};
    if (form.hasConflict !== 'yes' && form.hasConflict !== 'no')
      errors.hasConflict = 'Say whether you have a conflict of interest.';
    if (!form.statement?.trim())
      errors.statement = 'Write your declaration, even if it is “I have no conflict of interest”.';
    if (Object.keys(errors).length) return this.renderCase(staff, caseId, response, { errors, form }, 400);
    try {
      await this.workflow.declare(staff, caseId, form.hasConflict === 'yes', form.statement.slice(0, 4000));
    } catch (error) {
      const { status, messages } = clientErrors(error);
      if (status === 404 || status === 403) throw error;
      return this.renderCase(staff, caseId, response, { errors: { form: messages.join(' ') }, form }, status);
    }
    response.redirect(303, `/cases/${caseId}/evaluation?notice=${form.hasConflict === 'yes' ? 'recused' : 'declared'}`);
  }

  private async renderCase(
    staff: StaffPrincipal,
    caseId: string,
    response: Response,
    extra: { notice?: string; errors?: Record<string, string>; form?: Record<string, string> },
    status = 200,
  ) {
    const found = await this.workflow.evaluatorCase(staff, caseId);
    const declaration = await this.workflow.declaration(found, staff);
    const access = await this.workflow.access(found, staff);
    const errors = extra.errors ?? {};
    response.status(status).render('evaluation/case', {
      title: `Evaluation · ${found.reference}`,
      procurementCase: { id: found.id, reference: found.reference, title: found.title },
      flash: extra.notice ? NOTICES[extra.notice] : undefined,
      declareFirst: access === 'declare-first',
      recused: access === 'recused',
      declaration,
      opened: this.workflow.submissionsOpened(found),
      responses: access === 'allowed' ? await this.workflow.responsesToEvaluate(staff, caseId) : [],
      errors,
      errorList: Object.values(errors),
      form: extra.form ?? {},
      conflictYes: extra.form?.hasConflict === 'yes',
      conflictNo: extra.form?.hasConflict === 'no',
    });
  }

  @Get('cases/:caseId/evaluation/responses/:responseId')
  // The seat is enough: an undeclared evaluator is led to the declaration form.
  @RequiresAccess('panel.declare')
  async workspacePage(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Param('responseId') responseId: string,
    @Query('question') question: string | undefined,
    @Res() response: Response,
  ) {
    const found = await this.workflow.evaluatorCase(staff, caseId);
    // Before a declaration there is nothing to see: the declaration form comes first.
    if ((await this.workflow.access(found, staff)) !== 'allowed')
      return response.redirect(303, `/cases/${caseId}/evaluation`);
    const workspace = await this.workflow.workspace(staff, caseId, responseId);
    this.renderWorkspace(response, workspace, question, {});
  }

  /** An evidence file as the provider uploaded it, for download: never rendered inline. */
  @Get('cases/:caseId/evaluation/responses/:responseId/evidence/:evidenceId')
  @RequiresAccess('response.score')
  async evidence(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Param('responseId') responseId: string,
    @Param('evidenceId') evidenceId: string,
    @Res() response: Response,
  ) {
    const file = await this.workflow.evidenceFile(staff, caseId, responseId, evidenceId);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.fileName.replace(/[^\w.-]+/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    response.setHeader('Cache-Control', 'private, no-store');
    response.send(file.content);
  }

  @Post('cases/:caseId/evaluation/responses/:responseId/scores')
  @RequiresAccess('response.score')
  async scorePost(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Param('responseId') responseId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const score = asScore(form.score);
    const justification = (form.justification ?? '').trim();
    const errors: Record<string, string> = {};
    if (Number.isNaN(score)) errors.score = 'Choose a score from 0 to 4.';
    if (!justification) errors.justification = 'Write a justification: what in the answer supports this score.';
    if (justification.length > 4000) errors.justification = 'Keep the justification under 4,000 characters.';
    if (!Object.keys(errors).length) {
      try {
        await this.workflow.recordScore(staff, caseId, responseId, form.questionName ?? '', score, justification);
      } catch (error) {
        const { status, messages } = clientErrors(error);
        if (status === 403 || status === 404) throw error;
        const workspace = await this.workflow.workspace(staff, caseId, responseId);
        return this.renderWorkspace(response, workspace, form.question, { form: messages.join(' ') }, form, status);
      }
      const workspace = await this.workflow.workspace(staff, caseId, responseId, { audited: false });
      const index = workspace.questions.findIndex((q) => q.questionName === form.questionName);
      const next = workspace.questions.findIndex((q, i) => i > index && !q.own);
      const firstOpen = workspace.questions.findIndex((q) => !q.own);
      const target = next >= 0 ? next : firstOpen;
      return response.redirect(
        303,
        `/cases/${caseId}/evaluation/responses/${responseId}?question=${target >= 0 ? target + 1 : 'review'}`,
      );
    }
    const workspace = await this.workflow.workspace(staff, caseId, responseId);
    this.renderWorkspace(response, workspace, form.question, errors, form, 400);
  }

  @Post('cases/:caseId/evaluation/responses/:responseId/submission')
  @RequiresAccess('response.score')
  async submitPost(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Param('responseId') responseId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    if (form.confirmed !== 'yes') {
      // Without JavaScript the step is confirmed on a page; incomplete scores go straight to the refusal below.
      const workspace = await this.workflow.workspace(staff, caseId, responseId);
      const base = `/cases/${caseId}/evaluation/responses/${responseId}`;
      if (workspace.progress.scored === workspace.questions.length && !workspace.submitted)
        return response.render('cases/confirm', {
          ...submitConfirmation(workspace.response.organisationName),
          action: `${base}/submission`,
          fields: [],
          cancelUrl: `${base}?question=review`,
          cancelLabel: 'Back to your scores',
        });
    }
    try {
      await this.workflow.submitScores(staff, caseId, responseId);
    } catch (error) {
      const { status, messages } = clientErrors(error);
      if (status === 403 || status === 404) throw error;
      const workspace = await this.workflow.workspace(staff, caseId, responseId);
      return this.renderWorkspace(response, workspace, 'review', { form: messages.join(' ') }, {}, status);
    }
    response.redirect(303, `/cases/${caseId}/evaluation/responses/${responseId}?question=review&notice=submitted`);
  }

  private renderWorkspace(
    response: Response,
    workspace: Workspace,
    questionParameter: string | undefined,
    errors: Record<string, string>,
    form: Record<string, string> = {},
    status = 200,
  ) {
    const total = workspace.questions.length;
    const requested = Number.parseInt(questionParameter ?? '', 10);
    const firstOpen = workspace.questions.findIndex((q) => !q.own);
    const reviewing = questionParameter === 'review' || workspace.submitted || !workspace.scoringOpen || total === 0;
    const index = reviewing
      ? -1
      : requested >= 1 && requested <= total
        ? requested - 1
        : firstOpen >= 0
          ? firstOpen
          : 0;
    const current = index >= 0 ? workspace.questions[index] : null;
    const base = `/cases/${workspace.caseId}/evaluation/responses/${workspace.response.id}`;
    const selected = form.score !== undefined ? asScore(form.score) : (current?.own?.score ?? null);
    const notice = response.req.query.notice;
    response.status(status).render('evaluation/workspace', {
      title: `${current ? `Question ${index + 1} of ${total}` : 'Review'} · ${workspace.response.organisationName}`,
      scripts: ['confirm-step.js'],
      flash: typeof notice === 'string' ? NOTICES[notice] : undefined,
      submitConfirmation: submitConfirmation(workspace.response.organisationName),
      caseId: workspace.caseId,
      responseName: workspace.response.organisationName,
      base,
      evidence: workspace.evidence,
      progress: workspace.progress,
      progressPercent: total ? Math.round((workspace.progress.scored / total) * 100) : 100,
      allScored: workspace.progress.scored === total,
      submitted: workspace.submitted,
      scoringOpen: workspace.scoringOpen,
      steps: workspace.questions.map((q, i) => ({
        number: i + 1,
        title: q.title,
        href: `${base}?question=${i + 1}`,
        current: i === index,
        scored: Boolean(q.own),
        score: q.own?.score,
      })),
      reviewCurrent: index < 0,
      current: current
        ? {
            ...current,
            number: index + 1,
            total,
            isEvidence: current.kind === 'evidence',
            markingGuide: markingGuideFor(current.questionName),
            choices: scaleChoices('score', 'score', Number.isNaN(selected) ? null : selected),
            justification: form.justification ?? current.own?.justification ?? '',
            previousHref: index > 0 ? `${base}?question=${index}` : null,
          }
        : null,
      review: workspace.questions.map((q, i) => ({
        ...q,
        number: i + 1,
        href: `${base}?question=${i + 1}`,
        ownLabel: q.own ? `${q.own.score} – ${EVALUATION_SCALE[q.own.score].label}` : null,
      })),
      errors,
      errorList: Object.values(errors),
    });
  }

  @Get('cases/:caseId/moderation')
  @RequiresAccess('panel.moderate')
  async moderationPage(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Query('notice') notice: string | undefined,
    @Res() response: Response,
  ) {
    await this.renderModeration(staff, caseId, response, { notice });
  }

  @Post('cases/:caseId/moderation/:responseId/:questionName')
  @RequiresAccess('panel.moderate')
  async moderatePost(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Param('responseId') responseId: string,
    @Param('questionName') questionName: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const key = `${responseId}-${questionName}`;
    const score = asScore(form.consensusScore);
    const problems: string[] = [];
    if (Number.isNaN(score)) problems.push('Choose the consensus score from 0 to 4.');
    if (!form.reason?.trim()) problems.push('Record the reason for the consensus score.');
    if (!problems.length) {
      try {
        await this.workflow.moderate(staff, caseId, responseId, questionName, score, form.reason.trim().slice(0, 4000));
        return response.redirect(303, `/cases/${caseId}/moderation?notice=moderated#q-${key}`);
      } catch (error) {
        const { status, messages } = clientErrors(error);
        if (status === 404) throw error;
        return this.renderModeration(staff, caseId, response, { failed: { key, messages, form } }, status);
      }
    }
    await this.renderModeration(staff, caseId, response, { failed: { key, messages: problems, form } }, 400);
  }

  private async renderModeration(
    staff: StaffPrincipal,
    caseId: string,
    response: Response,
    extra: { notice?: string; failed?: { key: string; messages: string[]; form: Record<string, string> } },
    status = 200,
  ) {
    const view = await this.workflow.moderation(staff, caseId);
    const found = await this.dataSource.getRepository(ProcurementCase).findOneByOrFail({ id: view.caseId });
    const flagged = view.responses.reduce((n, r) => n + r.questions.filter((q) => q.needsDiscussion).length, 0);
    response.status(status).render('evaluation/moderation', {
      title: `Moderation · ${found.reference}`,
      flash: extra.notice ? NOTICES[extra.notice] : undefined,
      procurementCase: { id: found.id, reference: found.reference, title: found.title },
      panel: view.panel.map((member) => ({
        ...member,
        declarationLabel:
          member.declaration === 'none'
            ? 'Not declared yet'
            : member.declaration === 'conflict'
              ? 'Conflict declared — recused'
              : 'No conflict',
      })),
      flagged,
      scoringOpen: view.scoringOpen,
      errors: extra.failed?.messages ?? [],
      responses: view.responses.map((r) => ({
        ...r,
        questions: r.questions.map((q) => {
          const key = `${r.responseId}-${q.questionName}`;
          const failed = extra.failed?.key === key ? extra.failed : undefined;
          return {
            ...q,
            key,
            action: `/cases/${found.id}/moderation/${r.responseId}/${encodeURIComponent(q.questionName)}`,
            spreadText: q.spread
              ? `${q.spread.min}–${q.spread.max} (spread ${q.spread.spread}, mean ${q.spread.mean.toFixed(1)})`
              : 'No submitted scores yet',
            canModerate: view.scoringOpen && !q.consensus && q.scores.length > 0,
            choices: scaleChoices(
              'consensusScore',
              `consensus-${key}`,
              failed ? asScore(failed.form.consensusScore) : null,
            ),
            reason: failed?.form.reason ?? '',
            error: failed ? failed.messages.join(' ') : null,
            consensusLabel: q.consensus ? `${q.consensus.score} – ${EVALUATION_SCALE[q.consensus.score].label}` : null,
          };
        }),
      })),
    });
  }
}
