import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CasesService, EvidenceService, ProviderResponse, ResponsesService } from '@probity/cases';
import { contentHash, QuestionnaireDefinition, RuleFinding } from '@probity/questionnaires';
import { InvalidJobPayloadError } from '@probity/queue';
import {
  compareProviders,
  CriteriaWeights,
  EvidenceFinding,
  ProviderResult,
  rankWithPrice,
  ScoreSheet,
  SCORING_VERSION,
  ScoringInputError,
} from '@probity/scoring';
import { accuracyFigures } from './accuracy-figures';
import { ClaimVerdict } from './evidence-claims';
import { EvidenceConfirmationService } from './evidence-confirmation.service';
import { PanelService } from './panel.service';
import { pricingInputs, StoredComparison } from './pricing';
import { PriceRepository } from './price.repository';
import { computeScoreRow } from './score-computation';
import { ScoringResultsRepository } from './scoring-results.repository';

/** Input the scorer rejects (bad rubric or weights) can never succeed: fail the job without retrying. */
export function asInvalidPayload<T>(
  jobName: 'scoring.score-response' | 'scoring.score-responses' | 'scoring.compare-case',
  compute: () => T,
): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ScoringInputError) throw new InvalidJobPayloadError(jobName, error.problems.join('; '));
    throw error;
  }
}

export interface StoredFindings {
  rules: RuleFinding[];
  missingEvidence: EvidenceFinding[];
  evidence: Array<{ questionName: string; fileName: string; sha256: string }>;
  /** The panel's "evidence supports the claim" verdicts the score was computed with (absent before that step). */
  evidenceConfirmations?: ClaimVerdict[];
}

/**
 * The automated side of evaluation, run by the scoring jobs: one score sheet per submitted response
 * revision, and the case's side-by-side comparison over those sheets. Both are idempotent: the same
 * inputs store nothing new. Payloads that can never succeed throw InvalidJobPayloadError.
 */
@Injectable()
export class AutomatedScoringService {
  constructor(
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly evidence: EvidenceService,
    private readonly panel: PanelService,
    private readonly results: ScoringResultsRepository,
    private readonly prices: PriceRepository,
    private readonly evidenceConfirmations: EvidenceConfirmationService,
  ) {}

  async scoreResponse(
    responseId: string,
    revision: number,
  ): Promise<{ scoreId: string; created: boolean } | { skipped: string }> {
    const response = await this.submittedResponse(responseId);
    // A reopened and resubmitted response has its own job for the newer revision.
    if (response.revision !== revision)
      return { skipped: `revision ${revision} is superseded by ${response.revision}` };

    const [procurementCase, panelScores, evidence, verdicts] = await Promise.all([
      // The case's questionnaire copy is cached by its content hash, so scoring a case's responses loads it once.
      this.cases.getCase(response.caseId),
      this.panel.consensusScores(responseId),
      this.evidence.evidenceOf(responseId),
      this.evidenceConfirmations.verdictsOf(responseId),
    ]);
    const row = asInvalidPayload('scoring.score-response', () =>
      computeScoreRow({ response, revision, procurementCase, panelScores, evidence, verdicts }),
    );
    // The unique key makes a duplicated or retried job insert nothing the second time.
    const { id, created } = await this.results.insertScoreOnce(row);
    return { scoreId: id, created };
  }

  private async submittedResponse(responseId: string): Promise<ProviderResponse> {
    const response = await this.responses.getResponse(responseId).catch((error: unknown) => {
      if (error instanceof NotFoundException)
        throw new InvalidJobPayloadError('scoring.score-response', `response ${responseId} does not exist`);
      throw error;
    });
    if (response.status !== 'submitted')
      throw new InvalidJobPayloadError('scoring.score-response', `response ${responseId} is not submitted`);
    return response;
  }

  async compareCase(caseId: string): Promise<{ comparisonId: string }> {
    const procurementCase = await this.cases.getCase(caseId).catch(() => {
      throw new InvalidJobPayloadError('scoring.compare-case', `case ${caseId} does not exist`);
    });
    const weights = procurementCase.criteriaWeights as CriteriaWeights;
    const submitted = (await this.responses.responsesOf(caseId)).filter((response) => response.status === 'submitted');
    const providers: ProviderResult[] = [];
    const scoreIds: string[] = [];
    for (const response of submitted) {
      const score = await this.results.latestScoreOfRevision(response.id, response.revision, SCORING_VERSION);
      // Scoring jobs run first in the flow; a missing score means one is still due, so retry later.
      if (!score) throw new Error(`response ${response.id} revision ${response.revision} is not scored yet`);
      scoreIds.push(score.id);
      const findings = score.findings as StoredFindings;
      providers.push({
        providerId: response.id,
        name: response.organisationName,
        sheet: score.sheet as ScoreSheet,
        findings: findings.rules,
        missingEvidence: findings.missingEvidence.map((finding) => finding.questionName),
      });
    }
    const priceWeight = procurementCase.priceWeight;
    const submittedIds = new Set(submitted.map((response) => response.id));
    const prices =
      priceWeight === null
        ? []
        : (await this.prices.pricesOfCase(caseId)).filter((p) => submittedIds.has(p.responseId));
    const pricing = pricingInputs(priceWeight, prices);
    // Without a price criterion the hash is the one earlier comparisons were stored under.
    const inputHash = contentHash({
      scoreIds: [...scoreIds].sort(),
      weights,
      ...(pricing.weight === null ? {} : { pricing }),
    });
    const existing = await this.results.comparisonWithHash(caseId, inputHash);
    if (existing) return { comparisonId: existing.id };
    const stored = asInvalidPayload('scoring.compare-case', (): StoredComparison => {
      const accuracy = accuracyFigures(procurementCase.questionnaireDefinition as QuestionnaireDefinition, submitted);
      const comparison = { ...compareProviders(providers, weights), accuracy };
      if (priceWeight === null) return { ...comparison, pricing };
      const offers = prices.map((p) => ({ providerId: p.responseId, amount: p.amount }));
      return { ...comparison, pricing, price: rankWithPrice(comparison, priceWeight, offers) };
    });
    return { comparisonId: await this.results.insertComparisonOnce(caseId, inputHash, randomUUID(), stored) };
  }
}
