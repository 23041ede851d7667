import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ProcurementCase } from '@probity/cases';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { FormBody } from '@probity/web';
import { Granted } from './case-access';
import { ConflictDeclarationsService } from './conflict-declarations.service';
import { asScore, clientErrors, submitConfirmation } from './panel-pages';
import { ScoringWorkspaceService } from './scoring-workspace.service';
import { nextQuestionAfter, workspacePage, WorkspacePageRequest, workspaceUrl } from './workspace-page';

/**
 * The evaluator's scoring workspace pages: one response question by question, its evidence files,
 * and the final submission. Forms post here and redirect back; errors re-render the workspace.
 */
@ApiExcludeController()
@Controller('cases/:caseId/evaluation/responses/:responseId')
export class ScoringPagesController {
  constructor(
    private readonly declarations: ConflictDeclarationsService,
    private readonly scoring: ScoringWorkspaceService,
  ) {}

  @Get()
  // The seat is enough: an undeclared evaluator is led to the declaration form.
  @RequiresAccess('panel.declare')
  async workspacePage(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Param('responseId') responseId: string,
    @Query('question') question: string | undefined,
    @Res() response: Response,
  ) {
    // Before a declaration there is nothing to see: the declaration form comes first. 'allowed' is what
    // `response.score` adds to the seat the guard checked.
    if ((await this.declarations.access(found, staff)) !== 'allowed')
      return response.redirect(303, `/cases/${found.id}/evaluation`);
    await this.render(staff, found, responseId, response, { question, errors: {}, form: {} });
  }

  /** An evidence file as the provider uploaded it, for download: never rendered inline. */
  @Get('evidence/:evidenceId')
  @RequiresAccess('response.score')
  async evidence(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Param('responseId') responseId: string,
    @Param('evidenceId') evidenceId: string,
    @Res() response: Response,
  ) {
    const file = await this.scoring.evidenceFile(staff, found, responseId, evidenceId);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.fileName.replace(/[^\w.-]+/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    response.setHeader('Cache-Control', 'private, no-store');
    response.send(file.content);
  }

  @Post('scores')
  @RequiresAccess('response.score')
  async scorePost(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
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
    if (Object.keys(errors).length)
      return this.render(staff, found, responseId, response, { question: form.question, errors, form }, 400);
    try {
      await this.scoring.recordScore(staff, found, responseId, form.questionName ?? '', score, justification);
    } catch (error) {
      const { status, messages } = clientErrors(error);
      if (status === 403 || status === 404) throw error;
      const page = { question: form.question, errors: { form: messages.join(' ') }, form };
      return this.render(staff, found, responseId, response, page, status);
    }
    const workspace = await this.scoring.workspace(staff, found, responseId, { audited: false });
    const next = nextQuestionAfter(workspace, form.questionName);
    return response.redirect(303, `${workspaceUrl(found.id, responseId)}?question=${next}`);
  }

  @Post('submission')
  @RequiresAccess('response.score')
  async submitPost(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Param('responseId') responseId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const base = workspaceUrl(found.id, responseId);
    if (form.confirmed !== 'yes') {
      // Without JavaScript the step is confirmed on a page; incomplete scores go straight to the refusal below.
      const workspace = await this.scoring.workspace(staff, found, responseId);
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
      await this.scoring.submitScores(staff, found, responseId);
    } catch (error) {
      const { status, messages } = clientErrors(error);
      if (status === 403 || status === 404) throw error;
      const page = { question: 'review', errors: { form: messages.join(' ') }, form: {} };
      return this.render(staff, found, responseId, response, page, status);
    }
    response.redirect(303, `${base}?question=review&notice=submitted`);
  }

  private async render(
    staff: StaffPrincipal,
    found: ProcurementCase,
    responseId: string,
    response: Response,
    page: Omit<WorkspacePageRequest, 'notice'>,
    status = 200,
  ) {
    const workspace = await this.scoring.workspace(staff, found, responseId);
    response
      .status(status)
      .render('evaluation/workspace', workspacePage(workspace, { ...page, notice: response.req.query.notice }));
  }
}
