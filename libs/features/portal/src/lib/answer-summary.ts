import type { Answers, QuestionnaireDefinition } from '@probity/questionnaires';
import { buildPortalForm, EvidenceListing, FormQuestion, FormWording } from './portal-form';

export interface AnswerSummarySection {
  title: string;
  answers: Array<{ question: string; answer: string }>;
}

/**
 * A submitted response in words, for the receipt: each visible question's text with its answer as
 * the provider chose it (choice labels, the evidence file names, "not applicable"), never the
 * questionnaire's internal names and values.
 */
export function answerSummary(
  definition: QuestionnaireDefinition,
  answers: Answers,
  options: {
    locale?: string;
    evidence?: Record<string, EvidenceListing[]>;
    wording: { notApplicable: string; notAnswered: string };
    formWording?: FormWording;
  },
): AnswerSummarySection[] {
  const sections = buildPortalForm(definition, answers, {
    locale: options.locale,
    evidence: options.evidence,
    wording: options.formWording,
  });
  return sections.map((section) => ({
    title: section.title,
    answers: section.questions.map((question) => ({
      question: question.title,
      answer: answerText(question) || options.wording.notAnswered,
    })),
  }));

  function answerText(question: FormQuestion): string {
    if (question.notApplicable) return options.wording.notApplicable;
    if (question.kind === 'file') return question.evidence.map((file) => file.fileName).join(', ');
    if (question.kind === 'matrix')
      return (question.matrix?.rows ?? [])
        .flatMap((row) =>
          [...row.cells, ...(row.naCell ? [row.naCell] : [])]
            .filter((cell) => cell.checked)
            .map((cell) => `${row.label}: ${cell.label}`),
        )
        .join('; ');
    if (question.choices.length)
      return question.choices
        .filter((choice) => choice.checked)
        .map((choice) => choice.label)
        .join(', ');
    return question.value && question.unit ? `${question.value} ${question.unit}` : question.value;
  }
}
