import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ProcurementCase, ProviderResponse, ResponsesService } from '@probity/cases';
import { SCORING_VERSION } from '@probity/scoring';
import {
  CaseComparison,
  ConflictDeclaration,
  ModeratedScore,
  PanelScoreEntry,
  PanelSubmission,
  ProviderPrice,
  ResponseScore,
} from './evaluation.entities';
import { NO_PRICING, PricingInputs, pricingInputs, StoredComparison } from './pricing';

export interface ScoringProgress {
  submitted: number;
  scored: number;
}

/** Reads of stored scores and comparisons; nothing here recomputes a score. */
@Injectable()
export class EvaluationResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly responses: ResponsesService,
  ) {}

  async progress(caseId: string): Promise<ScoringProgress> {
    const submitted = (await this.responses.responsesOf(caseId)).filter((response) => response.status === 'submitted');
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

  /** The case's conflict-of-interest declarations in the order they were made (the dossier prints the panel). */
  async declarationsOf(caseId: string): Promise<ConflictDeclaration[]> {
    return this.dataSource.getRepository(ConflictDeclaration).find({ where: { caseId }, order: { declaredAt: 'ASC' } });
  }

  /** The panel's record on one response: every evaluator's scores, who submitted them, and the moderation. */
  async panelRecordOf(
    responseId: string,
  ): Promise<{ scores: PanelScoreEntry[]; submissions: PanelSubmission[]; moderated: ModeratedScore[] }> {
    const [scores, submissions, moderated] = await Promise.all([
      this.dataSource.getRepository(PanelScoreEntry).find({ where: { responseId } }),
      this.dataSource.getRepository(PanelSubmission).find({ where: { responseId } }),
      this.dataSource.getRepository(ModeratedScore).find({ where: { responseId } }),
    ]);
    return { scores, submissions, moderated };
  }

  async latestScore(responseId: string): Promise<ResponseScore | null> {
    return this.dataSource
      .getRepository(ResponseScore)
      .findOne({ where: { responseId }, order: { computedAt: 'DESC' } });
  }

  /**
   * The comparison of the case's current weights and prices when there is one (weights changed back
   * and forth reuse an older row), otherwise the newest comparison of the case.
   */
  async latestComparison(caseId: string): Promise<(CaseComparison & { comparison: StoredComparison }) | null> {
    const procurementCase = await this.dataSource.getRepository(ProcurementCase).findOneBy({ id: caseId });
    const current = procurementCase ? await this.currentComparison(procurementCase) : null;
    if (current) return current;
    const found = await this.dataSource
      .getRepository(CaseComparison)
      .findOne({ where: { caseId }, order: { computedAt: 'DESC' } });
    return found as (CaseComparison & { comparison: StoredComparison }) | null;
  }

  /** The newest comparison made with the case's current weights, price weight and prices, or null. */
  async currentComparison(
    procurementCase: ProcurementCase,
  ): Promise<(CaseComparison & { comparison: StoredComparison }) | null> {
    return this.comparisonWithWeights(
      procurementCase.id,
      procurementCase.criteriaWeights,
      await this.pricingOf(procurementCase),
    );
  }

  /** What the price part of a comparison of this case depends on right now. */
  async pricingOf(found: ProcurementCase, manager: EntityManager = this.dataSource.manager): Promise<PricingInputs> {
    if (found.priceWeight === null) return NO_PRICING;
    const submitted = new Set(
      (await manager.findBy(ProviderResponse, { caseId: found.id, status: 'submitted' })).map((r) => r.id),
    );
    const prices = (await manager.findBy(ProviderPrice, { caseId: found.id })).filter((p) =>
      submitted.has(p.responseId),
    );
    return pricingInputs(found.priceWeight, prices);
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
