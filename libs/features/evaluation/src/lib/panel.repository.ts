import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { In } from 'typeorm';
import { ConflictDeclaration, ModeratedScore, PanelScoreEntry, PanelSubmission } from './evaluation.entities';

/**
 * The panel's tables: conflict-of-interest declarations, evaluators' scores and submissions, and the
 * moderated consensus scores. Reads and writes join the open UnitOfWork when there is one.
 */
@Injectable()
export class PanelRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get declarations() {
    return this.unitOfWork.manager.getRepository(ConflictDeclaration);
  }

  private get scores() {
    return this.unitOfWork.manager.getRepository(PanelScoreEntry);
  }

  private get submissions() {
    return this.unitOfWork.manager.getRepository(PanelSubmission);
  }

  private get consensus() {
    return this.unitOfWork.manager.getRepository(ModeratedScore);
  }

  declarationOf(caseId: string, evaluatorId: string): Promise<ConflictDeclaration | null> {
    return this.declarations.findOneBy({ caseId, evaluatorId });
  }

  declarationsOfCase(caseId: string): Promise<ConflictDeclaration[]> {
    return this.declarations.findBy({ caseId });
  }

  async insertDeclaration(declaration: Omit<ConflictDeclaration, 'declaredAt'>): Promise<ConflictDeclaration> {
    const created = this.declarations.create(declaration);
    await this.declarations.insert(created);
    return created;
  }

  /** Records or replaces one evaluator's score for one question of a response. */
  async upsertScore(entry: Omit<PanelScoreEntry, 'updatedAt'>): Promise<PanelScoreEntry> {
    await this.scores
      .createQueryBuilder()
      .insert()
      .values(entry)
      .orUpdate(['score', 'justification', 'updated_at'], ['response_id', 'question_name', 'evaluator_id'])
      .execute();
    return this.scores.findOneByOrFail({
      responseId: entry.responseId,
      evaluatorId: entry.evaluatorId,
      questionName: entry.questionName,
    });
  }

  scoreOf(responseId: string, evaluatorId: string, questionName: string): Promise<PanelScoreEntry | null> {
    return this.scores.findOneBy({ responseId, evaluatorId, questionName });
  }

  scoresOfEvaluator(responseId: string, evaluatorId: string): Promise<PanelScoreEntry[]> {
    return this.scores.findBy({ responseId, evaluatorId });
  }

  scoresOfEvaluatorInCase(caseId: string, evaluatorId: string): Promise<PanelScoreEntry[]> {
    return this.scores.findBy({ caseId, evaluatorId });
  }

  /** Every evaluator's scores of a response, by question name. */
  scoresOfResponse(responseId: string): Promise<PanelScoreEntry[]> {
    return this.scores.find({ where: { responseId }, order: { questionName: 'ASC' } });
  }

  scoresOfQuestion(responseId: string, questionName: string): Promise<PanelScoreEntry[]> {
    return this.scores.findBy({ responseId, questionName });
  }

  scoresOfCase(caseId: string): Promise<PanelScoreEntry[]> {
    return this.scores.findBy({ caseId });
  }

  hasSubmitted(responseId: string, evaluatorId: string): Promise<boolean> {
    return this.submissions.existsBy({ responseId, evaluatorId });
  }

  submissionOf(responseId: string, evaluatorId: string): Promise<PanelSubmission | null> {
    return this.submissions.findOneBy({ responseId, evaluatorId });
  }

  async insertSubmission(submission: Omit<PanelSubmission, 'submittedAt'>): Promise<PanelSubmission> {
    const created = this.submissions.create(submission);
    await this.submissions.insert(created);
    return created;
  }

  submissionsOfResponse(responseId: string): Promise<PanelSubmission[]> {
    return this.submissions.findBy({ responseId });
  }

  submissionsOfEvaluatorInCase(caseId: string, evaluatorId: string): Promise<PanelSubmission[]> {
    return this.submissions.findBy({ caseId, evaluatorId });
  }

  submissionsOfCase(caseId: string): Promise<PanelSubmission[]> {
    return this.submissions.findBy({ caseId });
  }

  hasConsensus(responseId: string, questionName: string): Promise<boolean> {
    return this.consensus.existsBy({ responseId, questionName });
  }

  async insertConsensus(moderated: Omit<ModeratedScore, 'moderatedAt'>): Promise<ModeratedScore> {
    const created = this.consensus.create(moderated);
    await this.consensus.insert(created);
    return created;
  }

  consensusOfResponse(responseId: string): Promise<ModeratedScore[]> {
    return this.consensus.findBy({ responseId });
  }

  /** The consensus scores of several responses in one query. */
  consensusOfResponses(responseIds: string[]): Promise<ModeratedScore[]> {
    return responseIds.length ? this.consensus.findBy({ responseId: In(responseIds) }) : Promise.resolve([]);
  }

  consensusOfCase(caseId: string): Promise<ModeratedScore[]> {
    return this.consensus.findBy({ caseId });
  }
}
