import { Answers, localised, QuestionnaireDefinition, questionsOf, toRubricItems } from '@probity/questionnaires';
import { isSubstantiveAnswer } from '@probity/rubric';

/**
 * The "evidence supports the claim" step, as pure rules. A question whose method requires evidence
 * earns its points only when evidence is attached and the panel confirms that it supports the answer
 * given; the confirmations recorded here are the scorer's input for that rule.
 */

export const EVIDENCE_VERDICTS = ['supports', 'does-not-support'] as const;
export type EvidenceVerdict = (typeof EVIDENCE_VERDICTS)[number];

export const isEvidenceVerdict = (value: unknown): value is EvidenceVerdict =>
  typeof value === 'string' && (EVIDENCE_VERDICTS as readonly string[]).includes(value);

export const NOTE_MAX_LENGTH = 1000;

/** One evidence file as the claim shows it. */
export interface ClaimFile {
  id: string;
  questionName: string;
  fileName: string;
}

/** An answered, visible question whose method requires evidence: the claim and the files attached for it. */
export interface EvidenceClaim {
  questionName: string;
  title: string;
  /** The answer the evidence has to support, as the provider chose or wrote it. */
  claim: string;
  files: ClaimFile[];
}

function choiceText(definition: QuestionnaireDefinition, questionName: string, answer: unknown): string {
  const question = questionsOf(definition).find(({ question: q }) => q.name === questionName)?.question;
  const values = Array.isArray(answer) ? answer : [answer];
  return values
    .map((value) => {
      const choice = question?.choices?.find(
        (candidate) => typeof candidate === 'object' && String(candidate.value) === String(value),
      );
      return typeof choice === 'object' && choice.text ? localised(choice.text) : String(value);
    })
    .join(', ');
}

/**
 * The claims of one response that need the panel's confirmation: visible questions that require
 * evidence and were answered (an allowed N/A claims nothing), in questionnaire order, each with the
 * files uploaded for it. A claim without files is listed too: it cannot be confirmed.
 */
export function evidenceClaims(
  definition: QuestionnaireDefinition,
  answers: Answers,
  files: readonly ClaimFile[],
): EvidenceClaim[] {
  return toRubricItems(definition, answers)
    .filter((item) => item.visible && item.evidenceRequired)
    .filter((item) => isSubstantiveAnswer(answers[item.questionName]))
    .map((item) => ({
      questionName: item.questionName,
      title: item.title,
      claim: choiceText(definition, item.questionName, answers[item.questionName]),
      files: files.filter((file) => file.questionName === item.questionName),
    }));
}

/** One panel member's recorded verdict on one claim. */
export interface RecordedConfirmation {
  questionName: string;
  evaluatorId: string;
  supports: boolean;
}

/** The panel's verdict on one claim, over every panel member who recorded one. */
export interface ClaimVerdict {
  questionName: string;
  /** True when more panel members found the evidence supports the claim than found it does not. */
  confirmed: boolean;
  supports: number;
  doesNotSupport: number;
}

/**
 * The panel's verdict per claim. A claim is confirmed by a strict majority of the panel members who
 * checked it: a tie is not confirmation, since the points go only to evidence the panel accepts.
 * Claims nobody checked are absent (the scorer treats them as unconfirmed). Sorted by question.
 */
export function claimVerdicts(confirmations: readonly RecordedConfirmation[]): ClaimVerdict[] {
  const byQuestion = new Map<string, { supports: number; doesNotSupport: number }>();
  for (const confirmation of confirmations) {
    const tally = byQuestion.get(confirmation.questionName) ?? { supports: 0, doesNotSupport: 0 };
    if (confirmation.supports) tally.supports += 1;
    else tally.doesNotSupport += 1;
    byQuestion.set(confirmation.questionName, tally);
  }
  return [...byQuestion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([questionName, tally]) => ({ questionName, confirmed: tally.supports > tally.doesNotSupport, ...tally }));
}

/** The confirmed claims by question name, for hashing the scoring input (absent means unchecked). */
export function confirmedClaims(verdicts: readonly ClaimVerdict[]): Record<string, boolean> {
  return Object.fromEntries(verdicts.map((verdict) => [verdict.questionName, verdict.confirmed]));
}

/**
 * The panel's verdict per claim as the scorer reads it (`evidenceConfirmations` of scoreResponse,
 * @probity/scoring's EvidenceConfirmations): supports when confirmed, otherwise does not support.
 */
export function scorerVerdicts(verdicts: readonly ClaimVerdict[]): ReadonlyMap<string, EvidenceVerdict> {
  return new Map(
    verdicts.map((verdict) => [verdict.questionName, verdict.confirmed ? 'supports' : 'does-not-support']),
  );
}
