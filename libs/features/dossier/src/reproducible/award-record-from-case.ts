import type { Answers, QuestionnaireDefinition, RuleFinding } from '@probity/questionnaires';
import type { Comparison, CriteriaWeights, EvidenceFinding, PriceRanking, ScoreSheet } from '@probity/scoring';
import { AWARD_RECORD_VERSION, AwardAmendment, AwardRecord, asStored } from './award-record';

export interface StoredAwardSource {
  caseReference: string;
  questionnaire: QuestionnaireDefinition;
  questionnaireHash: string;
  weights: CriteriaWeights;
  priceWeight: number | null;
  /** The method hash in force: the one published with the tender or with its last amendment. */
  publishedMethodHash: string;
  amendments: AwardAmendment[];
  providers: Array<{
    id: string;
    name: string;
    answers: Answers;
    sheet: ScoreSheet;
    rules: RuleFinding[];
    missingEvidence: EvidenceFinding[];
    evidence: Array<{ questionName: string }>;
    /** The panel's verdict per claim that needs evidence: true when it confirmed the evidence supports it. */
    evidenceConfirmations?: Record<string, boolean>;
    panelScores: Record<string, number>;
    evaluatorScores: Array<{ questionName: string; evaluator: string; score: number | null }>;
    price: number | null;
  }>;
  /** The stored comparison; its price ranking is kept, the bookkeeping of what it was computed from is not. */
  comparison: Comparison & { price?: PriceRanking; pricing?: unknown };
}

/**
 * The award record of a case from what the evaluation stored: the results are the stored score
 * sheets and comparison, never recomputed here, so `recompute` checks them independently.
 */
export function awardRecordFromStored(source: StoredAwardSource): AwardRecord {
  const { pricing: _pricing, ...comparison } = source.comparison;
  return asStored({
    method: {
      format: 'probity-award-method',
      version: AWARD_RECORD_VERSION,
      caseReference: source.caseReference,
      questionnaireHash: source.questionnaireHash,
      questionnaire: source.questionnaire,
      criteriaWeights: source.weights,
      priceWeight: source.priceWeight,
      publishedMethodHash: source.publishedMethodHash,
      amendments: source.amendments,
    },
    answers: {
      format: 'probity-award-answers',
      version: AWARD_RECORD_VERSION,
      providers: source.providers.map((p) => {
        const evidenceCount: Record<string, number> = {};
        for (const file of p.evidence) evidenceCount[file.questionName] = (evidenceCount[file.questionName] ?? 0) + 1;
        return {
          providerId: p.id,
          name: p.name,
          answers: p.answers,
          panelScores: p.panelScores,
          evaluatorScores: p.evaluatorScores,
          evidenceCount,
          evidenceConfirmations: p.evidenceConfirmations ?? {},
          price: p.price,
        };
      }),
    },
    results: {
      format: 'probity-award-results',
      version: AWARD_RECORD_VERSION,
      providers: source.providers.map((p) => ({
        providerId: p.id,
        sheet: p.sheet,
        rules: p.rules,
        missingEvidence: p.missingEvidence,
      })),
      comparison,
    },
  });
}
