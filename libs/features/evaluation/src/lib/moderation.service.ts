import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { AuditTrail, staffAuditActor, staffChange } from '@probity/audit';
import { ProcurementCase, ResponsesService } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { IdentityService, StaffPrincipal } from '@probity/identity';
import { contentHash } from '@probity/questionnaires';
import { JobOutbox } from '@probity/queue';
import { ModeratedScore } from './evaluation.entities';
import { moderationRows } from './judgement-questions';
import {
  assertScoringOpen,
  judgementQuestionOf,
  judgementQuestionsOf,
  OPENED,
  SCORING,
  staffNames,
  submittedResponseOf,
} from './panel-case';
import { ScoreSpread } from './panel-rules';
import { PanelRepository } from './panel.repository';
import { PanelService } from './panel.service';
import { OtherScore } from './workspace';

export interface ModerationQuestion {
  questionName: string;
  title: string;
  scores: OtherScore[];
  spread: ScoreSpread | null;
  needsDiscussion: boolean;
  consensus: { score: number; reason: string; moderatedBy: string; moderatedAt: Date } | null;
}

export interface ModerationView {
  caseId: string;
  panel: Array<{
    userId: string;
    name: string;
    declaration: 'none' | 'no-conflict' | 'conflict';
    statement: string | null;
    submittedResponses: number;
  }>;
  responses: Array<{
    responseId: string;
    organisationName: string;
    submittedBy: number;
    questions: ModerationQuestion[];
  }>;
  scoringOpen: boolean;
}

/**
 * The officer's moderation of the panel's scores: the spread per question over submitted scores, the
 * flags for discussion, and the consensus score, which re-runs scoring in evaluation. Callers pass the
 * case the access policy granted them (`panel.moderate`); this service does not ask the policy again.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly responses: ResponsesService,
    private readonly identity: IdentityService,
    private readonly panel: PanelService,
    private readonly panelRepository: PanelRepository,
    private readonly audit: AuditTrail,
    private readonly outbox: JobOutbox,
  ) {}

  async moderation(staff: StaffPrincipal, found: ProcurementCase): Promise<ModerationView> {
    const nameOf = await staffNames(this.identity, staff.agencyId);
    const [declarations, entries, submissions, moderated] = await Promise.all([
      this.panelRepository.declarationsOfCase(found.id),
      this.panelRepository.scoresOfCase(found.id),
      this.panelRepository.submissionsOfCase(found.id),
      this.panelRepository.consensusOfCase(found.id),
    ]);
    const evaluators = found.panel.filter((member) => member.role === 'evaluator');
    const submitted = OPENED.has(found.status)
      ? (await this.responses.responsesOf(found.id)).filter((response) => response.status === 'submitted')
      : [];
    return {
      caseId: found.id,
      scoringOpen: SCORING.has(found.status),
      panel: evaluators.map((member) => {
        const declaration = declarations.find((d) => d.evaluatorId === member.userId);
        return {
          userId: member.userId,
          name: nameOf(member.userId),
          declaration: !declaration ? 'none' : declaration.hasConflict ? 'conflict' : 'no-conflict',
          statement: declaration?.statement ?? null,
          submittedResponses: submissions.filter((s) => s.evaluatorId === member.userId).length,
        };
      }),
      responses: submitted.map((response) => {
        const questions = judgementQuestionsOf(found, response);
        const submittedBy = new Set(submissions.filter((s) => s.responseId === response.id).map((s) => s.evaluatorId));
        const consensus = moderated.filter((m) => m.responseId === response.id);
        const rows = moderationRows(
          questions.map((q) => q.questionName),
          entries.filter((e) => e.responseId === response.id),
          submittedBy,
          new Set(consensus.map((m) => m.questionName)),
        );
        return {
          responseId: response.id,
          organisationName: response.organisationName,
          submittedBy: submittedBy.size,
          questions: rows.map((row, index) => {
            const agreed = consensus.find((m) => m.questionName === row.questionName);
            return {
              questionName: row.questionName,
              title: questions[index].title,
              scores: row.scores.map((s) => ({
                evaluator: nameOf(s.evaluatorId),
                score: s.score,
                justification: s.justification,
              })),
              spread: row.spread,
              needsDiscussion: row.needsDiscussion,
              consensus: agreed
                ? {
                    score: agreed.consensusScore,
                    reason: agreed.reason,
                    moderatedBy: nameOf(agreed.moderatedBy),
                    moderatedAt: agreed.moderatedAt,
                  }
                : null,
            };
          }),
        };
      }),
    };
  }

  /**
   * Records the panel's consensus score for one question. In evaluation the response is re-scored
   * with it and the comparison re-runs: the job is recorded in the same transaction, keyed by every
   * consensus of the case, so the same set of consensus scores never runs twice.
   */
  async moderate(
    staff: StaffPrincipal,
    found: ProcurementCase,
    responseId: string,
    questionName: string,
    consensusScore: number,
    reason: string,
  ): Promise<ModeratedScore & { evaluationJobId: string | null }> {
    const response = await submittedResponseOf(this.responses, found, responseId);
    judgementQuestionOf(found, response, questionName);
    assertScoringOpen(found);
    const submittedBy = new Set(
      (await this.panelRepository.submissionsOfResponse(responseId)).map((s) => s.evaluatorId),
    );
    const scored = (await this.panelRepository.scoresOfQuestion(responseId, questionName)).filter((entry) =>
      submittedBy.has(entry.evaluatorId),
    );
    if (!scored.length)
      throw new UnprocessableEntityException(
        'No evaluator has submitted a score for this question yet; moderate once the panel has scored it.',
      );
    return this.unitOfWork.run(async () => {
      const moderated = await this.panel.moderate(
        found.id,
        responseId,
        staff.userId,
        questionName,
        consensusScore,
        reason,
      );
      await this.audit.recordChange(
        staffAuditActor(staff),
        staffChange(staff, 'panel.consensus-recorded', 'response', responseId, {
          before: null,
          after: {
            questionName,
            consensusScore: moderated.consensusScore,
            reason: moderated.reason,
            panelScores: scored.map((entry) => ({ evaluatorId: entry.evaluatorId, score: entry.score })),
          },
        }),
      );
      return { ...moderated, evaluationJobId: await this.rescore(found) };
    });
  }

  /** Queues the case's re-scoring in the open transaction; outside evaluation there is nothing to re-run. */
  private async rescore(found: ProcurementCase): Promise<string | null> {
    if (found.status !== 'evaluation') return null;
    const consensus = await this.panelRepository.consensusOfCase(found.id);
    const key = contentHash(consensus.map((m) => `${m.responseId}/${m.questionName}=${m.consensusScore}`).sort()).slice(
      0,
      16,
    );
    return this.outbox.add(
      this.unitOfWork.transaction,
      'evaluation.start',
      { caseId: found.id },
      { jobId: `evaluation-${found.id}-m${key}` },
    );
  }
}
