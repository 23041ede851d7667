import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CasesService,
  CLARIFICATION_IDS,
  ClarificationsService,
  EvidenceService,
  ProcurementCase,
  ProviderInvitesService,
  ProviderResponse,
  ResponsesService,
} from '@probity/cases';
import { staffAuditActor } from '@probity/audit';
import { Granted } from '@probity/evaluation';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffOnly, StaffPrincipal } from '@probity/identity';
import { API_PREFIX, PageQueryDto } from '@probity/web';
import {
  AnswerClarificationDto,
  CreateCaseDto,
  InviteProviderDto,
  PanelDto,
  ReopenDto,
  TransitionDto,
} from './cases.dto';
import { CaseManagementService } from './case-management.service';
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
    private readonly management: CaseManagementService,
  ) {}

  @Get('cases')
  @RequiresAccess('case.list')
  async list(@CurrentStaff() staff: StaffPrincipal, @Query() query: PageQueryDto) {
    return this.cases.listCases(staff.agencyId, query.page, query.pageSize);
  }

  @Post('cases')
  @RequiresAccess('case.create')
  async create(@CurrentStaff() staff: StaffPrincipal, @Body() body: CreateCaseDto) {
    return caseSummary(await this.management.createCase(staff, body));
  }

  @Get('cases/:caseId')
  @RequiresAccess('case.read')
  async get(@AccessGranted() granted: Granted) {
    return caseSummary(granted.procurementCase);
  }

  @Post('cases/:caseId/transitions')
  @RequiresAccess('case.manage')
  @HttpCode(200)
  async transition(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId') caseId: string,
    @Body() body: TransitionDto,
  ) {
    return caseSummary(await this.cases.transition(caseId, body.to, staffActor(staff)));
  }

  @Put('cases/:caseId/panel')
  @RequiresAccess('case.manage')
  async setPanel(@CurrentStaff() staff: StaffPrincipal, @Param('caseId') caseId: string, @Body() body: PanelDto) {
    return { panel: (await this.management.setPanel(staff, caseId, body.members)).panel };
  }

  @Get('cases/:caseId/responses')
  @RequiresAccess('case.read')
  async responses(@AccessGranted() { procurementCase: found }: Granted) {
    return providerProgress(
      await this.providerResponses.responsesOf(found.id),
      await this.invites.withdrawnLinksOf(found.id),
    );
  }

  @Post('cases/:caseId/invites')
  @RequiresAccess('case.manage')
  async invite(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Body() body: InviteProviderDto,
  ) {
    const { confirmDuplicate, ...invite } = body;
    return responseSummary(await this.invitations.invite(found, invite, staffActor(staff), { confirmDuplicate }));
  }

  /**
   * A provider's answers and evidence list; every read is recorded in the audit trail. The panel's
   * gates apply (seat, conflict declaration, responses closed, submitted only), as in the panel API.
   */
  @Get('responses/:responseId')
  @RequiresAccess('response.read')
  async response(@CurrentStaff() staff: StaffPrincipal, @Param('responseId') responseId: string) {
    const response = await this.providerResponses.viewResponse(staff.agencyId, responseId, staffActor(staff));
    const evidence = await this.evidence.evidenceOf(response.id);
    return { ...response, evidence };
  }

  @Post('responses/:responseId/invite/reissue')
  @RequiresAccess('case.manage')
  @HttpCode(200)
  async reissue(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('responseId') responseId: string,
    @AccessGranted() { procurementCase: found }: Granted,
  ) {
    return responseSummary(await this.invitations.reissue(found, responseId, staffActor(staff)));
  }

  @Post('responses/:responseId/invite/revoke')
  @RequiresAccess('case.manage')
  @HttpCode(204)
  async revoke(@CurrentStaff() staff: StaffPrincipal, @Param('responseId') responseId: string): Promise<void> {
    await this.invites.revokeInvite(responseId, staffActor(staff));
  }

  @Post('responses/:responseId/reopen')
  @RequiresAccess('case.manage')
  @HttpCode(200)
  async reopen(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('responseId') responseId: string,
    @Body() body: ReopenDto,
  ) {
    return responseSummary(await this.providerResponses.reopen(responseId, body.reason, staffActor(staff)));
  }

  @Get('cases/:caseId/clarifications')
  @RequiresAccess('case.read')
  async clarificationsOf(@AccessGranted() { procurementCase: found }: Granted) {
    return (await this.clarifications.forCase(found.id)).map(({ askedBy, ...clarification }) => ({
      ...clarification,
      askedBy: askedBy?.organisationName ?? null,
    }));
  }

  @Post('clarifications/:clarificationId/answer')
  // The policy resolves the clarification to its case first: another agency's is 404 before the body is read.
  @RequiresAccess('case.manage', CLARIFICATION_IDS)
  @HttpCode(200)
  async answer(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('clarificationId') clarificationId: string,
    @Body() body: AnswerClarificationDto,
  ) {
    return this.management.answerClarification(staff, clarificationId, body);
  }
}
