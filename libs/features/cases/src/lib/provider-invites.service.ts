import {
  ConflictException,
  GoneException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditTrail } from '@probity/audit';
import { UnitOfWork } from '@probity/database';
import { looksLikeToken } from '@probity/identity';
import { Actor, SYSTEM_ACTOR } from './actor';
import { InviteLink, ProcurementCase, ProviderResponse } from './case.entities';
import { CasesService } from './cases.service';
import { InviteLinkRepository } from './invite-link.repository';
import { responsesClosedAt } from './response-period';
import { ResponseRepository } from './response.repository';
import { ResponsesService } from './responses.service';

export interface InviteProviderInput {
  organisationName: string;
  country: string;
  legalIdentifiers: Record<string, string>;
  contactEmails: string[];
}

/** Providers' invite links: issued with the invitation, re-issued, withdrawn, and resolved when a provider opens one. */
@Injectable()
export class ProviderInvitesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly responseRepository: ResponseRepository,
    private readonly links: InviteLinkRepository,
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly audit: AuditTrail,
  ) {}

  /** Invites a provider to an open case; returns the invite link's token, which only the e-mail carries. */
  async inviteProvider(
    caseId: string,
    input: InviteProviderInput,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<{ response: ProviderResponse; token: string }> {
    return this.unitOfWork.run(async () => {
      const found = await this.cases.getCase(caseId);
      if (found.status !== 'open')
        throw new ConflictException('Providers can be invited while the case is open for responses.');
      const contactEmails = [...new Set(input.contactEmails.map((email) => email.trim().toLowerCase()))];
      if (!contactEmails.length) throw new UnprocessableEntityException('An invite needs at least one contact e-mail.');
      const response = await this.responseRepository.insert({
        ...input,
        contactEmails,
        id: randomUUID(),
        caseId,
        answers: {},
        revision: 0,
        status: 'invited',
        firstOpenedAt: null,
        submittedAt: null,
        submissionHash: null,
      });
      const token = await this.links.issue(response.id);
      await this.audit.recordChange(actor, {
        agencyId: found.agencyId,
        action: 'invite.created',
        subject: { type: 'response', id: response.id },
        before: null,
        after: {
          organisationName: response.organisationName,
          country: response.country,
          legalIdentifiers: response.legalIdentifiers,
          contactEmails,
        },
      });
      return { response, token };
    });
  }

  /** A new link for a provider; every earlier link of theirs stops working at once. */
  async reissueInvite(
    responseId: string,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<{ response: ProviderResponse; token: string }> {
    return this.unitOfWork.run(async () => {
      const response = await this.responseRepository.findById(responseId);
      if (!response) throw new NotFoundException('No such response.');
      const found = await this.cases.getCase(response.caseId);
      if (found.status !== 'open') throw new ConflictException('Links can be re-issued while the case is open.');
      await this.links.revokeAll(responseId);
      const token = await this.links.issue(responseId);
      await this.audit.recordChange(actor, {
        agencyId: found.agencyId,
        action: 'invite.reissued',
        subject: { type: 'response', id: responseId },
        before: null,
        after: null,
      });
      return { response, token };
    });
  }

  async revokeInvite(responseId: string, actor: Actor = SYSTEM_ACTOR): Promise<void> {
    await this.unitOfWork.run(async () => {
      const response = await this.responseRepository.findById(responseId);
      if (!response) throw new NotFoundException('No such response.');
      const found = await this.cases.getCase(response.caseId);
      await this.links.revokeAll(responseId);
      await this.audit.recordChange(actor, {
        agencyId: found.agencyId,
        action: 'invite.revoked',
        subject: { type: 'response', id: responseId },
        before: null,
        after: null,
      });
    });
  }

  /**
   * The response an invite token opens. Unknown tokens are 404; revoked links, and every link once the
   * deadline has passed or the case has closed, are 410 with the moment it closed — except that, with
   * `readSubmitted`, a provider who submitted can still read what it submitted and its receipt.
   */
  async resolveInvite(
    token: unknown,
    options: { readSubmitted?: boolean } = {},
  ): Promise<{ response: ProviderResponse; procurementCase: ProcurementCase }> {
    if (!looksLikeToken(token)) throw new NotFoundException('This link is not valid. Check that you copied all of it.');
    const link = await this.links.findByToken(token);
    if (!link) throw new NotFoundException('This link is not valid. Check that you copied all of it.');
    if (link.revokedAt)
      throw new GoneException('This link has been replaced or withdrawn. Use the most recent invitation e-mail.');
    const response = await this.responses.getResponse(link.responseId);
    const procurementCase = await this.cases.getCase(response.caseId);
    const closedAt = responsesClosedAt(procurementCase);
    if (closedAt && !(options.readSubmitted && response.status === 'submitted'))
      throw new GoneException(
        `The response period for ${procurementCase.reference} closed on ${closedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      );
    if (!response.firstOpenedAt) {
      await this.responseRepository.markFirstOpened(response.id, new Date());
    }
    return { response, procurementCase };
  }

  async activeLinkOf(responseId: string): Promise<InviteLink | null> {
    return this.links.activeOf(responseId);
  }

  /**
   * When each of the case's providers had its link withdrawn, for those left with no working link
   * (a re-issue revokes the old link but issues a new one, so it is not a withdrawal).
   */
  async withdrawnLinksOf(caseId: string): Promise<Map<string, Date>> {
    return this.links.withdrawnOf(caseId);
  }
}
