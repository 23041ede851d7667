import {
  ConflictException,
  Injectable,
  Logger,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { AppConfig } from '@probity/config';
import {
  Actor,
  CasesService,
  InviteProviderInput,
  methodHash,
  ProcurementCase,
  ProviderInvitesService,
  ProviderResponse,
  ResponsesService,
} from '@probity/cases';
import { MailService } from '@probity/notifications';
import { COUNTRY_CODE_PROBLEM, isCountryCode } from './countries';
import { alreadyInvitedEmails, sameOrganisation } from './duplicate-invites';

/** The organisation looks already invited; the officer may confirm that a second invitation is deliberate. */
export class DuplicateOrganisationException extends ConflictException {
  constructor(readonly organisationName: string) {
    super(
      `${organisationName} is already invited to this case (same name, VAT number or LEI). If a second invitation is deliberate, send it again with confirmDuplicate: true.`,
    );
  }
}

/**
 * Sends invite links. The link's token exists only in memory and in the e-mail, so the message is
 * sent while the request is still running; if the mail server refuses it, the officer is told and
 * re-issues the link (which also revokes the unsent one).
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly invites: ProviderInvitesService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async invite(
    procurementCase: ProcurementCase,
    input: InviteProviderInput,
    actor: Actor,
    options: { confirmDuplicate?: boolean } = {},
  ): Promise<ProviderResponse> {
    await this.checkNewInvite(procurementCase, input, options.confirmDuplicate === true);
    const { response, token } = await this.invites.inviteProvider(procurementCase.id, input, actor);
    await this.sendInvite(procurementCase, response, token);
    return response;
  }

  async reissue(procurementCase: ProcurementCase, responseId: string, actor: Actor): Promise<ProviderResponse> {
    const { response, token } = await this.invites.reissueInvite(responseId, actor);
    await this.sendInvite(procurementCase, response, token);
    return response;
  }

  /**
   * Refuses what would silently be wrong: a country that is no ISO 3166-1 alpha-2 code (422), a contact
   * already invited to the case (409: re-issue that link instead), and, unless confirmed, what looks
   * like the same organisation again (409).
   */
  private async checkNewInvite(procurementCase: ProcurementCase, input: InviteProviderInput, confirmed: boolean) {
    if (!isCountryCode(input.country))
      throw new UnprocessableEntityException(`${COUNTRY_CODE_PROBLEM}; "${input.country}" is not one.`);
    const invited = await this.responses.responsesOf(procurementCase.id);
    const [taken] = alreadyInvitedEmails(invited, input.contactEmails);
    if (taken)
      throw new ConflictException(
        `${taken.email} is already invited (${taken.organisationName}). Re-issue that provider's link rather than inviting it again.`,
      );
    const same = sameOrganisation(invited, input);
    if (same && !confirmed) throw new DuplicateOrganisationException(same.organisationName);
  }

  portalUrl(token: string): string {
    return `${this.config.publicBaseUrl}/portal/${token}`;
  }

  private async sendInvite(procurementCase: ProcurementCase, response: ProviderResponse, token: string): Promise<void> {
    try {
      await this.mail.send('invite', response.contactEmails, {
        organisationName: response.organisationName,
        agencyName: await this.cases.agencyName(procurementCase.agencyId),
        caseTitle: procurementCase.title,
        caseReference: procurementCase.reference,
        portalUrl: this.portalUrl(token),
        responsesDue: procurementCase.responsesDue.toISOString(),
        methodHash: methodHash(procurementCase),
      });
    } catch (error) {
      this.logger.error({ err: error, responseId: response.id }, 'invite e-mail could not be sent');
      throw new ServiceUnavailableException(
        `The invitation to ${response.organisationName} was recorded but the e-mail could not be sent. Re-issue the link to try again.`,
      );
    }
  }
}
