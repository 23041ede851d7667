import { isAnswered, NOT_APPLICABLE } from '@probity/rubric';
import type { Answers, ElementDefinition, LocalisedText, QuestionnaireDefinition } from './definition';
import { localised } from './localise';
import { evaluateLogic, offeredChoices } from './survey-engine';
import { choiceValue, questionsOf } from './walk';

export interface AnswerProblem {
  questionName: string;
  title: string;
  message: string;
  /** What kind of problem, so an interface can word the common ones in the reader's language. */
  code?: 'required' | 'not-applicable-refused' | 'incomplete-table' | 'invalid' | 'unknown-question';
  /** With 'incomplete-table': the labels of the rows left out. */
  rows?: string[];
}

export interface ValidationOptions {
  /** On submit every visible required question must be answered; autosave accepts gaps. */
  forSubmit: boolean;
  locale?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks answers against the questionnaire on the server, whatever the portal allowed: allowed
 * choices, numeric ranges, dates, lengths, matrix cells, N/A only where allowed, and — on submit —
 * every visible required question. Hidden questions are never required.
 */
export function validateAnswers(
  definition: QuestionnaireDefinition,
  answers: Answers,
  options: ValidationOptions,
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const located = questionsOf(definition);
  const known = new Set(located.map(({ question }) => question.name));
  for (const name of Object.keys(answers)) {
    if (!known.has(name))
      problems.push({
        questionName: name,
        title: name,
        message: `There is no question named "${name}" in this questionnaire.`,
        code: 'unknown-question',
      });
  }
  const logic = evaluateLogic(definition, answers);
  for (const { question } of located) {
    const state = logic.get(question.name) ?? { visible: true, required: Boolean(question.isRequired), enabled: true };
    const title = localised(question.title, options.locale) || question.name;
    const report = (message: string, code: AnswerProblem['code'] = 'invalid', rows?: string[]) =>
      problems.push({
        questionName: question.name,
        title,
        message: `“${title}”: ${message}`,
        code,
        ...(rows ? { rows } : {}),
      });
    const value = answers[question.name];
    if (!state.visible) continue;
    if (!isAnswered(value)) {
      if (options.forSubmit && state.required) report('an answer is required.', 'required');
      continue;
    }
    if (value === NOT_APPLICABLE) {
      if (!question.naAllowed) report('“Not applicable” is not accepted for this question.', 'not-applicable-refused');
      continue;
    }
    const problem = checkValue({ ...question, choices: offeredChoices(definition, question, answers) }, value);
    if (problem) report(problem);
    else if (options.forSubmit && question.type === 'matrix') {
      // A partial table is refused: leaving out the rows with bad results must not pay.
      const missing = missingRows(question, value as Record<string, unknown>, options.locale);
      if (missing.length)
        report(`answer every row of the table (missing: ${missing.join(', ')}).`, 'incomplete-table', missing);
    }
  }
  return problems;
}

function checkValue(question: ElementDefinition, value: unknown): string | null {
  const allowed = new Set((question.choices ?? []).map(choiceValue));
  if (question.showOtherItem) allowed.add('other');
  if (question.showNoneItem) allowed.add('none');
  switch (question.type) {
    case 'radiogroup':
    case 'dropdown':
      return allowed.has(String(value)) ? null : `“${String(value)}” is not one of the offered choices.`;
    case 'checkbox':
    case 'tagbox': {
      if (!Array.isArray(value)) return 'choose one or more of the offered choices.';
      const unknown = value.filter((item) => !allowed.has(String(item)));
      if (unknown.length)
        return `${unknown.map((item) => `“${String(item)}”`).join(', ')} not among the offered choices.`;
      if (new Set(value.map(String)).size !== value.length) return 'a choice is selected twice.';
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : 'answer yes or no.';
    case 'rating': {
      const min = Number(question.rateMin ?? 1);
      const max = Number(question.rateMax ?? 5);
      return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
        ? null
        : `give a whole number from ${min} to ${max}.`;
    }
    case 'text':
      return checkText(question, value);
    case 'comment':
      if (typeof value !== 'string') return 'must be text.';
      return value.length > Number(question.maxLength ?? 20000)
        ? `at most ${question.maxLength ?? 20000} characters.`
        : null;
    case 'file':
      return Array.isArray(value) &&
        value.every((file) => typeof file === 'string' || (typeof file === 'object' && file !== null && 'name' in file))
        ? null
        : 'attach evidence files through the upload field.';
    case 'matrix': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'answer each row of the table.';
      const rows = new Set((question.rows ?? []).map(choiceValue));
      const columns = new Set((question.columns ?? []).map(choiceValue));
      const naRows = new Set(question.naRows ?? []);
      for (const [row, cell] of Object.entries(value)) {
        if (!rows.has(row)) return `the table has no row “${row}”.`;
        if (cell === NOT_APPLICABLE) {
          if (!naRows.has(row)) return `“Not applicable” is not accepted for the row “${row}”.`;
          continue;
        }
        if (!columns.has(String(cell))) return `“${String(cell)}” is not a column of the table (row “${row}”).`;
      }
      return null;
    }
    default:
      return null;
  }
}

/** The labels of the rows a table answer leaves out, in the questionnaire's order. */
function missingRows(question: ElementDefinition, cells: Record<string, unknown>, locale?: string): string[] {
  return (question.rows ?? [])
    .filter((row) => !isAnswered(cells[choiceValue(row)]))
    .map((row) => {
      const text = typeof row === 'object' && row !== null ? (row as { text?: LocalisedText }).text : undefined;
      return localised(text, locale) || choiceValue(row);
    });
}

function checkText(question: ElementDefinition, value: unknown): string | null {
  const inputType = question.inputType ?? 'text';
  if (inputType === 'number' || inputType === 'range') {
    const number =
      typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(number)) return `must be a number${question.unit ? ` (in ${localised(question.unit)})` : ''}.`;
    if (question.integer && !Number.isInteger(number)) return 'must be a whole number.';
    const unit = question.unit ? ` ${localised(question.unit)}` : '';
    if (question.min !== undefined && number < Number(question.min)) return `must be at least ${question.min}${unit}.`;
    if (question.max !== undefined && number > Number(question.max)) return `must be at most ${question.max}${unit}.`;
    return null;
  }
  if (typeof value !== 'string') return 'must be text.';
  if (inputType === 'date') {
    const date = new Date(`${value}T00:00:00Z`);
    if (!ISO_DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
      return 'must be a date (YYYY-MM-DD).';
    if (typeof question.min === 'string' && value < question.min) return `must be on or after ${question.min}.`;
    if (typeof question.max === 'string' && value > question.max) return `must be on or before ${question.max}.`;
    return null;
  }
  if (inputType === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'must be an e-mail address.';
  if (inputType === 'url') {
    try {
      const url = new URL(value);
      if (!['http:', 'https:'].includes(url.protocol)) return 'must be an http(s) web address.';
    } catch {
      return 'must be a web address.';
    }
  }
  const maxLength = Number(question.maxLength ?? 2000);
  return value.length > maxLength ? `at most ${maxLength} characters.` : null;
}
