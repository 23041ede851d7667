import { randomUUID } from 'node:crypto';
import type { ProcurementCase, ProviderResponse } from '@probity/cases';
import {
  contentHash,
  evaluateLogic,
  evaluateRules,
  evaluateScoringModel,
  QuestionnaireDefinition,
  toRubricItems,
} from '@probity/questionnaires';
import { CriteriaWeights, missingEvidence, scoreResponse, SCORING_VERSION } from '@probity/scoring';
import type { StoredFindings } from './automated-scoring.service';
import { ClaimVerdict, confirmedClaims, scorerVerdicts } from './evidence-claims';
import type { ResponseScore } from './evaluation.entities';

/** Everything one response's score sheet is computed from. */
export interface ScoringInputs {
  response: Pick<ProviderResponse, 'id' | 'caseId' | 'answers'>;
  revision: number;
  procurementCase: Pick<ProcurementCase, 'questionnaireDefinition' | 'criteriaWeights' | 'questionnaireHash'>;
  panelScores: Record<string, number>;
  evidence: Array<{ questionName: string; fileName: string; sha256: string }>;
  verdicts: ClaimVerdict[];
}

/** The score row to store, keyed by response, revision, scoring version and input hash. */
export type ScoreRow = Omit<ResponseScore, 'computedAt'>;

/**
 * One response's score sheet and findings from its inputs; no I/O, so the single and the batched
 * scoring jobs compute exactly the same row. Throws ScoringInputError for input that can never score.
 */
export function computeScoreRow(inputs: ScoringInputs): ScoreRow {
  const { response, revision, procurementCase, panelScores, evidence, verdicts } = inputs;
  // Without verdicts the hash is the one earlier scores were stored under.
  const evidenceConfirmations = verdicts.length ? confirmedClaims(verdicts) : undefined;
  const definition = procurementCase.questionnaireDefinition as QuestionnaireDefinition;
  const weights = procurementCase.criteriaWeights as CriteriaWeights;
  const inputHash = contentHash({
    revision,
    answers: response.answers,
    questionnaire: procurementCase.questionnaireHash,
    weights,
    panelScores,
    evidence: [...new Set(evidence.map((file) => file.questionName))].sort(),
    ...(evidenceConfirmations ? { evidenceConfirmations } : {}),
    scoringVersion: SCORING_VERSION,
  });

  const logic = evaluateLogic(definition, response.answers);
  const items = toRubricItems(definition, response.answers, logic);
  const sheet = scoreResponse(items, response.answers, {
    weights,
    panelScores,
    attachedEvidence: new Set(evidence.map((file) => file.questionName)),
    // The evidence rule's other input: the panel's verdict on each claim's evidence.
    evidenceConfirmations: scorerVerdicts(verdicts),
    scoringModel: evaluateScoringModel(definition, response.answers, logic),
  });
  const evidenceCount: Record<string, number> = {};
  for (const file of evidence) evidenceCount[file.questionName] = (evidenceCount[file.questionName] ?? 0) + 1;
  const findings: StoredFindings = {
    rules: evaluateRules(definition, response.answers, undefined, logic),
    missingEvidence: missingEvidence(items, response.answers, evidenceCount),
    evidence: evidence.map((file) => ({
      questionName: file.questionName,
      fileName: file.fileName,
      sha256: file.sha256,
    })),
    ...(verdicts.length ? { evidenceConfirmations: verdicts } : {}),
  };
  return {
    id: randomUUID(),
    caseId: response.caseId,
    responseId: response.id,
    responseRevision: revision,
    scoringVersion: SCORING_VERSION,
    inputHash,
    overall: sheet.overall,
    sheet,
    findings,
  };
}
