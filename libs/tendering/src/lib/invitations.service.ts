import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@probity/config';
import {
  Actor,
  CasesService,
  Clarification,
  InviteProviderInput,
  ProcurementCase,
  ProviderResponse,
} from '@probity/cases';
import { MailService, Notifier } from '@probity/notifications';

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
    private readonly mail: MailService,
    private readonly notifier: Notifier,
    private readonly config: AppConfig,
  ) {}

  async invite(procurementCase: ProcurementCase, input: InviteProviderInput, actor: Actor): Promise<ProviderResponse> {
    const { response, token } = await this.cases.inviteProvider(procurementCase.id, input, actor);
    await this.sendInvite(procurementCase, response, token);
    return response;
  }

  async reissue(procurementCase: ProcurementCase, responseId: string, actor: Actor): Promise<ProviderResponse> {
    const { response, token } = await this.cases.reissueInvite(responseId, actor);
    await this.sendInvite(procurementCase, response, token);
    return response;
  }

  /** Queues the published answer to every provider invited to the case, in the publishing transaction. */
  async announceClarification(manager: EntityManager, published: Clarification): Promise<void> {
    const procurementCase = await manager.findOneByOrFail(ProcurementCase, { id: published.caseId });
    const agencyName = await this.cases.agencyName(procurementCase.agencyId);
    const responses = await manager.findBy(ProviderResponse, { caseId: published.caseId });
    for (const response of responses) {
      await this.notifier.queue(manager, {
        template: 'clarification-published',
        to: response.contactEmails,
        context: {
          agencyName,
          caseTitle: procurementCase.title,
          caseReference: procurementCase.reference,
          question: published.question,
          answer: published.answer ?? '',
          publishedAt: (published.publishedAt ?? new Date()).toISOString(),
        },
        idempotencyKey: `clarification:${published.id}:${response.id}`,
      });
    }
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
      });
    } catch (error) {
      this.logger.error({ err: error, responseId: response.id }, 'invite e-mail could not be sent');
      throw new ServiceUnavailableException(
        `The invitation to ${response.organisationName} was recorded but the e-mail could not be sent. Re-issue the link to try again.`,
      );
    }
  }
}
