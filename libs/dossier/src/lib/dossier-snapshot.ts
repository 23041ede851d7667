import type { RuleFinding } from '@probity/questionnaires';
import type { Comparison, CriteriaWeights, ScoreSheet } from '@probity/scoring';

/**
 * Everything a dossier is rendered from, as plain JSON. Its hash identifies the dossier version:
 * the same snapshot always renders the same content, and any change makes a new version.
 */
export interface DossierSnapshot {
  agencyName: string;
  case: {
    id: string;
    reference: string;
    title: string;
    description: string;
    intendedUse: string;
    aiActClassification: Record<string, unknown>;
    estimatedValue: number | null;
    currency: string | null;
    publishedAt: string | null;
    questionsDue: string | null;
    responsesDue: string;
    status: string;
    questionnaireTitle: string;
    questionnaireHash: string;
  };
  weights: CriteriaWeights;
  /** AI Act and contract-clause references of each question of the frozen questionnaire. */
  questionReferences: Record<string, { aiAct?: string; mcc?: string }>;
  providers: Array<{
    id: string;
    name: string;
    country: string;
    legalIdentifiers: Record<string, string>;
    submittedAt: string | null;
    submissionHash: string | null;
    sheet: ScoreSheet;
    findings: RuleFinding[];
    missingEvidence: Array<{ questionName: string; title: string }>;
    evidence: Array<{ questionName: string; fileName: string; sha256: string }>;
    answers: Array<{ section: string; questionName: string; title: string; answer: string; aiAct?: string }>;
  }>;
  comparison: Comparison;
  panel: Array<{ name: string; role: string; conflictDeclared: string }>;
  clarifications: Array<{ question: string; answer: string; publishedAt: string }>;
  reviews: Array<{ reviewer: string; decision: string; comment: string; decidedAt: string }>;
}
