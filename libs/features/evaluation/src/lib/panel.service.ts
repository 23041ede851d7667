import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ConflictDeclaration, ModeratedScore, PanelScoreEntry, PanelSubmission } from './evaluation.entities';
import { PanelRepository } from './panel.repository';
import { evaluationAccess, isPanelScore, mayViewOtherScores, scoreSpread, ScoreSpread } from './panel-rules';

export interface PanelScoreInput {
  questionName: string;
  score: number;
  justification: string;
}

export interface QuestionPanelView {
  questionName: string;
  own: PanelScoreEntry | null;
  /** Other evaluators' scores, present only once the viewer may see them. */
  others: PanelScoreEntry[] | null;
  spread: ScoreSpread | null;
  moderated: ModeratedScore | null;
}

/**
 * The people side of evaluation: conflict-of-interest declarations, independent scoring on the
 * published 0–4 scale, and moderation. Callers pass identities they have already authorised
 * (the evaluator belongs to the case's panel; the moderator is the case's officer). Multi-step writes
 * join the caller's UnitOfWork when one is open.
 */
@Injectable()
export class PanelService {
  constructor(private readonly panel: PanelRepository) {}

  async declareConflict(
    caseId: string,
    evaluatorId: string,
    hasConflict: boolean,
    statement: string,
  ): Promise<ConflictDeclaration> {
    if (!statement.trim())
      throw new UnprocessableEntityException('A declaration needs a statement, even "I have no conflict of interest".');
    const existing = await this.panel.declarationOf(caseId, evaluatorId);
    if (existing)
      throw new ConflictException(
        'A conflict-of-interest declaration for this case was already recorded and cannot be changed.',
      );
    return this.panel.insertDeclaration({
      id: randomUUID(),
      caseId,
      evaluatorId,
      hasConflict,
      statement: statement.trim(),
    });
  }

  async declarationOf(caseId: string, evaluatorId: string): Promise<ConflictDeclaration | null> {
    return this.panel.declarationOf(caseId, evaluatorId);
  }

  async assertMayEvaluate(caseId: string, evaluatorId: string): Promise<void> {
    const declaration = await this.declarationOf(caseId, evaluatorId);
    const access = evaluationAccess(declaration ? { declared: true, hasConflict: declaration.hasConflict } : null);
    if (access === 'declare-first')
      throw new ForbiddenException('Declare any conflict of interest for this case before seeing submissions.');
    if (access === 'recused')
      throw new ForbiddenException('You declared a conflict of interest and are recused from this case.');
  }

  async recordScore(
    caseId: string,
    responseId: string,
    evaluatorId: string,
    input: PanelScoreInput,
  ): Promise<PanelScoreEntry> {
    await this.assertMayEvaluate(caseId, evaluatorId);
    if (!isPanelScore(input.score))
      throw new UnprocessableEntityException(`Score for ${input.questionName} must be a whole number from 0 to 4.`);
    if (!input.justification.trim())
      throw new BadRequestException(`Score for ${input.questionName} needs a written justification.`);
    if (await this.hasSubmitted(responseId, evaluatorId))
      throw new ConflictException('Your scores for this response are submitted and can no longer change.');
    return this.panel.upsertScore({
      id: randomUUID(),
      caseId,
      responseId,
      evaluatorId,
      questionName: input.questionName,
      score: input.score,
      justification: input.justification.trim(),
    });
  }

  async submitScores(
    caseId: string,
    responseId: string,
    evaluatorId: string,
    requiredQuestions: string[],
  ): Promise<PanelSubmission> {
    await this.assertMayEvaluate(caseId, evaluatorId);
    const scored = new Set(
      (await this.panel.scoresOfEvaluator(responseId, evaluatorId)).map((entry) => entry.questionName),
    );
    const missing = requiredQuestions.filter((question) => !scored.has(question));
    if (missing.length)
      throw new BadRequestException({
        message: `Score every question before submitting; missing: ${missing.join(', ')}.`,
        missing,
      });
    const existing = await this.panel.submissionOf(responseId, evaluatorId);
    if (existing) return existing;
    return this.panel.insertSubmission({ id: randomUUID(), caseId, responseId, evaluatorId });
  }

  async hasSubmitted(responseId: string, evaluatorId: string): Promise<boolean> {
    return this.panel.hasSubmitted(responseId, evaluatorId);
  }

  /** What one evaluator (or the moderating officer) may see of a response's panel scores. */
  async view(responseId: string, viewerId: string, isModerator: boolean): Promise<QuestionPanelView[]> {
    const entries = await this.panel.scoresOfResponse(responseId);
    const moderated = await this.panel.consensusOfResponse(responseId);
    const canSeeOthers = mayViewOtherScores(await this.hasSubmitted(responseId, viewerId), isModerator);
    const questions = [
      ...new Set([...entries.map((e) => e.questionName), ...moderated.map((m) => m.questionName)]),
    ].sort();
    return questions.map((questionName) => {
      const forQuestion = entries.filter((entry) => entry.questionName === questionName);
      return {
        questionName,
        own: forQuestion.find((entry) => entry.evaluatorId === viewerId) ?? null,
        others: canSeeOthers ? forQuestion.filter((entry) => entry.evaluatorId !== viewerId) : null,
        spread: canSeeOthers ? scoreSpread(forQuestion.map((entry) => entry.score)) : null,
        moderated: moderated.find((entry) => entry.questionName === questionName) ?? null,
      };
    });
  }

  async moderate(
    caseId: string,
    responseId: string,
    moderatorId: string,
    questionName: string,
    consensusScore: number,
    reason: string,
  ): Promise<ModeratedScore> {
    if (!isPanelScore(consensusScore))
      throw new UnprocessableEntityException('The consensus score must be a whole number from 0 to 4.');
    if (!reason.trim()) throw new UnprocessableEntityException('Record the reason for the consensus score.');
    if (await this.panel.hasConsensus(responseId, questionName))
      throw new ConflictException(`The consensus score for ${questionName} is already recorded.`);
    return this.panel.insertConsensus({
      id: randomUUID(),
      caseId,
      responseId,
      questionName,
      consensusScore,
      reason: reason.trim(),
      moderatedBy: moderatorId,
    });
  }

  /** Moderated consensus scores of one response, by question: what scoring takes for manual items. */
  async consensusScores(responseId: string): Promise<Record<string, number>> {
    const moderated = await this.panel.consensusOfResponse(responseId);
    return Object.fromEntries(moderated.map((entry) => [entry.questionName, entry.consensusScore]));
  }

  /** consensusScores of several responses, read in one query; every id asked for has an entry. */
  async consensusScoresOf(responseIds: string[]): Promise<Map<string, Record<string, number>>> {
    const scores = new Map<string, Record<string, number>>(responseIds.map((id) => [id, {}]));
    for (const entry of await this.panel.consensusOfResponses(responseIds)) {
      const ofResponse = scores.get(entry.responseId);
      if (ofResponse) ofResponse[entry.questionName] = entry.consensusScore;
    }
    return scores;
  }
}
