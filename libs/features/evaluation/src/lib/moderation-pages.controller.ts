import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ProcurementCase } from '@probity/cases';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { FormBody } from '@probity/web';
import { Granted } from './case-access';
import { ModerationService, ModerationView } from './moderation.service';
import { asScore, clientErrors, NOTICES, scaleChoices, scoreLabel } from './panel-pages';

interface FailedModeration {
  key: string;
  messages: string[];
  form: Record<string, string>;
}

const DECLARATION_LABELS = {
  none: 'Not declared yet',
  conflict: 'Conflict declared — recused',
  'no-conflict': 'No conflict',
} as const;

/** The view model of `evaluation/moderation`, with the failed form (if any) back in its question. Pure. */
export function moderationPage(
  found: ProcurementCase,
  view: ModerationView,
  extra: { notice?: string; failed?: FailedModeration },
) {
  const flagged = view.responses.reduce((n, r) => n + r.questions.filter((q) => q.needsDiscussion).length, 0);
  return {
    title: `Moderation · ${found.reference}`,
    flash: extra.notice ? NOTICES[extra.notice] : undefined,
    procurementCase: { id: found.id, reference: found.reference, title: found.title },
    panel: view.panel.map((member) => ({ ...member, declarationLabel: DECLARATION_LABELS[member.declaration] })),
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
          consensusLabel: q.consensus ? scoreLabel(q.consensus.score) : null,
        };
      }),
    })),
  };
}

/** The officer's moderation page: the panel's scores side by side and the consensus form per question. */
@ApiExcludeController()
@Controller('cases/:caseId/moderation')
export class ModerationPagesController {
  constructor(private readonly moderations: ModerationService) {}

  @Get()
  @RequiresAccess('panel.moderate')
  async moderationPage(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Query('notice') notice: string | undefined,
    @Res() response: Response,
  ) {
    await this.render(staff, found, response, { notice });
  }

  @Post(':responseId/:questionName')
  @RequiresAccess('panel.moderate')
  async moderatePost(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
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
    if (problems.length) return this.render(staff, found, response, { failed: { key, messages: problems, form } }, 400);
    try {
      const reason = form.reason.trim().slice(0, 4000);
      await this.moderations.moderate(staff, found, responseId, questionName, score, reason);
    } catch (error) {
      const { status, messages } = clientErrors(error);
      if (status === 404) throw error;
      return this.render(staff, found, response, { failed: { key, messages, form } }, status);
    }
    response.redirect(303, `/cases/${found.id}/moderation?notice=moderated#q-${key}`);
  }

  private async render(
    staff: StaffPrincipal,
    found: ProcurementCase,
    response: Response,
    extra: { notice?: string; failed?: FailedModeration },
    status = 200,
  ) {
    const view = await this.moderations.moderation(staff, found);
    response.status(status).render('evaluation/moderation', moderationPage(found, view, extra));
  }
}
