import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { PANEL_SCORING, SUBMISSIONS_OPENED } from '@probity/access';
import { AuditTrail, staffAuditActor } from '@probity/audit';
import { EvidenceService, ProcurementCase, ProviderResponse } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { StaffPrincipal } from '@probity/identity';
import { contentHash, QuestionnaireDefinition } from '@probity/questionnaires';
import { JobOutbox } from '@probity/queue';
import { CaseAccess } from './case-access';
import { ClaimVerdict, claimVerdicts, EvidenceClaim, evidenceClaims, EvidenceVerdict } from './evidence-claims';
import { EvidenceConfirmation } from './evidence-confirmation.entity';
import { EvidenceConfirmationRepository } from './evidence-confirmation.repository';

export interface ClaimToCheck extends EvidenceClaim {
  /** This panel member's verdict; blind, so never anyone else's. */
  own: { verdict: EvidenceVerdict; note: string } | null;
}

export interface EvidenceCheck {
  caseId: string;
  response: { id: string; organisationName: string };
  claims: ClaimToCheck[];
  /** False once the case has moved past evaluation: verdicts are then read-only. */
  open: boolean;
}

export interface RecordedVerdict {
  confirmation: EvidenceConfirmation;
  /** The re-scoring job queued by this change, or null when nothing that scores changed. */
  evaluationJobId: string | null;
}

const verdictOf = (supports: boolean): EvidenceVerdict => (supports ? 'supports' : 'does-not-support');

/**
 * The panel's "evidence supports the claim" step: what each panel member checks, their blind
 * verdicts, and the re-scoring every changed verdict triggers. Access goes through the policy
 * (`response.score` to look, `evidence.confirm` to record: seat, declaration, phase).
 */
@Injectable()
export class EvidenceConfirmationService {
  constructor(
    private readonly caseAccess: CaseAccess,
    private readonly evidence: EvidenceService,
    private readonly confirmations: EvidenceConfirmationRepository,
    private readonly audit: AuditTrail,
    private readonly outbox: JobOutbox,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  private async granted(staff: StaffPrincipal, permission: 'response.score' | 'evidence.confirm', ids: Ids) {
    const { procurementCase, response } = await this.caseAccess.requireAccess(staff, permission, ids);
    const opened = (SUBMISSIONS_OPENED as readonly string[]).includes(procurementCase.status);
    if (!response || response.caseId !== procurementCase.id || response.status !== 'submitted' || !opened)
      throw new NotFoundException('No such submitted response in this case.');
    return { procurementCase, response };
  }

  private async claimsOf(procurementCase: ProcurementCase, response: ProviderResponse): Promise<EvidenceClaim[]> {
    const files = await this.evidence.evidenceOf(response.id);
    return evidenceClaims(
      procurementCase.questionnaireDefinition as QuestionnaireDefinition,
      response.answers,
      files.map(({ id, questionName, fileName }) => ({ id, questionName, fileName })),
    );
  }

  /** The claims of one submitted response that need evidence, with this panel member's own verdicts. */
  async claimsToCheck(staff: StaffPrincipal, caseId: string, responseId: string): Promise<EvidenceCheck> {
    const { procurementCase, response } = await this.granted(staff, 'response.score', { caseId, responseId });
    const [claims, own] = await Promise.all([
      this.claimsOf(procurementCase, response),
      this.confirmations.ofEvaluator(response.id, staff.userId),
    ]);
    return {
      caseId: procurementCase.id,
      response: { id: response.id, organisationName: response.organisationName },
      open: (PANEL_SCORING as readonly string[]).includes(procurementCase.status),
      claims: claims.map((claim) => {
        const mine = own.find((confirmation) => confirmation.questionName === claim.questionName);
        return { ...claim, own: mine ? { verdict: verdictOf(mine.supports), note: mine.note } : null };
      }),
    };
  }

  /**
   * Records this panel member's verdict on one claim (replacing their earlier one) with its audit
   * entry and, when the verdict changed during evaluation, the re-scoring job, all in one transaction.
   */
  async confirm(
    staff: StaffPrincipal,
    ids: { caseId: string; responseId: string },
    questionName: string,
    verdict: EvidenceVerdict,
    note: string,
  ): Promise<RecordedVerdict> {
    const { procurementCase, response } = await this.granted(staff, 'evidence.confirm', ids);
    const claim = (await this.claimsOf(procurementCase, response)).find((c) => c.questionName === questionName);
    if (!claim) throw new NotFoundException(`“${questionName}” is not an answer of this response that needs evidence.`);
    if (!claim.files.length)
      throw new UnprocessableEntityException(
        'No evidence is attached to this answer, so there is nothing to confirm: the claim earns no points.',
      );
    const supports = verdict === 'supports';
    return this.unitOfWork.run(async () => {
      const before = await this.confirmations.findOne(response.id, questionName, staff.userId);
      const confirmation = await this.confirmations.upsert({
        caseId: procurementCase.id,
        responseId: response.id,
        questionName,
        evaluatorId: staff.userId,
        supports,
        note,
      });
      if (before && before.supports === supports && before.note === note)
        return { confirmation, evaluationJobId: null };
      await this.audit.recordChange(staffAuditActor(staff), {
        agencyId: staff.agencyId,
        action: 'panel.evidence-confirmed',
        subject: { type: 'response', id: response.id },
        before: before ? { questionName, verdict: verdictOf(before.supports), note: before.note } : null,
        after: { questionName, verdict, note, files: claim.files.map((file) => file.fileName) },
      });
      const scoresChanged = !before || before.supports !== supports;
      return { confirmation, evaluationJobId: scoresChanged ? await this.rescore(procurementCase) : null };
    });
  }

  /** The panel's verdict per claim of one response: the scorer's input and the dossier's record. */
  async verdictsOf(responseId: string): Promise<ClaimVerdict[]> {
    return claimVerdicts(await this.confirmations.ofResponse(responseId));
  }

  /** verdictsOf for several responses, read in one query; every id asked for has an entry. */
  async verdictsOfResponses(responseIds: string[]): Promise<Map<string, ClaimVerdict[]>> {
    const byResponse = new Map<string, EvidenceConfirmation[]>(responseIds.map((id) => [id, []]));
    for (const confirmation of await this.confirmations.ofResponses(responseIds))
      byResponse.get(confirmation.responseId)?.push(confirmation);
    return new Map([...byResponse].map(([id, confirmations]) => [id, claimVerdicts(confirmations)]));
  }

  /** Every verdict of a case, as a stable list: part of the key of a scoring round. */
  async roundKeyOf(caseId: string): Promise<string[]> {
    return (await this.confirmations.ofCase(caseId)).map(
      (c) => `${c.responseId}/${c.questionName}/${c.evaluatorId}=${c.supports ? 'supports' : 'does-not-support'}`,
    );
  }

  /**
   * In evaluation a changed verdict re-scores the case: the job is keyed by every verdict of the
   * case, so the same set of verdicts never queues twice. Before evaluation starts, its first round
   * reads the verdicts anyway.
   */
  private async rescore(procurementCase: ProcurementCase): Promise<string | null> {
    if (procurementCase.status !== 'evaluation') return null;
    const key = contentHash(await this.roundKeyOf(procurementCase.id)).slice(0, 16);
    return this.outbox.add(
      this.unitOfWork.transaction,
      'evaluation.start',
      { caseId: procurementCase.id },
      { jobId: `evaluation-${procurementCase.id}-e${key}` },
    );
  }
}

type Ids = { caseId: string; responseId: string };
