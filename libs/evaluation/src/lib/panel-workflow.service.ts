import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, staffAuditActor } from '@probity/audit';
import { EvidenceFile, EvidenceService, ProcurementCase, ProviderResponse, ResponsesService } from '@probity/cases';
import { StaffPrincipal, StaffUser } from '@probity/identity';
import { contentHash, localised, QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import { JobOutbox } from '@probity/queue';
import { CaseAccess } from './case-access';
import { ConflictDeclaration, ModeratedScore, PanelScoreEntry, PanelSubmission } from './evaluation.entities';
import { JudgementQuestion, judgementQuestions, moderationRows, unscoredQuestions } from './judgement-questions';
import { evaluationAccess, EVALUATION_SCALE, mayViewOtherScores, scoreSpread, ScoreSpread } from './panel-rules';
import { PanelService } from './panel.service';

/** Case statuses in which submissions have been opened for the panel. */
const OPENED = new Set(['closed', 'evaluation', 'dossier_review', 'signed_off', 'awarded']);
/** Case statuses in which the panel may still score and the officer may still moderate. */
const SCORING = new Set(['closed', 'evaluation']);

export type PanelAccess = ReturnType<typeof evaluationAccess>;

export interface EvidenceItem {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface ResponseToEvaluate {
  responseId: string;
  organisationName: string;
  submittedAt: Date | null;
  questions: number;
  scored: number;
  submitted: boolean;
}

export interface OtherScore {
  evaluator: string;
  score: number;
  justification: string;
}

export interface WorkspaceQuestion extends JudgementQuestion {
  evidence: EvidenceItem[];
  own: { score: number; justification: string } | null;
  /** Other evaluators' scores: null until this evaluator has submitted their own. */
  others: OtherScore[] | null;
  spread: ScoreSpread | null;
}

export interface Workspace {
  caseId: string;
  response: { id: string; organisationName: string; submittedAt: Date | null; submissionHash: string | null };
  scale: typeof EVALUATION_SCALE;
  questions: WorkspaceQuestion[];
  /** Every evidence file of the response, with the question it was uploaded for: context for judging. */
  evidence: Array<EvidenceItem & { questionName: string; questionTitle: string }>;
  progress: { scored: number; total: number };
  submitted: boolean;
  /** False once the case has moved past evaluation: scores are then read-only. */
  scoringOpen: boolean;
}

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
 * The evaluation panel's work on one case, for people: who may see what (panel membership,
 * conflict of interest, blind scoring) and the audit trail of every step. The rules themselves
 * live in PanelService and panel-rules; this class resolves staff, cases and responses.
 */
@Injectable()
export class PanelWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly responses: ResponsesService,
    private readonly evidence: EvidenceService,
    private readonly panel: PanelService,
    private readonly audit: AuditTrail,
    private readonly outbox: JobOutbox,
    private readonly caseAccess: CaseAccess,
  ) {}

  /** The case, if the staff member's agency runs it (else 404) and they sit on its panel as evaluator (else 403). */
  async evaluatorCase(staff: StaffPrincipal, caseId: string): Promise<ProcurementCase> {
    return (await this.caseAccess.requireAccess(staff, 'panel.declare', { caseId })).procurementCase;
  }

  /** The case, if the evaluator sits on its panel and declared no conflict of interest (else 403). */
  private async scoringCase(staff: StaffPrincipal, caseId: string): Promise<ProcurementCase> {
    return (await this.caseAccess.requireAccess(staff, 'response.score', { caseId })).procurementCase;
  }

  async access(found: ProcurementCase, staff: StaffPrincipal): Promise<PanelAccess> {
    const declaration = await this.panel.declarationOf(found.id, staff.userId);
    return evaluationAccess(declaration ? { declared: true, hasConflict: declaration.hasConflict } : null);
  }

  async declaration(found: ProcurementCase, staff: StaffPrincipal): Promise<ConflictDeclaration | null> {
    return this.panel.declarationOf(found.id, staff.userId);
  }

  async declare(
    staff: StaffPrincipal,
    caseId: string,
    hasConflict: boolean,
    statement: string,
  ): Promise<ConflictDeclaration> {
    const found = await this.evaluatorCase(staff, caseId);
    return this.dataSource.transaction(async (manager) => {
      const declaration = await this.panel.declareConflict(found.id, staff.userId, hasConflict, statement, manager);
      await this.audit.recordChange(
        staffAuditActor(staff),
        {
          agencyId: staff.agencyId,
          action: 'panel.conflict-declared',
          subject: { type: 'case', id: found.id },
          before: null,
          after: {
            hasConflict,
            statement: declaration.statement,
          },
        },
        manager,
      );
      return declaration;
    });
  }

  /** Submitted responses of the case, once the case is closed for responses; 403 before a no-conflict declaration. */
  async responsesToEvaluate(staff: StaffPrincipal, caseId: string): Promise<ResponseToEvaluate[]> {
    const found = await this.scoringCase(staff, caseId);
    if (!OPENED.has(found.status)) return [];
    const definition = found.questionnaireDefinition as QuestionnaireDefinition;
    const submitted = (await this.responses.responsesOf(found.id)).filter(
      (response) => response.status === 'submitted',
    );
    const [entries, submissions] = await Promise.all([
      this.dataSource.getRepository(PanelScoreEntry).findBy({ caseId: found.id, evaluatorId: staff.userId }),
      this.dataSource.getRepository(PanelSubmission).findBy({ caseId: found.id, evaluatorId: staff.userId }),
    ]);
    return submitted.map((response) => {
      const questions = judgementQuestions(definition, response.answers).map((q) => q.questionName);
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

  /** Whether submissions of this case are visible to the panel yet. */
  submissionsOpened(found: ProcurementCase): boolean {
    return OPENED.has(found.status);
  }

  private async submittedResponse(found: ProcurementCase, responseId: string): Promise<ProviderResponse> {
    const response = await this.responses.responseOfAgency(found.agencyId, responseId);
    if (response.caseId !== found.id || response.status !== 'submitted' || !OPENED.has(found.status))
      throw new NotFoundException('No such submitted response in this case.');
    return response;
  }

  private async names(agencyId: string): Promise<Map<string, string>> {
    const users = await this.dataSource.getRepository(StaffUser).findBy({ agencyId });
    return new Map(users.map((user) => [user.id, user.name]));
  }

  /**
   * One response as its evaluator scores it: the judgement questions with the provider's answer and
   * evidence, and the evaluator's own scores. Prices are never part of it. Opening it is audited.
   */
  async workspace(
    staff: StaffPrincipal,
    caseId: string,
    responseId: string,
    { audited = true }: { audited?: boolean } = {},
  ): Promise<Workspace> {
    const found = await this.scoringCase(staff, caseId);
    const response = await this.submittedResponse(found, responseId);
    // Reading a submission is audited; a caller only working out where to go next shows nothing.
    if (audited) await this.responses.viewResponse(found.agencyId, response.id, staffAuditActor(staff));
    const definition = found.questionnaireDefinition as QuestionnaireDefinition;
    const questions = judgementQuestions(definition, response.answers);
    const titles = new Map(questionsOf(definition).map(({ question }) => [question.name, localised(question.title)]));
    const [evidence, entries, submitted, names] = await Promise.all([
      this.dataSource.getRepository(EvidenceFile).find({ where: { responseId }, order: { uploadedAt: 'ASC' } }),
      this.dataSource.getRepository(PanelScoreEntry).findBy({ responseId }),
      this.panel.hasSubmitted(responseId, staff.userId),
      this.names(staff.agencyId),
    ]);
    const seesOthers = mayViewOtherScores(submitted, false);
    const submittedOthers = seesOthers
      ? new Set((await this.dataSource.getRepository(PanelSubmission).findBy({ responseId })).map((s) => s.evaluatorId))
      : new Set<string>();
    const own = entries.filter((entry) => entry.evaluatorId === staff.userId);
    return {
      caseId: found.id,
      response: {
        id: response.id,
        organisationName: response.organisationName,
        submittedAt: response.submittedAt,
        submissionHash: response.submissionHash,
      },
      scale: EVALUATION_SCALE,
      questions: questions.map((question) => {
        const mine = own.find((entry) => entry.questionName === question.questionName);
        const others = entries.filter(
          (entry) =>
            entry.questionName === question.questionName &&
            entry.evaluatorId !== staff.userId &&
            submittedOthers.has(entry.evaluatorId),
        );
        return {
          ...question,
          evidence: evidence
            .filter((file) => file.questionName === question.questionName)
            .map(({ id, fileName, contentType, sizeBytes, sha256 }) => ({
              id,
              fileName,
              contentType,
              sizeBytes,
              sha256,
            })),
          own: mine ? { score: mine.score, justification: mine.justification } : null,
          others: seesOthers
            ? others.map((entry) => ({
                evaluator: names.get(entry.evaluatorId) ?? 'Former staff member',
                score: entry.score,
                justification: entry.justification,
              }))
            : null,
          spread: seesOthers && mine ? scoreSpread([mine.score, ...others.map((entry) => entry.score)]) : null,
        };
      }),
      evidence: evidence.map(({ id, fileName, contentType, sizeBytes, sha256, questionName }) => ({
        id,
        fileName,
        contentType,
        sizeBytes,
        sha256,
        questionName,
        questionTitle: titles.get(questionName) ?? questionName,
      })),
      progress: {
        scored:
          questions.length -
          unscoredQuestions(
            questions.map((q) => q.questionName),
            own.map((e) => e.questionName),
          ).length,
        total: questions.length,
      },
      submitted,
      scoringOpen: SCORING.has(found.status),
    };
  }

  /** One evidence file of a submitted response, for an evaluator judging it; each opening is audited. */
  async evidenceFile(
    staff: StaffPrincipal,
    caseId: string,
    responseId: string,
    evidenceId: string,
  ): Promise<EvidenceFile & { content: Buffer }> {
    const found = await this.scoringCase(staff, caseId);
    const response = await this.submittedResponse(found, responseId);
    const file = await this.evidence.evidenceContent(response.id, evidenceId);
    await this.dataSource.transaction((manager) =>
      this.audit.recordChange(
        staffAuditActor(staff),
        {
          agencyId: staff.agencyId,
          action: 'evidence.viewed',
          subject: { type: 'response', id: response.id },
          before: null,
          after: {
            evidenceId: file.id,
            fileName: file.fileName,
            sha256: file.sha256,
          },
        },
        manager,
      ),
    );
    return file;
  }

  private async judgementQuestion(found: ProcurementCase, response: ProviderResponse, questionName: string) {
    const question = judgementQuestions(
      found.questionnaireDefinition as QuestionnaireDefinition,
      response.answers,
    ).find((q) => q.questionName === questionName);
    if (!question)
      throw new NotFoundException(`“${questionName}” is not a question of this response that the panel scores.`);
    return question;
  }

  private assertScoringOpen(found: ProcurementCase): void {
    if (!SCORING.has(found.status))
      throw new ConflictException(
        found.status === 'open' || found.status === 'draft'
          ? 'The panel scores once the case has closed for responses.'
          : `The case is ${found.status.replace('_', ' ')}; panel scores can no longer change.`,
      );
  }

  async recordScore(
    staff: StaffPrincipal,
    caseId: string,
    responseId: string,
    questionName: string,
    score: number,
    justification: string,
  ): Promise<PanelScoreEntry> {
    const found = await this.scoringCase(staff, caseId);
    const response = await this.submittedResponse(found, responseId);
    await this.judgementQuestion(found, response, questionName);
    this.assertScoringOpen(found);
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.getRepository(PanelScoreEntry).findOneBy({
        responseId,
        evaluatorId: staff.userId,
        questionName,
      });
      const entry = await this.panel.recordScore(
        found.id,
        responseId,
        staff.userId,
        { questionName, score, justification },
        manager,
      );
      await this.audit.recordChange(
        staffAuditActor(staff),
        {
          agencyId: staff.agencyId,
          action: 'panel.score-recorded',
          subject: { type: 'response', id: responseId },
          before: before ? { questionName, score: before.score, justification: before.justification } : null,
          after: { questionName, score: entry.score, justification: entry.justification },
        },
        manager,
      );
      return entry;
    });
  }

  async submitScores(staff: StaffPrincipal, caseId: string, responseId: string): Promise<PanelSubmission> {
    const found = await this.scoringCase(staff, caseId);
    const response = await this.submittedResponse(found, responseId);
    this.assertScoringOpen(found);
    const required = judgementQuestions(found.questionnaireDefinition as QuestionnaireDefinition, response.answers).map(
      (q) => q.questionName,
    );
    return this.dataSource.transaction(async (manager) => {
      const already = await this.panel.hasSubmitted(responseId, staff.userId, manager);
      const submission = await this.panel.submitScores(found.id, responseId, staff.userId, required, manager);
      if (!already)
        await this.audit.recordChange(
          staffAuditActor(staff),
          {
            agencyId: staff.agencyId,
            action: 'panel.scores-submitted',
            subject: { type: 'response', id: responseId },
            before: null,
            after: {
              questions: required,
            },
          },
          manager,
        );
      return submission;
    });
  }

  /** The officer's moderation view: spread per question over submitted scores, flags and consensus. */
  async moderation(staff: StaffPrincipal, caseId: string): Promise<ModerationView> {
    const found = (await this.caseAccess.requireAccess(staff, 'panel.moderate', { caseId })).procurementCase;
    const names = await this.names(staff.agencyId);
    const nameOf = (id: string) => names.get(id) ?? 'Former staff member';
    const [declarations, entries, submissions, moderated] = await Promise.all([
      this.dataSource.getRepository(ConflictDeclaration).findBy({ caseId: found.id }),
      this.dataSource.getRepository(PanelScoreEntry).findBy({ caseId: found.id }),
      this.dataSource.getRepository(PanelSubmission).findBy({ caseId: found.id }),
      this.dataSource.getRepository(ModeratedScore).findBy({ caseId: found.id }),
    ]);
    const evaluators = found.panel.filter((member) => member.role === 'evaluator');
    const submitted = OPENED.has(found.status)
      ? (await this.responses.responsesOf(found.id)).filter((response) => response.status === 'submitted')
      : [];
    const definition = found.questionnaireDefinition as QuestionnaireDefinition;
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
        const questions = judgementQuestions(definition, response.answers);
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
    caseId: string,
    responseId: string,
    questionName: string,
    consensusScore: number,
    reason: string,
  ): Promise<ModeratedScore & { evaluationJobId: string | null }> {
    const found = (await this.caseAccess.requireAccess(staff, 'panel.moderate', { caseId })).procurementCase;
    const response = await this.submittedResponse(found, responseId);
    await this.judgementQuestion(found, response, questionName);
    this.assertScoringOpen(found);
    const submittedBy = new Set(
      (await this.dataSource.getRepository(PanelSubmission).findBy({ responseId })).map((s) => s.evaluatorId),
    );
    const scored = await this.dataSource.getRepository(PanelScoreEntry).findBy({ responseId, questionName });
    if (!scored.some((entry) => submittedBy.has(entry.evaluatorId)))
      throw new UnprocessableEntityException(
        'No evaluator has submitted a score for this question yet; moderate once the panel has scored it.',
      );
    return this.dataSource.transaction(async (manager) => {
      const moderated = await this.panel.moderate(
        found.id,
        responseId,
        staff.userId,
        questionName,
        consensusScore,
        reason,
        manager,
      );
      await this.audit.recordChange(
        staffAuditActor(staff),
        {
          agencyId: staff.agencyId,
          action: 'panel.consensus-recorded',
          subject: { type: 'response', id: responseId },
          before: null,
          after: {
            questionName,
            consensusScore: moderated.consensusScore,
            reason: moderated.reason,
            panelScores: scored
              .filter((entry) => submittedBy.has(entry.evaluatorId))
              .map((entry) => ({ evaluatorId: entry.evaluatorId, score: entry.score })),
          },
        },
        manager,
      );
      const evaluationJobId = await this.rescore(manager, found);
      return { ...moderated, evaluationJobId };
    });
  }

  private async rescore(manager: EntityManager, found: ProcurementCase): Promise<string | null> {
    if (found.status !== 'evaluation') return null;
    const consensus = await manager.getRepository(ModeratedScore).findBy({ caseId: found.id });
    const key = contentHash(consensus.map((m) => `${m.responseId}/${m.questionName}=${m.consensusScore}`).sort()).slice(
      0,
      16,
    );
    return this.outbox.add(
      manager,
      'evaluation.start',
      { caseId: found.id },
      { jobId: `evaluation-${found.id}-m${key}` },
    );
  }
}
