import { Answers, localised, QuestionnaireDefinition, questionsOf, toRubricItems } from '@probity/questionnaires';
import { isSubstantiveAnswer } from '@probity/rubric';
import { scoreSpread, ScoreSpread } from './panel-rules';

export type JudgementKind = 'free-text' | 'evidence';

/** A question of one response that the panel scores by judgement, with what the provider gave. */
export interface JudgementQuestion {
  questionName: string;
  title: string;
  description: string;
  kind: JudgementKind;
  /** The provider's written answer; for evidence questions the answer is the files themselves. */
  answerText: string;
}

function answerText(answer: unknown): string {
  if (typeof answer === 'string') return answer;
  if (Array.isArray(answer))
    return answer
      .map((item) =>
        item && typeof item === 'object' && 'name' in item ? String((item as { name: unknown }).name) : String(item),
      )
      .join(', ');
  if (answer && typeof answer === 'object') return JSON.stringify(answer);
  return answer === undefined || answer === null ? '' : String(answer);
}

/**
 * The questions of a response that need the panel's judgement: those the rubric cannot score
 * automatically (free text, evidence quality), shown to this provider, counted (weight above 0) and
 * answered. An unanswered one is already scored as missing, and an allowed N/A is not scored at all.
 */
export function judgementQuestions(definition: QuestionnaireDefinition, answers: Answers): JudgementQuestion[] {
  const located = new Map(questionsOf(definition).map(({ question }) => [question.name, question]));
  return toRubricItems(definition, answers)
    .filter((item) => item.scoring.kind === 'manual' && item.visible && item.weight !== 0)
    .filter((item) => isSubstantiveAnswer(answers[item.questionName]))
    .map((item) => {
      const question = located.get(item.questionName);
      return {
        questionName: item.questionName,
        title: item.title,
        description: question?.description ? localised(question.description) : '',
        kind: question?.type === 'file' ? 'evidence' : 'free-text',
        answerText: answerText(answers[item.questionName]),
      };
    });
}

/** The judgement questions an evaluator has not scored yet, in questionnaire order. */
export function unscoredQuestions(required: string[], scored: Iterable<string>): string[] {
  const done = new Set(scored);
  return required.filter((name) => !done.has(name));
}

export interface EvaluatorScore {
  evaluatorId: string;
  score: number;
  justification: string;
}

export interface ModerationRow {
  questionName: string;
  scores: EvaluatorScore[];
  spread: ScoreSpread | null;
  /** No consensus yet and the evaluators are at least LARGE_DISAGREEMENT points apart. */
  needsDiscussion: boolean;
}

/**
 * What the moderator sees per question: only submitted scores count, since an evaluator may still
 * change a draft; a large spread is flagged until a consensus is recorded.
 */
export function moderationRows(
  questions: string[],
  entries: Array<EvaluatorScore & { questionName: string }>,
  submittedEvaluators: Set<string>,
  moderatedQuestions: Set<string>,
): ModerationRow[] {
  return questions.map((questionName) => {
    const scores = entries
      .filter((entry) => entry.questionName === questionName && submittedEvaluators.has(entry.evaluatorId))
      .map(({ evaluatorId, score, justification }) => ({ evaluatorId, score, justification }));
    const spread = scoreSpread(scores.map((entry) => entry.score));
    return {
      questionName,
      scores,
      spread,
      needsDiscussion: Boolean(spread?.largeDisagreement) && !moderatedQuestions.has(questionName),
    };
  });
}
