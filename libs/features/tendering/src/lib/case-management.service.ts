import { Injectable } from '@nestjs/common';
import {
  CasesService,
  Clarification,
  ClarificationsService,
  PanelMember,
  ProcurementCase,
  ResponsesService,
} from '@probity/cases';
import { staffAuditActor } from '@probity/audit';
import { UnitOfWork } from '@probity/database';
import { DossierWorkflowService } from '@probity/dossier';
import type { StaffPrincipal } from '@probity/identity';
import { Notifier } from '@probity/notifications';
import type { CriteriaWeights } from '@probity/scoring';
import type { CreateCaseDto } from './cases.dto';

/**
 * The officer's steps that involve more than one library, used alike by the API and the pages so that
 * neither controller orchestrates: raising a case from the checked form, setting the panel (which
 * re-renders a dossier under review), publishing a clarification with the e-mails that announce it.
 */
@Injectable()
export class CaseManagementService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly clarifications: ClarificationsService,
    private readonly dossiers: DossierWorkflowService,
    private readonly notifier: Notifier,
  ) {}

  async createCase(staff: StaffPrincipal, input: CreateCaseDto): Promise<ProcurementCase> {
    return this.cases.createCase(
      staff.agencyId,
      {
        ...input,
        aiActClassification: { ...input.aiActClassification },
        // Checked by createCase, which answers 422 naming each problem.
        criteriaWeights: input.criteriaWeights as CriteriaWeights,
        questionsDue: input.questionsDue ? new Date(input.questionsDue) : undefined,
        responsesDue: new Date(input.responsesDue),
      },
      staffAuditActor(staff),
    );
  }

  /** Sets the panel; in legal review the panel's legal reviewers are the dossier's required reviewers. */
  async setPanel(staff: StaffPrincipal, caseId: string, members: PanelMember[]): Promise<ProcurementCase> {
    const updated = await this.cases.setPanel(staff.agencyId, caseId, members, staffAuditActor(staff));
    await this.dossiers.panelChanged(staff, caseId);
    return updated;
  }

  /**
   * Publishes the answer and queues its announcement to every invited provider in one transaction:
   * the e-mails go out if and only if the answer is published.
   */
  async answerClarification(
    staff: StaffPrincipal,
    clarificationId: string,
    input: { question?: string; answer: string },
  ): Promise<Clarification> {
    return this.unitOfWork.run(async () => {
      const published = await this.clarifications.answer(
        staff.agencyId,
        clarificationId,
        input,
        staffAuditActor(staff),
      );
      await this.announce(published);
      return published;
    });
  }

  private async announce(published: Clarification): Promise<void> {
    const procurementCase = await this.cases.getCase(published.caseId);
    const agencyName = await this.cases.agencyName(procurementCase.agencyId);
    for (const response of await this.responses.responsesOf(published.caseId)) {
      await this.notifier.queue({
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
}
