import type { InstrumentalPrincipleId } from '@probity/rubric';
import type { ChoiceDefinition, ElementDefinition, LocalisedText, ScoreBand } from '../lib/definition';

export interface QuestionOptions {
  weight?: number;
  required?: boolean;
  naAllowed?: boolean;
  /** Table rows the method lets a provider answer N/A. */
  naRows?: string[];
  evidence?: boolean;
  visibleIf?: string;
  aiAct?: string;
  mcc?: string;
  nist?: string;
  iso42001?: string;
  /** Law other than the AI Act, e.g. "Directive (EU) 2016/680 Art. 11". */
  otherLaw?: string;
}

type Choice = [value: string, text: LocalisedText, score: number, visibleIf?: string];

function base(
  type: string,
  name: string,
  principle: InstrumentalPrincipleId | undefined,
  title: LocalisedText,
  help: LocalisedText,
  options: QuestionOptions,
): ElementDefinition {
  const element: ElementDefinition = { type, name, title, description: help };
  if (principle) element.principle = principle;
  if (options.weight !== undefined) element.weight = options.weight;
  if (options.required !== false) element.isRequired = true;
  if (options.naAllowed) element.naAllowed = true;
  if (options.naRows?.length) element.naRows = options.naRows;
  if (options.evidence) element.evidenceRequired = true;
  if (options.visibleIf) element.visibleIf = options.visibleIf;
  for (const reference of ['aiAct', 'mcc', 'nist', 'iso42001', 'otherLaw'] as const)
    if (options[reference]) element[reference] = options[reference];
  return element;
}

const toChoices = (choices: Choice[]): ChoiceDefinition[] =>
  choices.map(([value, text, score, visibleIf]) => ({ value, text, score, ...(visibleIf ? { visibleIf } : {}) }));

/** The usual three-level answer for a control: fully, partly, not at all. */
export const FULLY_PARTLY_NO = (fully: string, partly: string, no: string): Choice[] => [
  ['fully', fully, 100],
  ['partly', partly, 50],
  ['no', no, 0],
];

export function single(
  name: string,
  principle: InstrumentalPrincipleId,
  title: LocalisedText,
  help: LocalisedText,
  choices: Choice[],
  options: QuestionOptions = {},
): ElementDefinition {
  return { ...base('radiogroup', name, principle, title, help, options), choices: toChoices(choices) };
}

export function multiple(
  name: string,
  principle: InstrumentalPrincipleId,
  title: LocalisedText,
  help: LocalisedText,
  choices: Choice[],
  options: QuestionOptions = {},
): ElementDefinition {
  return { ...base('checkbox', name, principle, title, help, options), choices: toChoices(choices) };
}

export function yesNo(
  name: string,
  principle: InstrumentalPrincipleId | undefined,
  title: LocalisedText,
  help: LocalisedText,
  options: QuestionOptions & { scoreTrue?: number; scoreFalse?: number } = {},
): ElementDefinition {
  const element = base('boolean', name, principle, title, help, options);
  if (principle) {
    element.scoreTrue = options.scoreTrue ?? 100;
    element.scoreFalse = options.scoreFalse ?? 0;
  }
  return element;
}

export function numberQuestion(
  name: string,
  principle: InstrumentalPrincipleId,
  title: LocalisedText,
  help: LocalisedText,
  range: { unit: string; min: number; max: number; bands: ScoreBand[] },
  options: QuestionOptions = {},
): ElementDefinition {
  return {
    ...base('text', name, principle, title, help, options),
    inputType: 'number',
    unit: range.unit,
    min: range.min,
    max: range.max,
    scoreBands: range.bands,
  };
}

export function longText(
  name: string,
  principle: InstrumentalPrincipleId | undefined,
  title: LocalisedText,
  help: LocalisedText,
  options: QuestionOptions = {},
): ElementDefinition {
  return { ...base('comment', name, principle, title, help, options), maxLength: 8000 };
}

export function shortText(
  name: string,
  principle: InstrumentalPrincipleId | undefined,
  title: LocalisedText,
  help: LocalisedText,
  options: QuestionOptions = {},
): ElementDefinition {
  return { ...base('text', name, principle, title, help, options), maxLength: 300 };
}

export function dateQuestion(
  name: string,
  principle: InstrumentalPrincipleId,
  title: LocalisedText,
  help: LocalisedText,
  options: QuestionOptions = {},
): ElementDefinition {
  return { ...base('text', name, principle, title, help, options), inputType: 'date' };
}

export function evidence(
  name: string,
  principle: InstrumentalPrincipleId,
  title: LocalisedText,
  help: LocalisedText,
  options: QuestionOptions = {},
): ElementDefinition {
  return { ...base('file', name, principle, title, help, options), allowMultiple: true, maxSize: 20 * 1024 * 1024 };
}

export function matrix(
  name: string,
  principle: InstrumentalPrincipleId,
  title: LocalisedText,
  help: LocalisedText,
  rows: Array<[value: string, text: string]>,
  columns: Choice[],
  options: QuestionOptions = {},
): ElementDefinition {
  return {
    ...base('matrix', name, principle, title, help, options),
    rows: rows.map(([value, text]) => ({ value, text })),
    columns: toChoices(columns),
  };
}
