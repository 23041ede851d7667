import type { EvidenceFile, ProcurementCase, ProviderResponse } from '@probity/cases';
import { localised, QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import type { PanelScoreEntry } from './evaluation.entities';
import { JudgementQuestion, judgementQuestions, unscoredQuestions } from './judgement-questions';
import { SCORING } from './panel-case';
import { EVALUATION_SCALE, scoreSpread, ScoreSpread } from './panel-rules';

export interface EvidenceItem {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface OtherScore {
  evaluator: string;
  score: number;
  justification: string;
}

export interface WorkspaceQuestion extends JudgementQuestion {
  evidence: EvidenceItem[];
  own: { score: number; justification: string } | null;
  /** Other evaluators' scores: null until this evaluator has submitted their own. */
  others: OtherScore[] | null;
  spread: ScoreSpread | null;
}

export interface Workspace {
  caseId: string;
  response: { id: string; organisationName: string; submittedAt: Date | null; submissionHash: string | null };
  scale: typeof EVALUATION_SCALE;
  questions: WorkspaceQuestion[];
  /** Every evidence file of the response, with the question it was uploaded for: context for judging. */
  evidence: Array<EvidenceItem & { questionName: string; questionTitle: string }>;
  progress: { scored: number; total: number };
  submitted: boolean;
  /** False once the case has moved past evaluation: scores are then read-only. */
  scoringOpen: boolean;
}

export interface WorkspaceFacts {
  found: ProcurementCase;
  response: ProviderResponse;
  evidence: EvidenceFile[];
  /** Every evaluator's scores of the response. */
  entries: PanelScoreEntry[];
  viewerId: string;
  /** Whether the viewer has submitted their own scores of the response. */
  submitted: boolean;
  /** Evaluators who submitted their scores of the response; null while the viewer may not see others' scores. */
  submittedBy: Set<string> | null;
  nameOf: (evaluatorId: string) => string;
}

const evidenceItem = ({ id, fileName, contentType, sizeBytes, sha256 }: EvidenceFile): EvidenceItem => ({
  id,
  fileName,
  contentType,
  sizeBytes,
  sha256,
});

/** The scoring workspace of one response for one evaluator, from what the service loaded. Pure. */
export function buildWorkspace(facts: WorkspaceFacts): Workspace {
  const { found, response, evidence, entries, viewerId, submitted, submittedBy, nameOf } = facts;
  const definition = found.questionnaireDefinition as QuestionnaireDefinition;
  const questions = judgementQuestions(definition, response.answers);
  const titles = new Map(questionsOf(definition).map(({ question }) => [question.name, localised(question.title)]));
  const seesOthers = submittedBy !== null;
  const own = entries.filter((entry) => entry.evaluatorId === viewerId);
  return {
    caseId: found.id,
    response: {
      id: response.id,
      organisationName: response.organisationName,
      submittedAt: response.submittedAt,
      submissionHash: response.submissionHash,
    },
    scale: EVALUATION_SCALE,
    questions: questions.map((question) => {
      const mine = own.find((entry) => entry.questionName === question.questionName);
      const others = entries.filter(
        (entry) =>
          entry.questionName === question.questionName &&
          entry.evaluatorId !== viewerId &&
          Boolean(submittedBy?.has(entry.evaluatorId)),
      );
      return {
        ...question,
        evidence: evidence.filter((file) => file.questionName === question.questionName).map(evidenceItem),
        own: mine ? { score: mine.score, justification: mine.justification } : null,
        others: seesOthers
          ? others.map((entry) => ({
              evaluator: nameOf(entry.evaluatorId),
              score: entry.score,
              justification: entry.justification,
            }))
          : null,
        spread: seesOthers && mine ? scoreSpread([mine.score, ...others.map((entry) => entry.score)]) : null,
      };
    }),
    evidence: evidence.map((file) => ({
      ...evidenceItem(file),
      questionName: file.questionName,
      questionTitle: titles.get(file.questionName) ?? file.questionName,
    })),
    progress: {
      scored:
        questions.length -
        unscoredQuestions(
          questions.map((q) => q.questionName),
          own.map((e) => e.questionName),
        ).length,
      total: questions.length,
    },
    submitted,
    scoringOpen: SCORING.has(found.status),
  };
}
