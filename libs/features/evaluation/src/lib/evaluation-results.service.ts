import { Injectable, NotFoundException } from '@nestjs/common';
import { CasesService, ProcurementCase, ResponsesService } from '@probity/cases';
import { SCORING_VERSION } from '@probity/scoring';
import {
  ConflictDeclaration,
  ModeratedScore,
  PanelScoreEntry,
  PanelSubmission,
  ResponseScore,
} from './evaluation.entities';
import { PanelRepository } from './panel.repository';
import { NO_PRICING, PricingInputs, pricingInputs } from './pricing';
import { PriceRepository } from './price.repository';
import { ScoringResultsRepository, StoredCaseComparison } from './scoring-results.repository';

export interface ScoringProgress {
  submitted: number;
  scored: number;
}

/** Reads of stored scores and comparisons; nothing here recomputes a score. */
@Injectable()
export class EvaluationResultsService {
  constructor(
    private readonly results: ScoringResultsRepository,
    private readonly prices: PriceRepository,
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly panel: PanelRepository,
  ) {}

  async progress(caseId: string): Promise<ScoringProgress> {
    const submitted = (await this.responses.responsesOf(caseId)).filter((response) => response.status === 'submitted');
    let scored = 0;
    for (const response of submitted)
      if (await this.results.hasScore(response.id, response.revision, SCORING_VERSION)) scored++;
    return { submitted: submitted.length, scored };
  }

  /** The case's conflict-of-interest declarations in the order they were made (the dossier prints the panel). */
  async declarationsOf(caseId: string): Promise<ConflictDeclaration[]> {
    const declarations = await this.panel.declarationsOfCase(caseId);
    return declarations.sort((a, b) => a.declaredAt.getTime() - b.declaredAt.getTime());
  }

  /** The panel's record on one response: every evaluator's scores, who submitted them, and the moderation. */
  async panelRecordOf(
    responseId: string,
  ): Promise<{ scores: PanelScoreEntry[]; submissions: PanelSubmission[]; moderated: ModeratedScore[] }> {
    const [scores, submissions, moderated] = await Promise.all([
      this.panel.scoresOfResponse(responseId),
      this.panel.submissionsOfResponse(responseId),
      this.panel.consensusOfResponse(responseId),
    ]);
    return { scores, submissions, moderated };
  }

  /** Every provider's price offer on the case (the dossier's award record prints them). */
  pricesOfCase(caseId: string): Promise<Array<{ responseId: string; amount: number }>> {
    return this.prices.pricesOfCase(caseId);
  }

  async latestScore(responseId: string): Promise<ResponseScore | null> {
    return this.results.latestScore(responseId);
  }

  /**
   * The comparison of the case's current weights and prices when there is one (weights changed back
   * and forth reuse an older row), otherwise the newest comparison of the case.
   */
  async latestComparison(caseId: string): Promise<StoredCaseComparison | null> {
    const procurementCase = await this.cases.getCase(caseId).catch((error: unknown) => {
      if (error instanceof NotFoundException) return null;
      throw error;
    });
    const current = procurementCase ? await this.currentComparison(procurementCase) : null;
    return current ?? this.results.latestComparison(caseId);
  }

  /** The newest comparison made with the case's current weights, price weight and prices, or null. */
  async currentComparison(procurementCase: ProcurementCase): Promise<StoredCaseComparison | null> {
    return this.comparisonWithWeights(
      procurementCase.id,
      procurementCase.criteriaWeights,
      await this.pricingOf(procurementCase),
    );
  }

  /** What the price part of a comparison of this case depends on right now (in the open UnitOfWork, if any). */
  async pricingOf(found: ProcurementCase): Promise<PricingInputs> {
    if (found.priceWeight === null) return NO_PRICING;
    const submitted = new Set(
      (await this.responses.responsesOf(found.id)).filter((r) => r.status === 'submitted').map((r) => r.id),
    );
    const prices = (await this.prices.pricesOfCase(found.id)).filter((p) => submitted.has(p.responseId));
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
  ): Promise<StoredCaseComparison | null> {
    return this.results.comparisonWithWeights(caseId, weights, pricing);
  }
}
