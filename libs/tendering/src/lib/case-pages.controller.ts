import { Controller, Get, HttpException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { roleMay } from '@probity/access';
import {
  CASE_STATUSES,
  CasesService,
  checkTransition,
  ClarificationsService,
  PanelMember,
  ProcurementCase,
  ProviderInvitesService,
  QuestionnaireTemplates,
  ResponsesService,
} from '@probity/cases';
import { DossierWorkflowService } from '@probity/dossier';
import { Granted } from '@probity/evaluation';
import {
  AccessGranted,
  CurrentStaff,
  IdentityService,
  RequiresAccess,
  StaffOnly,
  StaffPrincipal,
  StaffUser,
} from '@probity/identity';
import { BUILT_IN_QUESTIONNAIRES } from '@probity/questionnaires';
import { CORE_PRINCIPLES } from '@probity/rubric';
import type { CriteriaWeights } from '@probity/scoring';
import { staffActor } from './cases.controller';
import { CreateCaseDto, InviteProviderDto } from './cases.dto';
import { countryChoices, countryName } from './countries';
import { DuplicateOrganisationException, InvitationsService } from './invitations.service';
import { providerProgress } from './provider-progress';
import {
  CaseFacts,
  StepConfirmation,
  transitionConfirmation,
  transitionNotice,
  withdrawConfirmation,
} from './step-messages';
import { FormBody, pageNumberOf } from '@probity/web';

const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  open: 'Open for responses',
  closed: 'Closed for responses',
  evaluation: 'In evaluation',
  dossier_review: 'Dossier in legal review',
  signed_off: 'Signed off',
  awarded: 'Awarded',
  cancelled: 'Cancelled',
};

const ACTION_LABELS: Partial<Record<string, string>> = {
  open: 'Publish and open for responses',
  closed: 'Close for responses',
  evaluation: 'Start evaluation',
  dossier_review: 'Send the dossier to legal review',
  awarded: 'Record the award',
  cancelled: 'Cancel the procurement',
};

const ANNEX_III_AREAS = [
  { value: 'none', label: 'Not an Annex III use (no high-risk classification)' },
  { value: '1(a) remote biometric identification', label: '1(a) Remote biometric identification' },
  { value: '6(a) risk of becoming a victim', label: '6(a) Assessing the risk of a person becoming a victim' },
  { value: '6(b) polygraph-like tools', label: '6(b) Polygraphs and similar tools' },
  { value: '6(c) reliability of evidence', label: '6(c) Evaluating the reliability of evidence' },
  { value: '6(d) risk of offending', label: '6(d) Assessing the risk of offending or re-offending' },
  { value: '6(e) profiling', label: '6(e) Profiling in detection, investigation or prosecution' },
];

function fieldErrors(errors: Awaited<ReturnType<typeof validate>>): string[] {
  return errors.flatMap((error) => [...Object.values(error.constraints ?? {}), ...fieldErrors(error.children ?? [])]);
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/[\s,;]+/).filter(Boolean) : [];
}

/** Server-rendered pages for agency staff. Forms post here and redirect back (post/redirect/get). */
@ApiExcludeController()
@StaffOnly()
@Controller('cases')
export class CasePagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly invites: ProviderInvitesService,
    private readonly clarifications: ClarificationsService,
    private readonly invitations: InvitationsService,
    private readonly identity: IdentityService,
    private readonly dossiers: DossierWorkflowService,
    private readonly templates: QuestionnaireTemplates,
  ) {}

  @Get()
  @RequiresAccess('case.list')
  async list(@CurrentStaff() staff: StaffPrincipal, @Query('page') pageParameter: string, @Res() response: Response) {
    const page = pageNumberOf(pageParameter);
    const listed = await this.cases.listCases(staff.agencyId, page, 20);
    response.render('cases/index', {
      title: 'Procurement cases',
      agencyName: await this.cases.agencyName(staff.agencyId),
      cases: listed.items.map((found) => ({ ...found, statusLabel: STATUS_LABELS[found.status] })),
      page,
      previousPage: page > 1 ? page - 1 : null,
      nextPage: page * 20 < listed.total ? page + 1 : null,
      total: listed.total,
      canCreate: roleMay('case.create', staff),
    });
  }

  @Get('new')
  @RequiresAccess('case.create')
  async newCase(@CurrentStaff() staff: StaffPrincipal, @Res() response: Response) {
    await this.renderNewCase(staff, response, {});
  }

  @Post()
  @RequiresAccess('case.create')
  async create(
    @CurrentStaff() staff: StaffPrincipal,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const weights = Object.fromEntries(
      CORE_PRINCIPLES.map((principle) => [principle.id, Number(form[`weight_${principle.id}`])]),
    );
    const dto = plainToInstance(CreateCaseDto, {
      reference: form.reference?.trim(),
      title: form.title?.trim(),
      description: form.description?.trim(),
      intendedUse: form.intendedUse?.trim(),
      aiActClassification: {
        annexIII: form.annexIII,
        biometric: form.biometric === 'yes',
        riskAssessmentOfPersons: form.riskAssessmentOfPersons === 'yes',
      },
      estimatedValue: form.estimatedValue ? Number(form.estimatedValue) : undefined,
      currency: form.currency?.trim() || undefined,
      questionsDue: form.questionsDue ? `${form.questionsDue}T23:59:59.000Z` : undefined,
      responsesDue: form.responsesDue ? `${form.responsesDue}T23:59:59.000Z` : '',
      criteriaWeights: weights,
      questionnaireKey: form.questionnaireKey,
    });
    const problems = fieldErrors(await validate(dto));
    if (problems.length) return this.renderNewCase(staff, response, form, problems, 422);
    try {
      const created = await this.cases.createCase(
        staff.agencyId,
        {
          ...dto,
          aiActClassification: { ...dto.aiActClassification },
          criteriaWeights: weights as CriteriaWeights,
          questionsDue: dto.questionsDue ? new Date(dto.questionsDue) : undefined,
          responsesDue: new Date(dto.responsesDue),
        },
        staffActor(staff),
      );
      response.redirect(303, `/cases/${created.id}?notice=created`);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      const message = (error.getResponse() as { message?: unknown }).message ?? error.message;
      const messages = (Array.isArray(message) ? message : [message]).map((item) =>
        typeof item === 'string' ? item : String((item as { message?: string }).message ?? item),
      );
      await this.renderNewCase(staff, response, form, messages, error.getStatus());
    }
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
    await this.renderDetail(staff, found, response, { notice, noticeResponseId });
  }

  @Post(':caseId/transitions')
  @RequiresAccess('case.manage')
  async transition(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @AccessGranted() { procurementCase: found }: Granted,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const to = CASE_STATUSES.find((status) => status === form.to);
    const check = to ? checkTransition(found.status, to) : { allowed: false as const, reason: 'Choose a step.' };
    if (!to || !check.allowed)
      return this.renderDetail(staff, found, response, { errors: [check.allowed ? '' : check.reason] }, 409);
    if (form.confirmed !== 'yes')
      return this.renderConfirmation(response, found, {
        ...transitionConfirmation(to, await this.caseFacts(found)),
        action: `/cases/${caseId}/transitions`,
        fields: [{ name: 'to', value: to }],
      });
    await this.cases.transition(caseId, to, staffActor(staff));
    response.redirect(303, `/cases/${caseId}?notice=${to}`);
  }

  @Post(':caseId/panel')
  @RequiresAccess('case.manage')
  async panel(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @AccessGranted() { procurementCase: found }: Granted,
    @FormBody('any') form: Record<string, unknown>,
    @Res() response: Response,
  ) {
    const members: PanelMember[] = [
      ...asList(form.evaluators).map((userId) => ({ userId, role: 'evaluator' as const })),
      ...asList(form.legalReviewers).map((userId) => ({ userId, role: 'legal_reviewer' as const })),
    ];
    try {
      await this.cases.setPanel(staff.agencyId, caseId, members, staffActor(staff));
      // As through the API: in legal review the panel's legal reviewers are the dossier's required reviewers.
      await this.dossiers.panelChanged(staff, caseId);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      const message = (error.getResponse() as { message?: unknown }).message ?? error.message;
      return this.renderDetail(
        staff,
        found,
        response,
        { errors: (Array.isArray(message) ? message : [message]).map(String) },
        error.getStatus(),
      );
    }
    response.redirect(303, `/cases/${caseId}?notice=panel#panel`);
  }

  @Post(':caseId/invites')
  @RequiresAccess('case.manage')
  async invite(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @AccessGranted() { procurementCase: found }: Granted,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const legalIdentifiers: Record<string, string> = {};
    if (form.vat?.trim()) legalIdentifiers.VAT = form.vat.trim();
    if (form.lei?.trim()) legalIdentifiers.LEI = form.lei.trim();
    const dto = plainToInstance(InviteProviderDto, {
      organisationName: form.organisationName?.trim(),
      country: form.country?.trim() ?? '',
      legalIdentifiers,
      contactEmails: asList(form.contactEmails),
    });
    const problems = fieldErrors(await validate(dto));
    if (problems.length) return this.renderDetail(staff, found, response, { errors: problems, inviteForm: form }, 422);
    let invited: { id: string };
    try {
      invited = await this.invitations.invite(found, dto, staffActor(staff), {
        confirmDuplicate: form.confirmDuplicate === 'yes',
      });
    } catch (error) {
      if (error instanceof DuplicateOrganisationException)
        return this.renderDetail(
          staff,
          found,
          response,
          {
            errors: [`${error.organisationName} is already invited to this case (same name, VAT number or LEI).`],
            inviteForm: form,
            duplicateOrganisation: true,
          },
          error.getStatus(),
        );
      if (!(error instanceof HttpException) || (error.getStatus() >= 500 && error.getStatus() !== 503)) throw error;
      return this.renderDetail(
        staff,
        found,
        response,
        { errors: [error.message], inviteForm: form },
        error.getStatus(),
      );
    }
    response.redirect(303, `/cases/${caseId}?notice=invited&response=${invited.id}#providers`);
  }

  @Post(':caseId/responses/:responseId/:action')
  @RequiresAccess('case.manage')
  async manageInvite(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @AccessGranted() granted: Granted,
    @Param('responseId') responseId: string,
    @Param('action') action: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const { procurementCase: found, response: target } = granted as Required<Granted>;
    if (action === 'revoke' && form.confirmed !== 'yes')
      return this.renderConfirmation(response, found, {
        ...withdrawConfirmation(target.organisationName),
        action: `/cases/${caseId}/responses/${responseId}/revoke`,
        fields: [],
      });
    try {
      if (action === 'reissue') await this.invitations.reissue(found, responseId, staffActor(staff));
      else if (action === 'revoke') await this.invites.revokeInvite(responseId, staffActor(staff));
      else if (action === 'reopen') await this.responses.reopen(responseId, form.reason ?? '', staffActor(staff));
      else return this.renderDetail(staff, found, response, { errors: ['Unknown action.'] }, 404);
    } catch (error) {
      if (!(error instanceof HttpException) || (error.getStatus() >= 500 && error.getStatus() !== 503)) throw error;
      return this.renderDetail(staff, found, response, { errors: [error.message] }, error.getStatus());
    }
    response.redirect(303, `/cases/${caseId}?notice=${action}&response=${responseId}#providers`);
  }

  @Post(':caseId/dossiers')
  @RequiresAccess('dossier.request')
  async requestDossier(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @AccessGranted() { procurementCase: found }: Granted,
    @Res() response: Response,
  ) {
    try {
      await this.dossiers.requestRender(staff, found.id);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      return this.renderDetail(staff, found, response, { errors: [error.message] }, error.getStatus());
    }
    response.redirect(303, `/cases/${caseId}?notice=dossier#dossier`);
  }

  @Get(':caseId/clarifications')
  @RequiresAccess('case.read')
  async clarificationsPage(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Res() response: Response,
  ) {
    response.render('cases/clarifications', {
      title: `Clarifications · ${found.reference}`,
      procurementCase: found,
      clarifications: (await this.clarifications.forCase(found.id)).map((item) => ({
        ...item,
        askedBy: item.askedBy?.organisationName,
      })),
      canAnswer: roleMay('case.manage', staff),
    });
  }

  @Post(':caseId/clarifications/:clarificationId')
  @RequiresAccess('case.manage')
  async answerClarification(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Param('clarificationId') clarificationId: string,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    await this.clarifications.answer(
      staff.agencyId,
      clarificationId,
      { question: form.question, answer: form.answer ?? '' },
      staffActor(staff),
      (_transaction, published) => this.invitations.announceClarification(published),
    );
    response.redirect(303, `/cases/${caseId}/clarifications`);
  }

  /** The case page's dossier section: versions with render progress, downloads and the review per reviewer. */
  private async dossierView(staff: StaffPrincipal, found: ProcurementCase) {
    const { versions, current, state, panelReviewers } = await this.dossiers.overview(staff, found);
    return {
      canRequest: roleMay('case.manage', staff) && ['evaluation', 'dossier_review'].includes(found.status),
      rendering: versions.some((version) => version.status === 'pending'),
      progressUrl: `/api/v1/cases/${found.id}/dossiers`,
      ocdsUrl: versions.length ? `/api/v1/cases/${found.id}/ocds` : null,
      panelReviewers,
      versions: versions.map((version) => ({
        ...version,
        statusLabel: VERSION_STATUS_LABELS[version.status] ?? version.status,
        pending: version.status === 'pending',
        pdfUrl: version.pdfSha256 ? `/api/v1/dossiers/${version.id}/pdf` : null,
        signedPdfUrl: version.signedPdfSha256 ? `/api/v1/dossiers/${version.id}/signed.pdf` : null,
        reviewUrl: version.pdfSha256 ? `/reviews/dossiers/${version.id}` : null,
      })),
      current,
      reviewers: (state?.reviewers ?? []).map((reviewer) => ({
        ...reviewer,
        decisionLabel: reviewer.decision ? DECISION_LABELS[reviewer.decision] : 'Awaiting decision',
      })),
    };
  }

  private async renderNewCase(
    staff: StaffPrincipal,
    response: Response,
    form: Record<string, string>,
    errors: string[] = [],
    status = 200,
  ) {
    const agencyTemplates = await this.templates.published(staff.agencyId);
    response.status(status).render('cases/new', {
      title: 'New procurement case',
      form,
      errors,
      annexAreas: ANNEX_III_AREAS.map((area) => ({ ...area, selected: form.annexIII === area.value })),
      principles: CORE_PRINCIPLES.map((principle) => ({
        id: principle.id,
        name: principle.name,
        weight: form[`weight_${principle.id}`] ?? '20',
      })),
      questionnaires: BUILT_IN_QUESTIONNAIRES.map((questionnaire) => ({
        key: questionnaire.key,
        title: questionnaire.title,
        version: questionnaire.version,
        selected: form.questionnaireKey === questionnaire.key,
      })),
      // Each published version is offered as key@version: the case keeps exactly the one chosen.
      agencyQuestionnaires: agencyTemplates.map((template) => ({
        key: `${template.key}@${template.version}`,
        title: template.title,
        version: template.version,
        selected: form.questionnaireKey === `${template.key}@${template.version}`,
      })),
    });
  }

  /** The case's progress table, withdrawn links included. */
  private async progressOf(found: ProcurementCase) {
    return providerProgress(await this.responses.responsesOf(found.id), await this.invites.withdrawnLinksOf(found.id));
  }

  private async caseFacts(found: ProcurementCase, progress?: ReturnType<typeof providerProgress>): Promise<CaseFacts> {
    const { counts, rows } = progress ?? (await this.progressOf(found));
    return {
      responsesDue: found.responsesDue,
      submitted: counts.submitted,
      providers: rows.length - counts.withdrawn,
      now: new Date(),
    };
  }

  /** The step's confirmation as a page of its own, for browsers without JavaScript (scripts show a dialog instead). */
  private renderConfirmation(
    response: Response,
    found: ProcurementCase,
    confirmation: StepConfirmation & { action: string; fields: Array<{ name: string; value: string }> },
  ) {
    response.render('cases/confirm', {
      ...confirmation,
      title: confirmation.title,
      cancelUrl: `/cases/${found.id}`,
      cancelLabel: `Back to ${found.reference}`,
    });
  }

  private async renderDetail(
    staff: StaffPrincipal,
    found: ProcurementCase,
    response: Response,
    extra: {
      notice?: string;
      noticeResponseId?: string;
      errors?: string[];
      inviteForm?: Record<string, string>;
      duplicateOrganisation?: boolean;
    },
    status = 200,
  ) {
    const canManage = roleMay('case.manage', staff);
    const progress = await this.progressOf(found);
    const facts = await this.caseFacts(found, progress);
    const staffById = new Map((await this.identity.staffOfAgency(staff.agencyId)).map((user) => [user.id, user]));
    const clarifications = await this.clarifications.forCase(found.id);
    const seesDossier = roleMay('dossier.read', staff);
    const dossier = seesDossier ? await this.dossierView(staff, found) : null;
    response.status(status).render('cases/detail', {
      scripts: [...(canManage ? ['confirm-step.js'] : []), ...(dossier?.rendering ? ['dossier-progress.js'] : [])],
      dossier,
      title: found.title,
      procurementCase: found,
      statusLabel: STATUS_LABELS[found.status],
      weights: CORE_PRINCIPLES.map((principle) => ({
        name: principle.name,
        weight: found.criteriaWeights[principle.id],
      })),
      actions: canManage
        ? CASE_STATUSES.filter((to) => checkTransition(found.status, to).allowed).map((to) => ({
            to,
            label: ACTION_LABELS[to] ?? to,
            danger: to === 'cancelled',
            confirmation: confirmationAttributes(transitionConfirmation(to, facts)),
          }))
        : [],
      canManage,
      onPanelAsEvaluator: found.panel.some((member) => member.userId === staff.userId && member.role === 'evaluator'),
      canInvite: canManage && found.status === 'open',
      progress: {
        ...progress,
        rows: progress.rows.map((row) => ({
          ...row,
          countryName: countryName(row.country),
          withdrawConfirmation: confirmationAttributes(withdrawConfirmation(row.organisationName)),
        })),
      },
      countries: countryChoices(extra.inviteForm?.country),
      duplicateOrganisation: extra.duplicateOrganisation === true,
      panel: found.panel.map((member) => ({
        ...member,
        name: staffById.get(member.userId)?.name ?? 'Former staff member',
        roleLabel: member.role === 'evaluator' ? 'evaluator' : 'legal reviewer',
      })),
      panelChoices: canManage ? panelChoices([...staffById.values()], found.panel) : null,
      unanswered: clarifications.filter((item) => !item.publishedAt).length,
      flash: noticeText(
        extra.notice,
        facts,
        progress.rows.find((row) => row.responseId === extra.noticeResponseId),
      ),
      errors: (extra.errors ?? []).filter(Boolean),
      inviteForm: extra.inviteForm ?? {},
    });
  }
}

const VERSION_STATUS_LABELS: Record<string, string> = {
  pending: 'Being rendered',
  rendered: 'Rendered',
  signed: 'Signed',
  superseded: 'Superseded',
};

const DECISION_LABELS: Record<string, string> = {
  approve: 'Approved',
  'approve-with-conditions': 'Approved with conditions',
  'request-changes': 'Changes requested',
};

const NOTICES: Record<string, string> = {
  dossier: 'The dossier was requested for the case’s current data; the legal reviewers are asked once it is rendered.',
  created: 'The case was created as a draft.',
  panel: 'The evaluation panel was saved.',
};

/** Notices about one provider, named after it. */
const PROVIDER_NOTICES: Record<string, (row: { organisationName: string; contactEmails: string[] }) => string> = {
  invited: (row) =>
    `${row.organisationName} was invited; the invitation e-mail went to ${row.contactEmails.join(', ')}.`,
  reissue: (row) =>
    `A new link was sent to ${row.organisationName} (${row.contactEmails.join(', ')}); the previous link no longer works.`,
  revoke: (row) =>
    `The link of ${row.organisationName} was withdrawn; it no longer opens the portal. Re-issue a link to let them answer again.`,
  reopen: (row) =>
    `The submission of ${row.organisationName} was reopened for corrections; the reason is in the audit trail.`,
};

/** What the step the officer just took did, in words about this case. */
function noticeText(
  notice: string | undefined,
  facts: CaseFacts,
  row: { organisationName: string; contactEmails: string[] } | undefined,
): string | undefined {
  if (!notice) return undefined;
  const status = CASE_STATUSES.find((candidate) => candidate === notice);
  if (status) return transitionNotice(status, facts);
  if (row && PROVIDER_NOTICES[notice]) return PROVIDER_NOTICES[notice](row);
  return NOTICES[notice];
}

/** The data-confirm-* attributes a form carries so the page script can ask in a dialog. */
function confirmationAttributes(confirmation: StepConfirmation) {
  return { ...confirmation, bodyText: confirmation.body.join(' ') };
}

/** Staff who may sit on the panel in each role (admins may take either), with the current members ticked. */
function panelChoices(staff: StaffUser[], panel: PanelMember[]) {
  const choices = (role: PanelMember['role']) =>
    staff
      .filter((user) => user.role === role || user.role === 'admin')
      .map((user) => ({
        id: user.id,
        name: user.name,
        email: user.email,
        checked: panel.some((member) => member.userId === user.id && member.role === role),
      }));
  return { evaluators: choices('evaluator'), legalReviewers: choices('legal_reviewer') };
}
