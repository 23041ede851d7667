import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CasesService } from '@probity/cases';
import type { Comparison } from '@probity/scoring';
import { SCORING_VERSION } from '@probity/scoring';
import { CaseComparison, ResponseScore } from './evaluation.entities';
import { NO_PRICING, PricingInputs, StoredComparison } from './pricing';

export interface ScoringProgress {
  submitted: number;
  scored: number;
}

/** Reads of stored scores and comparisons; nothing here recomputes a score. */
@Injectable()
export class EvaluationResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
  ) {}

  async progress(caseId: string): Promise<ScoringProgress> {
    const submitted = (await this.cases.responsesOf(caseId)).filter((response) => response.status === 'submitted');
    let scored = 0;
    for (const response of submitted) {
      if (
        await this.dataSource
          .getRepository(ResponseScore)
          .existsBy({ responseId: response.id, responseRevision: response.revision, scoringVersion: SCORING_VERSION })
      )
        scored++;
    }
    return { submitted: submitted.length, scored };
  }

  async latestScore(responseId: string): Promise<ResponseScore | null> {
    return this.dataSource
      .getRepository(ResponseScore)
      .findOne({ where: { responseId }, order: { computedAt: 'DESC' } });
  }

  async latestComparison(caseId: string): Promise<(CaseComparison & { comparison: Comparison }) | null> {
    const found = await this.dataSource
      .getRepository(CaseComparison)
      .findOne({ where: { caseId }, order: { computedAt: 'DESC' } });
    return found as (CaseComparison & { comparison: Comparison }) | null;
  }

  /**
   * The newest comparison computed with these weights and price inputs. Weights changed back and
   * forth reuse the earlier comparison row (same input hash), which is then not the newest of the case.
   */
  async comparisonWithWeights(
    caseId: string,
    weights: Record<string, number>,
    pricing: PricingInputs = NO_PRICING,
  ): Promise<(CaseComparison & { comparison: StoredComparison }) | null> {
    const found = await this.dataSource
      .getRepository(CaseComparison)
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
    return found as (CaseComparison & { comparison: StoredComparison }) | null;
  }
}
