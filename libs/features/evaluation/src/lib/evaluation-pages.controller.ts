import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CasesService, ProcurementCase } from '@probity/cases';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { FormBody } from '@probity/web';
import { Granted } from './case-access';
import { ConflictDeclarationsService } from './conflict-declarations.service';
import { clientErrors, NOTICES } from './panel-pages';
import { ScoringWorkspaceService } from './scoring-workspace.service';

interface CasePageState {
  notice?: string;
  errors?: Record<string, string>;
  form?: Record<string, string>;
}

/**
 * The evaluator's pages before scoring: the cases they sit on, and a case's declaration form or, once
 * declared, its submissions to score. The form posts here and redirects back (post/redirect/get).
 */
@ApiExcludeController()
@Controller()
export class EvaluationPagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly declarations: ConflictDeclarationsService,
    private readonly scoring: ScoringWorkspaceService,
  ) {}

  /** The cases the signed-in evaluator sits on, linked from the navigation. */
  @Get('evaluations')
  @RequiresAccess('evaluation.queue')
  async myEvaluations(@CurrentStaff() staff: StaffPrincipal, @Res() response: Response) {
    const cases = await this.cases.casesOfEvaluator(staff.agencyId, staff.userId);
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
    @AccessGranted() { procurementCase: found }: Granted,
    @Query('notice') notice: string | undefined,
    @Res() response: Response,
  ) {
    await this.renderCase(staff, found, response, { notice });
  }

  @Post('cases/:caseId/evaluation/declaration')
  // The seat is enough: an undeclared evaluator is led to the declaration form.
  @RequiresAccess('panel.declare')
  async declare(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const errors: Record<string, string> = {};
    if (form.hasConflict !== 'yes' && form.hasConflict !== 'no')
      errors.hasConflict = 'Say whether you have a conflict of interest.';
    if (!form.statement?.trim())
      errors.statement = 'Write your declaration, even if it is “I have no conflict of interest”.';
    if (Object.keys(errors).length) return this.renderCase(staff, found, response, { errors, form }, 400);
    try {
      await this.declarations.declare(staff, found, form.hasConflict === 'yes', form.statement.slice(0, 4000));
    } catch (error) {
      const { status, messages } = clientErrors(error);
      if (status === 404 || status === 403) throw error;
      return this.renderCase(staff, found, response, { errors: { form: messages.join(' ') }, form }, status);
    }
    response.redirect(
      303,
      `/cases/${found.id}/evaluation?notice=${form.hasConflict === 'yes' ? 'recused' : 'declared'}`,
    );
  }

  private async renderCase(
    staff: StaffPrincipal,
    found: ProcurementCase,
    response: Response,
    extra: CasePageState,
    status = 200,
  ) {
    const declaration = await this.declarations.declaration(found, staff);
    const access = await this.declarations.access(found, staff);
    const errors = extra.errors ?? {};
    response.status(status).render('evaluation/case', {
      title: `Evaluation · ${found.reference}`,
      procurementCase: { id: found.id, reference: found.reference, title: found.title },
      flash: extra.notice ? NOTICES[extra.notice] : undefined,
      declareFirst: access === 'declare-first',
      recused: access === 'recused',
      declaration,
      opened: this.declarations.submissionsOpened(found),
      // 'allowed' is a declaration of no conflict: with the seat the guard checked, what `response.score` asks.
      responses: access === 'allowed' ? await this.scoring.responsesToEvaluate(staff, found) : [],
      errors,
      errorList: Object.values(errors),
      form: extra.form ?? {},
      conflictYes: extra.form?.hasConflict === 'yes',
      conflictNo: extra.form?.hasConflict === 'no',
    });
  }
}
