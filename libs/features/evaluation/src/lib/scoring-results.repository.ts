import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { CaseComparison, ResponseScore } from './evaluation.entities';
import { NO_PRICING, PricingInputs, StoredComparison } from './pricing';

export type StoredCaseComparison = CaseComparison & { comparison: StoredComparison };

/**
 * The automated scoring's results: one score sheet per response revision and scoring input
 * (`response_scores`), one comparison per case and input (`case_comparisons`). Rows are never
 * updated; a re-score or re-comparison with other inputs adds a row.
 */
@Injectable()
export class ScoringResultsRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get scores() {
    return this.unitOfWork.manager.getRepository(ResponseScore);
  }

  private get comparisons() {
    return this.unitOfWork.manager.getRepository(CaseComparison);
  }

  /**
   * Inserts the score unless one with the same response, revision, scoring version and input hash
   * exists; answers with the stored row's id and whether this call created it.
   */
  async insertScoreOnce(score: Omit<ResponseScore, 'computedAt'>): Promise<{ id: string; created: boolean }> {
    // Scoring is cheap next to a round trip, so a duplicate is detected by the insert, not looked up first.
    const result = await this.scores.createQueryBuilder().insert().values(score).orIgnore().returning(['id']).execute();
    if (Array.isArray(result.raw) && result.raw.length > 0) return { id: score.id, created: true };
    const { id } = await this.scores.findOneByOrFail({
      responseId: score.responseId,
      responseRevision: score.responseRevision,
      scoringVersion: score.scoringVersion,
      inputHash: score.inputHash,
    });
    return { id, created: false };
  }

  /**
   * insertScoreOnce for several scores in one multi-row INSERT; a row whose key (response, revision,
   * scoring version, input hash) is already stored is skipped. Answers how many rows it created.
   */
  async insertScoresOnce(scores: Array<Omit<ResponseScore, 'computedAt'>>): Promise<number> {
    if (!scores.length) return 0;
    const result = await this.scores
      .createQueryBuilder()
      .insert()
      .values(scores)
      .orIgnore()
      .returning(['id'])
      // Returned ids cover only the inserted rows; TypeORM would copy them onto the given rows by position.
      .updateEntity(false)
      .execute();
    return Array.isArray(result.raw) ? result.raw.length : 0;
  }

  /** Whether the revision has a score of this scoring version. */
  hasScore(responseId: string, responseRevision: number, scoringVersion: string): Promise<boolean> {
    return this.scores.existsBy({ responseId, responseRevision, scoringVersion });
  }

  /** The newest score of the revision with this scoring version, or null. */
  latestScoreOfRevision(
    responseId: string,
    responseRevision: number,
    scoringVersion: string,
  ): Promise<ResponseScore | null> {
    return this.scores.findOne({
      where: { responseId, responseRevision, scoringVersion },
      order: { computedAt: 'DESC' },
    });
  }

  latestScore(responseId: string): Promise<ResponseScore | null> {
    return this.scores.findOne({ where: { responseId }, order: { computedAt: 'DESC' } });
  }

  /** Inserts the comparison unless the case has one for this input hash; answers with the stored row's id. */
  async insertComparisonOnce(caseId: string, inputHash: string, id: string, comparison: StoredComparison) {
    await this.comparisons
      .createQueryBuilder()
      .insert()
      .values({ id, caseId, inputHash, comparison })
      .orIgnore()
      .execute();
    return (await this.comparisons.findOneByOrFail({ caseId, inputHash })).id;
  }

  comparisonWithHash(caseId: string, inputHash: string): Promise<CaseComparison | null> {
    return this.comparisons.findOneBy({ caseId, inputHash });
  }

  async latestComparison(caseId: string): Promise<StoredCaseComparison | null> {
    const found = await this.comparisons.findOne({ where: { caseId }, order: { computedAt: 'DESC' } });
    return found as StoredCaseComparison | null;
  }

  /**
   * The newest comparison computed with these weights and price inputs. Weights changed back and
   * forth reuse the earlier comparison row (same input hash), which is then not the newest of the case.
   */
  async comparisonWithWeights(
    caseId: string,
    weights: Record<string, number>,
    pricing: PricingInputs = NO_PRICING,
  ): Promise<StoredCaseComparison | null> {
    const found = await this.comparisons
      .createQueryBuilder('c')
      .where('c.case_id = :caseId', { caseId })
      // jsonb equality ignores key order and compares numbers by value (25 equals 25.0).
      .andWhere("c.comparison -> 'weights' = CAST(:weights AS jsonb)", { weights: JSON.stringify(weights) })
      // Comparisons stored before the price criterion existed had no price part.
      .andWhere("COALESCE(c.comparison -> 'pricing', CAST(:none AS jsonb)) = CAST(:pricing AS jsonb)", {
        none: JSON.stringify(NO_PRICING),
        pricing: JSON.stringify(pricing),
      })
      .orderBy('c.computed_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .getOne();
    return found as StoredCaseComparison | null;
  }
}
