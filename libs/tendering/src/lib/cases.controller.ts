import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CasesService,
  ClarificationsService,
  EvidenceService,
  ProcurementCase,
  ProviderInvitesService,
  ProviderResponse,
  ResponsesService,
} from '@probity/cases';
import { staffAuditActor } from '@probity/audit';
import { DossierWorkflowService } from '@probity/dossier';
import { CaseAccess } from '@probity/evaluation';
import { CurrentStaff, StaffOnly, StaffPrincipal } from '@probity/identity';
import type { CriteriaWeights } from '@probity/scoring';
import { API_PREFIX } from '@probity/web';
import {
  AnswerClarificationDto,
  CreateCaseDto,
  InviteProviderDto,
  PageQueryDto,
  PanelDto,
  ReopenDto,
  TransitionDto,
} from './cases.dto';
import { InvitationsService } from './invitations.service';
import { providerProgress } from './provider-progress';

/** The signed-in staff member as the audit trail names them. */
export const staffActor = staffAuditActor;

function caseSummary(found: ProcurementCase) {
  const { questionnaireDefinition: _definition, ...summary } = found;
  return summary;
}

function responseSummary(response: ProviderResponse) {
  const { answers: _answers, ...summary } = response;
  return summary;
}

/** Procurement cases of the signed-in staff member's agency; any other agency's id is 404. */
@ApiTags('cases')
@StaffOnly()
@Controller(API_PREFIX)
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly providerResponses: ResponsesService,
    private readonly invites: ProviderInvitesService,
    private readonly evidence: EvidenceService,
    private readonly invitations: InvitationsService,
    private readonly clarifications: ClarificationsService,
    private readonly dossiers: DossierWorkflowService,
    private readonly access: CaseAccess,
  ) {}

  @Get('cases')
  async list(@CurrentStaff() staff: StaffPrincipal, @Query() query: PageQueryDto) {
    return this.cases.listCases(staff.agencyId, query.page, query.pageSize);
  }

  @Post('cases')
  @StaffOnly('procurement_officer', 'admin')
  async create(@CurrentStaff() staff: StaffPrincipal, @Body() body: CreateCaseDto) {
    const created = await this.cases.createCase(
      staff.agencyId,
      {
        ...body,
        aiActClassification: { ...body.aiActClassification },
        // Checked by createCase, which answers 422 naming each problem.
        criteriaWeights: body.criteriaWeights as CriteriaWeights,
        questionsDue: body.questionsDue ? new Date(body.questionsDue) : undefined,
        responsesDue: new Date(body.responsesDue),
      },
      staffActor(staff),
    );
    return caseSummary(created);
  }

  @Get('cases/:caseId')
  async get(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string) {
    return caseSummary((await this.access.requireAccess(staff, 'case.read', { caseId })).procurementCase);
  }

  @Post('cases/:caseId/transitions')
  @StaffOnly('procurement_officer', 'admin')
  @HttpCode(200)
  async transition(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Body() body: TransitionDto,
  ) {
    await this.cases.caseOfAgency(staff.agencyId, caseId);
    return caseSummary(await this.cases.transition(caseId, body.to, staffActor(staff)));
  }

  @Put('cases/:caseId/panel')
  @StaffOnly('procurement_officer', 'admin')
  async setPanel(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string, @Body() body: PanelDto) {
    const updated = await this.cases.setPanel(staff.agencyId, caseId, body.members, staffActor(staff));
    // In legal review the panel's legal reviewers are the dossier's required reviewers.
    await this.dossiers.panelChanged(staff, caseId);
    return { panel: updated.panel };
  }

  @Get('cases/:caseId/responses')
  async responses(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string) {
    const found = (await this.access.requireAccess(staff, 'case.read', { caseId })).procurementCase;
    return providerProgress(
      await this.providerResponses.responsesOf(found.id),
      await this.invites.withdrawnLinksOf(found.id),
    );
  }

  @Post('cases/:caseId/invites')
  @StaffOnly('procurement_officer', 'admin')
  async invite(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Body() body: InviteProviderDto,
  ) {
    const found = await this.cases.caseOfAgency(staff.agencyId, caseId);
    const { confirmDuplicate, ...invite } = body;
    return responseSummary(await this.invitations.invite(found, invite, staffActor(staff), { confirmDuplicate }));
  }

  /**
   * A provider's answers and evidence list; every read is recorded in the audit trail. The panel's
   * gates apply (seat, conflict declaration, responses closed, submitted only), as in the panel API.
   */
  @Get('responses/:responseId')
  async response(@CurrentStaff() staff: StaffPrincipal, @Param('responseId') responseId: string) {
    await this.access.requireAccess(staff, 'response.read', { responseId });
    const response = await this.providerResponses.viewResponse(staff.agencyId, responseId, staffActor(staff));
    const evidence = await this.evidence.evidenceOf(response.id);
    return { ...response, evidence };
  }

  @Post('responses/:responseId/invite/reissue')
  @StaffOnly('procurement_officer', 'admin')
  @HttpCode(200)
  async reissue(@CurrentStaff() staff: StaffPrincipal, @Param('responseId') responseId: string) {
    const response = await this.providerResponses.responseOfAgency(staff.agencyId, responseId);
    const found = await this.cases.getCase(response.caseId);
    return responseSummary(await this.invitations.reissue(found, responseId, staffActor(staff)));
  }

  @Post('responses/:responseId/invite/revoke')
  @StaffOnly('procurement_officer', 'admin')
  @HttpCode(204)
  async revoke(@CurrentStaff() staff: StaffPrincipal, @Param('responseId') responseId: string): Promise<void> {
    await this.providerResponses.responseOfAgency(staff.agencyId, responseId);
    await this.invites.revokeInvite(responseId, staffActor(staff));
  }

  @Post('responses/:responseId/reopen')
  @StaffOnly('procurement_officer', 'admin')
  @HttpCode(200)
  async reopen(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('responseId') responseId: string,
    @Body() body: ReopenDto,
  ) {
    await this.providerResponses.responseOfAgency(staff.agencyId, responseId);
    return responseSummary(await this.providerResponses.reopen(responseId, body.reason, staffActor(staff)));
  }

  @Get('cases/:caseId/clarifications')
  async clarificationsOf(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string) {
    const found = (await this.access.requireAccess(staff, 'case.read', { caseId })).procurementCase;
    return (await this.clarifications.forCase(found.id)).map(({ askedBy, ...clarification }) => ({
      ...clarification,
      askedBy: askedBy?.organisationName ?? null,
    }));
  }

  @Post('clarifications/:clarificationId/answer')
  @StaffOnly('procurement_officer', 'admin')
  @HttpCode(200)
  async answer(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('clarificationId') clarificationId: string,
    @Body() body: AnswerClarificationDto,
  ) {
    return this.clarifications.answer(staff.agencyId, clarificationId, body, staffActor(staff), (manager, published) =>
      this.invitations.announceClarification(manager, published),
    );
  }
}
