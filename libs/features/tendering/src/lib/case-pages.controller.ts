import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { roleMay } from '@probity/access';
import {
  CASE_STATUSES,
  CasesService,
  checkTransition,
  CLARIFICATION_IDS,
  clarificationAnswerProblem,
  ProcurementCase,
  ProviderInvitesService,
  ResponsesService,
} from '@probity/cases';
import { DossierWorkflowService } from '@probity/dossier';
import { Granted } from '@probity/evaluation';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffOnly, StaffPrincipal } from '@probity/identity';
import { checkedForm, FormBody, PageRefusal, pageNumberOf, pageRefusalOf } from '@probity/web';
import { staffActor } from './cases.controller';
import { CreateCaseDto, InviteProviderDto } from './cases.dto';
import { caseFromForm, inviteFromForm, panelFromForm } from './case-forms';
import { CaseManagementService } from './case-management.service';
import { CaseDetailExtras, CasePageView } from './case-page-view.service';
import { DuplicateOrganisationException, InvitationsService } from './invitations.service';

import { publishClarificationConfirmation, transitionConfirmation, withdrawConfirmation } from './step-messages';

const PAGE_SIZE = 20;

/** Server-rendered pages for agency staff. Forms post here and redirect back (post/redirect/get). */
@ApiExcludeController()
@StaffOnly()
@Controller('cases')
export class CasePagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly management: CaseManagementService,
    private readonly responses: ResponsesService,
    private readonly invites: ProviderInvitesService,
    private readonly invitations: InvitationsService,
    private readonly dossiers: DossierWorkflowService,
    private readonly view: CasePageView,
  ) {}

  @Get()
  @RequiresAccess('case.list')
  async list(@CurrentStaff() staff: StaffPrincipal, @Query('page') pageParameter: string, @Res() response: Response) {
    const page = pageNumberOf(pageParameter);
    const listed = await this.cases.listCases(staff.agencyId, page, PAGE_SIZE);
    response.render('cases/index', {
      title: 'Procurement cases',
      agencyName: await this.cases.agencyName(staff.agencyId),
      cases: listed.items.map((found) => ({ ...found, statusLabel: this.view.statusLabel(found) })),
      page,
      previousPage: page > 1 ? page - 1 : null,
      nextPage: page * PAGE_SIZE < listed.total ? page + 1 : null,
      total: listed.total,
      canCreate: roleMay('case.create', staff),
    });
  }

  @Get('new')
  @RequiresAccess('case.create')
  async newCase(@CurrentStaff() staff: StaffPrincipal, @Res() response: Response) {
    response.render('cases/new', await this.view.newCase(staff, {}));
  }

  @Post()
  @RequiresAccess('case.create')
  async create(
    @CurrentStaff() staff: StaffPrincipal,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const refused = async ({ errors, status }: Pick<PageRefusal, 'errors' | 'status'>) =>
      response.status(status).render('cases/new', await this.view.newCase(staff, form, errors));
    const { value, problems } = await checkedForm(CreateCaseDto, caseFromForm(form));
    if (problems.length) return refused({ errors: problems, status: 422 });
    await this.attempt(refused, async () => {
      const created = await this.management.createCase(staff, value);
      response.redirect(303, `/cases/${created.id}?notice=created`);
    });
  }

  @Get(':caseId')
  @RequiresAccess('case.read')
  async detail(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Query('notice') notice: string | undefined,
    @Query('response') noticeResponseId: string | undefined,
    @Res() response: Response,
  ) {
    await this.renderDetail(response, staff, found, { notice, noticeResponseId });
  }

  @Post(':caseId/transitions')
  @RequiresAccess('case.manage')
  async transition(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const to = CASE_STATUSES.find((status) => status === form.to);
    const check = to ? checkTransition(found.status, to) : { allowed: false as const, reason: 'Choose a step.' };
    if (!to || !check.allowed)
      return this.renderDetail(response, staff, found, { errors: [check.allowed ? '' : check.reason] }, 409);
    if (form.confirmed !== 'yes')
      return response.render(
        'cases/confirm',
        this.view.confirmation(found, {
          ...transitionConfirmation(to, await this.view.caseFacts(found)),
          action: `/cases/${found.id}/transitions`,
          fields: [{ name: 'to', value: to }],
        }),
      );
    await this.attempt(this.detailRefusal(response, staff, found), async () => {
      await this.cases.transition(found.id, to, staffActor(staff));
      response.redirect(303, `/cases/${found.id}?notice=${to}`);
    });
  }

  @Post(':caseId/panel')
  @RequiresAccess('case.manage')
  async panel(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @FormBody('any') form: Record<string, unknown>,
    @Res() response: Response,
  ) {
    await this.attempt(this.detailRefusal(response, staff, found), async () => {
      await this.management.setPanel(staff, found.id, panelFromForm(form));
      response.redirect(303, `/cases/${found.id}?notice=panel#panel`);
    });
  }

  @Post(':caseId/invites')
  @RequiresAccess('case.manage')
  async invite(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const { value, problems } = await checkedForm(InviteProviderDto, inviteFromForm(form));
    const refused = (refusal: Pick<PageRefusal, 'errors' | 'status'> & { error?: unknown }) =>
      this.renderDetail(
        response,
        staff,
        found,
        {
          errors:
            refusal.error instanceof DuplicateOrganisationException ? [duplicateText(refusal.error)] : refusal.errors,
          inviteForm: form,
          duplicateOrganisation: refusal.error instanceof DuplicateOrganisationException,
        },
        refusal.status,
      );
    if (problems.length) return refused({ errors: problems, status: 422 });
    await this.attempt(refused, async () => {
      const invited = await this.invitations.invite(found, value, staffActor(staff), {
        confirmDuplicate: form.confirmDuplicate === 'yes',
      });
      response.redirect(303, `/cases/${found.id}?notice=invited&response=${invited.id}#providers`);
    });
  }

  @Post(':caseId/responses/:responseId/:action')
  @RequiresAccess('case.manage')
  async manageInvite(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() granted: Granted,
    @Param('action') action: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const { procurementCase: found, response: target } = granted as Required<Granted>;
    const steps: Record<string, () => Promise<unknown>> = {
      reissue: () => this.invitations.reissue(found, target.id, staffActor(staff)),
      revoke: () => this.invites.revokeInvite(target.id, staffActor(staff)),
      reopen: () => this.responses.reopen(target.id, form.reason ?? '', staffActor(staff)),
    };
    if (!Object.hasOwn(steps, action))
      return this.renderDetail(response, staff, found, { errors: ['Unknown action.'] }, 404);
    if (action === 'revoke' && form.confirmed !== 'yes')
      return response.render(
        'cases/confirm',
        this.view.confirmation(found, {
          ...withdrawConfirmation(target.organisationName),
          action: `/cases/${found.id}/responses/${target.id}/revoke`,
          fields: [],
        }),
      );
    await this.attempt(this.detailRefusal(response, staff, found), async () => {
      await steps[action]();
      response.redirect(303, `/cases/${found.id}?notice=${action}&response=${target.id}#providers`);
    });
  }

  @Post(':caseId/dossiers')
  @RequiresAccess('dossier.request')
  async requestDossier(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Res() response: Response,
  ) {
    await this.attempt(this.detailRefusal(response, staff, found), async () => {
      await this.dossiers.requestRender(staff, found.id);
      response.redirect(303, `/cases/${found.id}?notice=dossier#dossier`);
    });
  }

  @Get(':caseId/clarifications')
  @RequiresAccess('case.read')
  async clarificationsPage(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Res() response: Response,
  ) {
    response.render('cases/clarifications', await this.view.clarificationsPage(staff, found));
  }

  /**
   * The policy checks the clarification's own case, whatever case the URL names. Publishing is confirmed
   * first (a page without JavaScript, a dialog with it); a refusal is shown on the clarifications page with
   * what the officer typed.
   */
  @Post(':caseId/clarifications/:clarificationId')
  @RequiresAccess('case.manage', CLARIFICATION_IDS)
  async answerClarification(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Param('clarificationId') clarificationId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const typed = { clarificationId, question: form.question ?? '', answer: form.answer ?? '' };
    const refused = async ({ errors, status }: Pick<PageRefusal, 'errors' | 'status'>) =>
      response
        .status(status)
        .render('cases/clarifications', await this.view.clarificationsPage(staff, found, { ...typed, errors }));
    const problem = clarificationAnswerProblem(typed);
    if (problem) return refused({ errors: [problem], status: 422 });
    if (form.confirmed !== 'yes')
      return response.render(
        'cases/confirm',
        this.view.confirmation(found, {
          ...publishClarificationConfirmation(),
          action: `/cases/${found.id}/clarifications/${clarificationId}`,
          fields: [
            { name: 'question', value: typed.question },
            { name: 'answer', value: typed.answer },
          ],
          cancel: { url: `/cases/${found.id}/clarifications`, label: 'Back to the clarifications' },
        }),
      );
    await this.attempt(refused, async () => {
      await this.management.answerClarification(staff, clarificationId, typed);
      response.redirect(303, `/cases/${found.id}/clarifications`);
    });
  }

  /** Runs a step; a refusal the officer can act on is shown by `refused` instead of the error page. */
  private async attempt(refused: (refusal: PageRefusal) => Promise<void>, step: () => Promise<void>) {
    try {
      await step();
    } catch (error) {
      await refused(pageRefusalOf(error));
    }
  }

  /** Shows a refused step's messages on the case page it was taken from. */
  private detailRefusal(response: Response, staff: StaffPrincipal, found: ProcurementCase) {
    return ({ errors, status }: PageRefusal) => this.renderDetail(response, staff, found, { errors }, status);
  }

  private async renderDetail(
    response: Response,
    staff: StaffPrincipal,
    found: ProcurementCase,
    extra: CaseDetailExtras,
    status = 200,
  ) {
    response.status(status).render('cases/detail', await this.view.detail(staff, found, extra));
  }
}

function duplicateText(error: DuplicateOrganisationException): string {
  return `${error.organisationName} is already invited to this case (same name, VAT number or LEI).`;
}
