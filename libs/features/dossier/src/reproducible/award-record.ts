import {
  Answers,
  evaluateLogic,
  evaluateRules,
  evaluateScoringModel,
  QuestionnaireDefinition,
  RuleFinding,
  toRubricItems,
} from '@probity/questionnaires';
import {
  Comparison,
  compareProviders,
  CriteriaWeights,
  EvidenceFinding,
  missingEvidence,
  PriceRanking,
  rankWithPrice,
  ScoreSheet,
  scoreResponse,
} from '@probity/scoring';
import { accuracyFigures } from '@probity/evaluation';

/**
 * What a signed dossier embeds so that anyone can recompute the award from it alone: the published
 * method, every provider's answers with the panel's scores, and the results the evaluation stored.
 * Three JSON files, each self-describing; `recomputeAward` turns the first two into the third.
 */
export const AWARD_RECORD_VERSION = 1;

export interface AwardAmendment {
  number: number;
  publishedAt: string;
  reason: string;
  changes: {
    weights: { before: Record<string, number>; after: Record<string, number> };
    priceWeight: { before: number | null; after: number | null };
  };
  methodHash: string;
  newResponsesDue: string | null;
}

/** method.json: the method as published with the tender and amended before the deadline. */
export interface AwardMethod {
  format: 'probity-award-method';
  version: typeof AWARD_RECORD_VERSION;
  caseReference: string;
  questionnaireHash: string;
  questionnaire: QuestionnaireDefinition;
  criteriaWeights: CriteriaWeights;
  priceWeight: number | null;
  /** The hash given to providers with the tender (or with its last amendment). */
  publishedMethodHash: string;
  amendments: AwardAmendment[];
}

export interface AwardProviderAnswers {
  providerId: string;
  name: string;
  answers: Answers;
  /** Moderated (consensus) panel scores on the 0–4 scale, by question name: what the scoring used. */
  panelScores: Record<string, number>;
  /** Each evaluator's own submitted score, kept for the record; the scoring uses the consensus. */
  evaluatorScores: Array<{ questionName: string; evaluator: string; score: number | null }>;
  /** Evidence files attached, by question name. */
  evidenceCount: Record<string, number>;
  /** The panel's verdict per claim that needs evidence: true when it confirmed the evidence supports it. */
  evidenceConfirmations?: Record<string, boolean>;
  /** The recorded price offer, when the case has a price criterion. */
  price: number | null;
}

/** answers.json */
export interface AwardAnswers {
  format: 'probity-award-answers';
  version: typeof AWARD_RECORD_VERSION;
  providers: AwardProviderAnswers[];
}

export interface AwardProviderResult {
  providerId: string;
  sheet: ScoreSheet;
  rules: RuleFinding[];
  missingEvidence: EvidenceFinding[];
}

/** results.json: per-provider score sheets and findings, and the comparison (ranks, knock-outs, sensitivity). */
export interface AwardResults {
  format: 'probity-award-results';
  version: typeof AWARD_RECORD_VERSION;
  providers: AwardProviderResult[];
  comparison: Comparison & { price?: PriceRanking };
}

export interface AwardRecord {
  method: AwardMethod;
  answers: AwardAnswers;
  results: AwardResults;
}

/** JSON as it is stored and embedded: undefined values dropped, so a recomputation compares like with like. */
export const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The results as the scoring libraries compute them from the method and the answers (what the jobs do). */
export function recomputeAward(method: AwardMethod, answers: AwardAnswers): AwardResults {
  const definition = method.questionnaire;
  const weights = method.criteriaWeights;
  const providers = answers.providers.map((provider) => {
    const logic = evaluateLogic(definition, provider.answers);
    const items = toRubricItems(definition, provider.answers, logic);
    return {
      providerId: provider.providerId,
      name: provider.name,
      sheet: scoreResponse(items, provider.answers, {
        weights,
        panelScores: provider.panelScores,
        attachedEvidence: new Set(Object.keys(provider.evidenceCount)),
        evidenceConfirmations: new Map(
          Object.entries(provider.evidenceConfirmations ?? {}).map(([question, confirmed]) => [
            question,
            confirmed ? ('supports' as const) : ('does-not-support' as const),
          ]),
        ),
        scoringModel: evaluateScoringModel(definition, provider.answers, logic),
      }),
      rules: evaluateRules(definition, provider.answers, undefined, logic),
      missingEvidence: missingEvidence(items, provider.answers, provider.evidenceCount),
    };
  });
  const comparison = {
    ...compareProviders(
      providers.map((p) => ({
        providerId: p.providerId,
        name: p.name,
        sheet: p.sheet,
        findings: p.rules,
        missingEvidence: p.missingEvidence.map((finding) => finding.questionName),
      })),
      weights,
    ),
    // Probity's own FPR, FNR and precision from each provider's confusion matrix, as the comparison job computes them.
    accuracy: accuracyFigures(
      definition,
      answers.providers.map((p) => ({ id: p.providerId, answers: p.answers })),
    ),
  };
  const offers = answers.providers.flatMap((p) =>
    p.price === null ? [] : [{ providerId: p.providerId, amount: p.price }],
  );
  return asStored({
    format: 'probity-award-results',
    version: AWARD_RECORD_VERSION,
    providers: providers.map(({ providerId, sheet, rules, missingEvidence: missing }) => ({
      providerId,
      sheet,
      rules,
      missingEvidence: missing,
    })),
    comparison:
      method.priceWeight === null
        ? comparison
        : { ...comparison, price: rankWithPrice(comparison, method.priceWeight, offers) },
  });
}
