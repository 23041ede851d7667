import { Injectable } from '@nestjs/common';
import { AuditTrail, staffAuditActor, staffChange } from '@probity/audit';
import { EvidenceFile, EvidenceService, ProcurementCase, ResponsesService } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { IdentityService, StaffPrincipal } from '@probity/identity';
import { PanelScoreEntry, PanelSubmission } from './evaluation.entities';
import { unscoredQuestions } from './judgement-questions';
import {
  assertScoringOpen,
  judgementQuestionOf,
  judgementQuestionsOf,
  OPENED,
  staffNames,
  submittedResponseOf,
} from './panel-case';
import { mayViewOtherScores } from './panel-rules';
import { PanelRepository } from './panel.repository';
import { PanelService } from './panel.service';
import { buildWorkspace, Workspace } from './workspace';

export interface ResponseToEvaluate {
  responseId: string;
  organisationName: string;
  submittedAt: Date | null;
  questions: number;
  scored: number;
  submitted: boolean;
}

/**
 * An evaluator's blind scoring of a case's submissions: the list to score, the workspace of one
 * response, its evidence, scores and the final submission, each step audited. Callers pass the case
 * the access policy granted them (`response.score`); this service does not ask the policy again.
 */
@Injectable()
export class ScoringWorkspaceService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly responses: ResponsesService,
    private readonly evidence: EvidenceService,
    private readonly identity: IdentityService,
    private readonly panel: PanelService,
    private readonly panelRepository: PanelRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Submitted responses of the case, once the case is closed for responses. */
  async responsesToEvaluate(staff: StaffPrincipal, found: ProcurementCase): Promise<ResponseToEvaluate[]> {
    if (!OPENED.has(found.status)) return [];
    const submitted = (await this.responses.responsesOf(found.id)).filter(
      (response) => response.status === 'submitted',
    );
    const [entries, submissions] = await Promise.all([
      this.panelRepository.scoresOfEvaluatorInCase(found.id, staff.userId),
      this.panelRepository.submissionsOfEvaluatorInCase(found.id, staff.userId),
    ]);
    return submitted.map((response) => {
      const questions = judgementQuestionsOf(found, response).map((q) => q.questionName);
      const scored = entries.filter((e) => e.responseId === response.id).map((e) => e.questionName);
      return {
        responseId: response.id,
        organisationName: response.organisationName,
        submittedAt: response.submittedAt,
        questions: questions.length,
        scored: questions.length - unscoredQuestions(questions, scored).length,
        submitted: submissions.some((s) => s.responseId === response.id),
      };
    });
  }

  /**
   * One response as its evaluator scores it: the judgement questions with the provider's answer and
   * evidence, and the evaluator's own scores. Prices are never part of it. Opening it is audited.
   */
  async workspace(
    staff: StaffPrincipal,
    found: ProcurementCase,
    responseId: string,
    { audited = true }: { audited?: boolean } = {},
  ): Promise<Workspace> {
    const response = await submittedResponseOf(this.responses, found, responseId);
    // Reading a submission is audited; a caller only working out where to go next shows nothing.
    if (audited) await this.responses.viewResponse(found.agencyId, response.id, staffAuditActor(staff));
    const [evidence, entries, submitted, nameOf] = await Promise.all([
      this.evidence.evidenceOf(responseId),
      this.panelRepository.scoresOfResponse(responseId),
      this.panel.hasSubmitted(responseId, staff.userId),
      staffNames(this.identity, staff.agencyId),
    ]);
    // Others' scores count once they submitted them, and show only after this evaluator has.
    const submittedBy = mayViewOtherScores(submitted, false)
      ? new Set((await this.panelRepository.submissionsOfResponse(responseId)).map((s) => s.evaluatorId))
      : null;
    return buildWorkspace({
      found,
      response,
      evidence,
      entries,
      viewerId: staff.userId,
      submitted,
      submittedBy,
      nameOf,
    });
  }

  /** One evidence file of a submitted response, for an evaluator judging it; each opening is audited. */
  async evidenceFile(
    staff: StaffPrincipal,
    found: ProcurementCase,
    responseId: string,
    evidenceId: string,
  ): Promise<EvidenceFile & { content: Buffer }> {
    const response = await submittedResponseOf(this.responses, found, responseId);
    const file = await this.evidence.evidenceContent(response.id, evidenceId);
    await this.unitOfWork.run(() =>
      this.audit.recordChange(
        staffAuditActor(staff),
        staffChange(staff, 'evidence.viewed', 'response', response.id, {
          before: null,
          after: { evidenceId: file.id, fileName: file.fileName, sha256: file.sha256 },
        }),
      ),
    );
    return file;
  }

  async recordScore(
    staff: StaffPrincipal,
    found: ProcurementCase,
    responseId: string,
    questionName: string,
    score: number,
    justification: string,
  ): Promise<PanelScoreEntry> {
    const response = await submittedResponseOf(this.responses, found, responseId);
    judgementQuestionOf(found, response, questionName);
    assertScoringOpen(found);
    return this.unitOfWork.run(async () => {
      const before = await this.panelRepository.scoreOf(responseId, staff.userId, questionName);
      const entry = await this.panel.recordScore(found.id, responseId, staff.userId, {
        questionName,
        score,
        justification,
      });
      await this.audit.recordChange(
        staffAuditActor(staff),
        staffChange(staff, 'panel.score-recorded', 'response', responseId, {
          before: before ? { questionName, score: before.score, justification: before.justification } : null,
          after: { questionName, score: entry.score, justification: entry.justification },
        }),
      );
      return entry;
    });
  }

  /** Freezes the evaluator's scores of the response (400 naming the unscored questions); audited once. */
  async submitScores(staff: StaffPrincipal, found: ProcurementCase, responseId: string): Promise<PanelSubmission> {
    const response = await submittedResponseOf(this.responses, found, responseId);
    assertScoringOpen(found);
    const required = judgementQuestionsOf(found, response).map((q) => q.questionName);
    return this.unitOfWork.run(async () => {
      const already = await this.panel.hasSubmitted(responseId, staff.userId);
      const submission = await this.panel.submitScores(found.id, responseId, staff.userId, required);
      if (!already)
        await this.audit.recordChange(
          staffAuditActor(staff),
          staffChange(staff, 'panel.scores-submitted', 'response', responseId, {
            before: null,
            after: { questions: required },
          }),
        );
      return submission;
    });
  }
}
