import { NOT_APPLICABLE } from '@probity/rubric';
import {
  Answers,
  AnswerProblem,
  ElementDefinition,
  evaluateLogic,
  isAnswered,
  knockoutsByQuestion,
  localised,
  offeredChoices,
  markingGuideFor,
  MarkingGuideLevel,
  htmlOf,
  orderChoices,
  panelHeadingOf,
  QuestionnaireDefinition,
  visibleDisplayElements,
} from '@probity/questionnaires';

export type FormQuestionKind =
  'boolean' | 'single' | 'multiple' | 'dropdown' | 'number' | 'date' | 'text' | 'comment' | 'matrix' | 'file';

export interface FormChoice {
  id: string;
  value: string;
  label: string;
  checked: boolean;
}

export interface EvidenceListing {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

export interface FormQuestion {
  id: string;
  name: string;
  kind: FormQuestionKind;
  title: string;
  /** SurveyJS `titleLocation: "hidden"`: the title is only read out by screen readers. */
  titleHidden: boolean;
  description: string;
  /** False while the question's `enableIf` does not hold: shown read-only, its answer kept. */
  enabled: boolean;
  required: boolean;
  naAllowed: boolean;
  notApplicable: boolean;
  evidenceRequested: boolean;
  /** What earns 0, 2 and 4 when the panel scores this answer by judgement, as published with the method. */
  markingGuide: MarkingGuideLevel[] | null;
  unit?: string;
  min?: string;
  max?: string;
  maxLength?: number;
  value: string;
  answered: boolean;
  choices: FormChoice[];
  matrix?: {
    columns: Array<{ value: string; label: string }>;
    /** True when some row may be answered N/A: the table then has an N/A column. */
    hasNaColumn: boolean;
    /** `naCell`: the N/A choice of a row the method lets be N/A. */
    rows: Array<{ value: string; label: string; cells: FormChoice[]; naCell?: FormChoice }>;
  };
  evidence: EvidenceListing[];
  /** The published knock-out (exclusion) rules that read this question's answer. */
  knockouts: Array<{ title: string; explanation: string }>;
  error?: string;
}

/** Words the form supplies itself when the questionnaire does not, in the page's language. */
export interface FormWording {
  notApplicable: string;
  yes: string;
  no: string;
  none: string;
  other: string;
  untitledSection: string;
}

const ENGLISH_WORDING: FormWording = {
  notApplicable: 'Not applicable',
  yes: 'Yes',
  no: 'No',
  none: 'None',
  other: 'Other',
  untitledSection: 'Section {number}',
};

/** A SurveyJS `html` element: instructions or a lead-in, sanitised with the provider-text allow-list. */
export interface FormHtmlBlock {
  kind: 'html';
  id: string;
  name: string;
  html: string;
}

export type FormItem = FormQuestion | FormHtmlBlock;

export interface FormSection {
  index: number;
  name: string;
  title: string;
  description: string;
  /** The answerable questions (what progress counts). */
  questions: FormQuestion[];
  /** Questions and html blocks in questionnaire order (what the page shows). */
  items: FormItem[];
  answered: number;
  required: number;
  requiredAnswered: number;
}

const KIND_BY_TYPE: Record<string, FormQuestionKind> = {
  boolean: 'boolean',
  radiogroup: 'single',
  checkbox: 'multiple',
  tagbox: 'multiple',
  dropdown: 'dropdown',
  comment: 'comment',
  matrix: 'matrix',
  file: 'file',
  // A rating (whole number from rateMin to rateMax) is answered as a number in that range.
  rating: 'number',
};

function labelled(item: unknown, locale: string): { value: string; label: string } {
  if (item !== null && typeof item === 'object' && 'value' in item) {
    const choice = item as { value: unknown; text?: Parameters<typeof localised>[0] };
    return { value: String(choice.value), label: localised(choice.text, locale) || String(choice.value) };
  }
  return { value: String(item), label: String(item) };
}

function kindOf(question: ElementDefinition): FormQuestionKind {
  if (question.type === 'text') {
    if (question.inputType === 'number' || question.inputType === 'range') return 'number';
    if (question.inputType === 'date') return 'date';
    return 'text';
  }
  return KIND_BY_TYPE[question.type] ?? 'text';
}

/**
 * The provider portal's view of a questionnaire for the current answers: only visible sections and
 * questions (the same SurveyJS logic the server validates and scores with), each with its answer,
 * choices, evidence and — after a failed save or submit — its error.
 */
export function buildPortalForm(
  definition: QuestionnaireDefinition,
  answers: Answers,
  options: {
    locale?: string;
    evidence?: Record<string, EvidenceListing[]>;
    problems?: Array<Pick<AnswerProblem, 'questionName' | 'message'>>;
    wording?: FormWording;
    /** Every section and question regardless of logic, e.g. to preview a questionnaire. */
    showAll?: boolean;
    /** Seeds `choicesOrder: "random"` (e.g. the response id, so a respondent keeps one order). */
    choiceSeed?: string;
  } = {},
): FormSection[] {
  const locale = options.locale ?? 'default';
  const wording = options.wording ?? ENGLISH_WORDING;
  const logic = evaluateLogic(definition, answers);
  const errors = new Map((options.problems ?? []).map((problem) => [problem.questionName, problem.message]));
  const knockouts = knockoutsByQuestion(definition);
  const shownDisplay = visibleDisplayElements(definition, answers, logic);
  const sections: FormSection[] = [];
  definition.pages.forEach((page, index) => {
    const questions: FormQuestion[] = [];
    const items: FormItem[] = [];
    const visit = (elements: ElementDefinition[] | undefined) => {
      for (const element of elements ?? []) {
        if (element.type === 'panel') {
          // A panel's title and description introduce its questions, as in SurveyJS.
          const heading = panelHeadingOf(element, locale);
          if (heading && (shownDisplay.has(element) || options.showAll))
            items.push({ kind: 'html', id: `html-${index}-${items.length}`, name: element.name, html: heading });
          visit(element.elements);
          continue;
        }
        if (element.type === 'html') {
          const html = htmlOf(element, locale);
          if (html && (shownDisplay.has(element) || options.showAll))
            items.push({ kind: 'html', id: `html-${index}-${items.length}`, name: element.name, html });
          continue;
        }
        if (['image', 'expression'].includes(element.type)) continue;
        const state = logic.get(element.name);
        if (!state?.visible && !options.showAll) continue;
        // A hidden question is never required now; a preview shows what it asks for once shown.
        const required = state?.visible ? state.required : Boolean(element.isRequired);
        // Only the choices this case offers (a choice the case scope rules out is not shown).
        const offered = element.choices
          ? { ...element, choices: offeredChoices(definition, element, answers) }
          : element;
        const question = toFormQuestion(offered, answers[element.name], required, locale, wording, options, errors);
        question.enabled = state?.enabled ?? true;
        question.knockouts = (knockouts.get(element.name) ?? []).map((rule) => ({
          title: localised(rule.title, locale),
          explanation: localised(rule.explanation, locale),
        }));
        questions.push(question);
        items.push(question);
      }
    };
    visit(page.elements);
    // A page of instructions alone is shown too; a preview shows every page.
    if (!items.length && !options.showAll) return;
    const required = questions.filter((question) => question.required);
    sections.push({
      index,
      name: page.name,
      title: localised(page.title, locale) || wording.untitledSection.replace('{number}', String(index + 1)),
      description: localised(page.description, locale),
      questions,
      items,
      answered: questions.filter((question) => question.answered).length,
      required: required.length,
      requiredAnswered: required.filter((question) => question.answered).length,
    });
  });
  return sections;
}

function toFormQuestion(
  element: ElementDefinition,
  value: unknown,
  required: boolean,
  locale: string,
  wording: FormWording,
  options: { evidence?: Record<string, EvidenceListing[]>; choiceSeed?: string },
  errors: Map<string, string>,
): FormQuestion {
  const kind = kindOf(element);
  const id = `q-${element.name}`;
  const notApplicable = value === NOT_APPLICABLE;
  const evidence = options.evidence?.[element.name] ?? [];
  const selected = new Set(
    Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)],
  );
  let choices: FormChoice[] = [];
  if (kind === 'boolean') {
    choices = [
      {
        id: `${id}-yes`,
        value: 'true',
        label: localised(element.labelTrue as never, locale) || wording.yes,
        checked: value === true,
      },
      {
        id: `${id}-no`,
        value: 'false',
        label: localised(element.labelFalse as never, locale) || wording.no,
        checked: value === false,
      },
    ];
  } else if (kind === 'single' || kind === 'multiple' || kind === 'dropdown') {
    // As in SurveyJS, `choicesOrder` orders the written choices; "None" and "Other" stay last.
    const written = orderChoices(
      (element.choices ?? []).map((item) => labelled(item, locale)),
      element.choicesOrder,
      { locale, seed: options.choiceSeed === undefined ? undefined : `${options.choiceSeed}/${element.name}` },
    );
    if (element.showNoneItem)
      written.push({ value: 'none', label: localised(element.noneText as never, locale) || wording.none });
    if (element.showOtherItem)
      written.push({ value: 'other', label: localised(element.otherText as never, locale) || wording.other });
    choices = written.map(({ value: choiceValue, label }, position) => ({
      id: `${id}-${position}`,
      value: choiceValue,
      label,
      checked: selected.has(choiceValue),
    }));
  }
  let matrix: FormQuestion['matrix'];
  if (kind === 'matrix') {
    const columns = (element.columns ?? []).map((column) => labelled(column, locale));
    const cellsOf =
      value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    const naRows = new Set(element.naRows ?? []);
    matrix = {
      columns,
      hasNaColumn: naRows.size > 0,
      rows: (element.rows ?? []).map((row, rowIndex) => {
        const { value: rowValue, label } = labelled(row, locale);
        return {
          value: rowValue,
          label,
          naCell: naRows.has(rowValue)
            ? {
                id: `${id}-${rowIndex}-na`,
                value: NOT_APPLICABLE,
                label: wording.notApplicable,
                checked: cellsOf[rowValue] === NOT_APPLICABLE,
              }
            : undefined,
          cells: columns.map((column, columnIndex) => ({
            id: `${id}-${rowIndex}-${columnIndex}`,
            value: column.value,
            label: column.label,
            checked: String(cellsOf[rowValue]) === column.value,
          })),
        };
      }),
    };
  }
  const scalar = kind === 'number' || kind === 'date' || kind === 'text' || kind === 'comment';
  return {
    id,
    name: element.name,
    kind,
    title: localised(element.title, locale) || element.name,
    titleHidden: element.titleLocation === 'hidden',
    description: localised(element.description, locale),
    enabled: true,
    required,
    naAllowed: Boolean(element.naAllowed),
    notApplicable,
    evidenceRequested: Boolean(element.evidenceRequired) || kind === 'file',
    markingGuide: markingGuideFor(element.name, locale),
    unit: localised(element.unit, locale) || undefined,
    min: boundOf(element, 'min'),
    max: boundOf(element, 'max'),
    maxLength: typeof element.maxLength === 'number' ? element.maxLength : undefined,
    value: scalar && !notApplicable && value !== undefined && value !== null ? String(value) : '',
    answered: kind === 'file' ? evidence.length > 0 : isAnswered(value),
    choices,
    matrix,
    evidence,
    knockouts: [],
    error: errors.get(element.name),
  };
}

function boundOf(element: ElementDefinition, bound: 'min' | 'max'): string | undefined {
  const value =
    element.type === 'rating'
      ? (element[bound === 'min' ? 'rateMin' : 'rateMax'] ?? (bound === 'min' ? 1 : 5))
      : element[bound];
  return value === undefined ? undefined : String(value);
}
