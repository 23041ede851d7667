import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictDeclaration, ModeratedScore, PanelScoreEntry, PanelSubmission } from './evaluation.entities';
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
 * (the evaluator belongs to the case's panel; the moderator is the case's officer).
 */
@Injectable()
export class PanelService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async declareConflict(
    caseId: string,
    evaluatorId: string,
    hasConflict: boolean,
    statement: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConflictDeclaration> {
    if (!statement.trim())
      throw new UnprocessableEntityException('A declaration needs a statement, even "I have no conflict of interest".');
    const repository = manager.getRepository(ConflictDeclaration);
    const existing = await repository.findOneBy({ caseId, evaluatorId });
    if (existing)
      throw new ConflictException(
        'A conflict-of-interest declaration for this case was already recorded and cannot be changed.',
      );
    const declaration = repository.create({
      id: randomUUID(),
      caseId,
      evaluatorId,
      hasConflict,
      statement: statement.trim(),
    });
    await repository.insert(declaration);
    return declaration;
  }

  async declarationOf(
    caseId: string,
    evaluatorId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConflictDeclaration | null> {
    return manager.getRepository(ConflictDeclaration).findOneBy({ caseId, evaluatorId });
  }

  async assertMayEvaluate(
    caseId: string,
    evaluatorId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const declaration = await this.declarationOf(caseId, evaluatorId, manager);
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
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PanelScoreEntry> {
    await this.assertMayEvaluate(caseId, evaluatorId, manager);
    if (!isPanelScore(input.score))
      throw new UnprocessableEntityException(`Score for ${input.questionName} must be a whole number from 0 to 4.`);
    if (!input.justification.trim())
      throw new BadRequestException(`Score for ${input.questionName} needs a written justification.`);
    if (await this.hasSubmitted(responseId, evaluatorId, manager))
      throw new ConflictException('Your scores for this response are submitted and can no longer change.');
    await manager
      .createQueryBuilder()
      .insert()
      .into(PanelScoreEntry)
      .values({
        id: randomUUID(),
        caseId,
        responseId,
        evaluatorId,
        questionName: input.questionName,
        score: input.score,
        justification: input.justification.trim(),
      })
      .orUpdate(['score', 'justification', 'updated_at'], ['response_id', 'question_name', 'evaluator_id'])
      .execute();
    return manager
      .getRepository(PanelScoreEntry)
      .findOneByOrFail({ responseId, evaluatorId, questionName: input.questionName });
  }

  async submitScores(
    caseId: string,
    responseId: string,
    evaluatorId: string,
    requiredQuestions: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PanelSubmission> {
    await this.assertMayEvaluate(caseId, evaluatorId, manager);
    const scored = new Set(
      (await manager.getRepository(PanelScoreEntry).findBy({ responseId, evaluatorId })).map(
        (entry) => entry.questionName,
      ),
    );
    const missing = requiredQuestions.filter((question) => !scored.has(question));
    if (missing.length)
      throw new BadRequestException({
        message: `Score every question before submitting; missing: ${missing.join(', ')}.`,
        missing,
      });
    const repository = manager.getRepository(PanelSubmission);
    const existing = await repository.findOneBy({ responseId, evaluatorId });
    if (existing) return existing;
    const submission = repository.create({ id: randomUUID(), caseId, responseId, evaluatorId });
    await repository.insert(submission);
    return submission;
  }

  async hasSubmitted(
    responseId: string,
    evaluatorId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return manager.getRepository(PanelSubmission).existsBy({ responseId, evaluatorId });
  }

  /** What one evaluator (or the moderating officer) may see of a response's panel scores. */
  async view(responseId: string, viewerId: string, isModerator: boolean): Promise<QuestionPanelView[]> {
    const entries = await this.dataSource
      .getRepository(PanelScoreEntry)
      .find({ where: { responseId }, order: { questionName: 'ASC' } });
    const moderated = await this.dataSource.getRepository(ModeratedScore).findBy({ responseId });
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
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ModeratedScore> {
    if (!isPanelScore(consensusScore))
      throw new UnprocessableEntityException('The consensus score must be a whole number from 0 to 4.');
    if (!reason.trim()) throw new UnprocessableEntityException('Record the reason for the consensus score.');
    const repository = manager.getRepository(ModeratedScore);
    if (await repository.existsBy({ responseId, questionName })) {
      throw new ConflictException(`The consensus score for ${questionName} is already recorded.`);
    }
    const moderated = repository.create({
      id: randomUUID(),
      caseId,
      responseId,
      questionName,
      consensusScore,
      reason: reason.trim(),
      moderatedBy: moderatorId,
    });
    await repository.insert(moderated);
    return moderated;
  }

  /** Moderated consensus scores of one response, by question: what scoring takes for manual items. */
  async consensusScores(
    responseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Record<string, number>> {
    const moderated = await manager.getRepository(ModeratedScore).findBy({ responseId });
    return Object.fromEntries(moderated.map((entry) => [entry.questionName, entry.consensusScore]));
  }
}
