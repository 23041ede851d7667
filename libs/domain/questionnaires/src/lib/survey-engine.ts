import { ConditionRunner, ConditionsParser, Serializer } from 'survey-core';
import { logicValues } from './case-scope';
import type { Answers, ElementDefinition, QuestionnaireDefinition } from './definition';
import { NON_INPUT_TYPES } from './definition';

let registered = false;

/**
 * Probity's properties, registered the SurveyJS way so any SurveyJS tool keeps them and the same
 * runtime the portal uses evaluates `visibleIf`/`requiredIf` on the server.
 */
export function registerProbityProperties(): void {
  if (registered) return;
  registered = true;
  Serializer.addProperty('itemvalue', { name: 'score:number' });
  Serializer.addProperty('question', { name: 'weight:number', default: 1 });
  Serializer.addProperty('question', { name: 'naAllowed:boolean', default: false });
  Serializer.addProperty('question', { name: 'evidenceRequired:boolean', default: false });
  Serializer.addProperty('question', { name: 'principle' });
  Serializer.addProperty('question', { name: 'scoreBands', type: 'array' });
  Serializer.addProperty('question', { name: 'unit' });
  Serializer.addProperty('boolean', { name: 'scoreTrue:number' });
  Serializer.addProperty('boolean', { name: 'scoreFalse:number' });
  for (const reference of ['aiAct', 'mcc', 'nist', 'iso42001', 'otherLaw'])
    Serializer.addProperty('question', { name: reference });
  Serializer.addProperty('survey', { name: 'knockouts', type: 'array' });
  Serializer.addProperty('survey', { name: 'redFlags', type: 'array' });
  Serializer.addProperty('survey', { name: 'caseScope' });
  Serializer.addProperty('survey', { name: 'scoringModel' });
}

export interface QuestionState {
  visible: boolean;
  required: boolean;
  /**
   * False while the question's `enableIf` (or its panel's or page's) does not hold: SurveyJS then
   * shows it read-only, keeps its answer and never requires it.
   */
  enabled: boolean;
}

const runners = new Map<string, ConditionRunner>();

/** SurveyJS's own expression engine, with each expression parsed once. */
export function conditionHolds(expression: string, answers: Answers): boolean {
  let runner = runners.get(expression);
  if (!runner) {
    runner = new ConditionRunner(expression);
    runners.set(expression, runner);
  }
  return runner.runValues(answers) === true;
}

/**
 * Visibility and requiredness of every question for one set of answers, with SurveyJS's expression
 * engine and semantics: a question is visible when its page, its panels and its own `visibleIf`
 * are; answers to hidden questions take no part in the logic (as with `clearInvisibleValues:
 * 'onHidden'` in the portal), so hiding a question also hides what depended on it. Expressions
 * read the case scope fixed in the questionnaire copy; provider answers cannot change it.
 */
export function evaluateLogic(definition: QuestionnaireDefinition, answers: Answers): Map<string, QuestionState> {
  const effective: Answers = logicValues(definition, answers);
  let states = new Map<string, QuestionState>();
  for (let pass = 0; pass < 20; pass++) {
    states = new Map();
    const visit = (elements: ElementDefinition[] | undefined, parentVisible: boolean, parentEnabled: boolean) => {
      for (const element of elements ?? []) {
        const visible = parentVisible && (!element.visibleIf || conditionHolds(element.visibleIf, effective));
        const enabled = parentEnabled && (!element.enableIf || conditionHolds(element.enableIf, effective));
        if (element.type === 'panel') {
          visit(element.elements, visible, enabled);
          continue;
        }
        const required =
          visible &&
          enabled &&
          (Boolean(element.isRequired) || (element.requiredIf ? conditionHolds(element.requiredIf, effective) : false));
        states.set(element.name, { visible, required, enabled });
        // Later questions in document order already see this one's answer removed (`effective` is our own copy).
        if (!visible && element.name in effective) delete effective[element.name];
      }
    };
    const before = Object.keys(effective).length;
    for (const page of definition.pages)
      visit(
        page.elements,
        !page.visibleIf || conditionHolds(page.visibleIf, effective),
        typeof page.enableIf !== 'string' || conditionHolds(page.enableIf, effective),
      );
    // A condition may refer to a later question; repeat until nothing more is hidden.
    if (Object.keys(effective).length === before) break;
  }
  return states;
}

/**
 * The elements that hold no answer (`html` blocks, panels) shown for these answers, by identity
 * (their names need not be unique): visible when their page, panels and own `visibleIf` are, read
 * over the answers of visible questions only, as for questions.
 */
export function visibleDisplayElements(
  definition: QuestionnaireDefinition,
  answers: Answers,
  logic: Map<string, QuestionState> = evaluateLogic(definition, answers),
): Set<ElementDefinition> {
  const shownAnswers = Object.fromEntries(
    Object.entries(answers).filter(([name]) => logic.get(name)?.visible !== false),
  );
  const values = logicValues(definition, shownAnswers);
  const shown = new Set<ElementDefinition>();
  const visit = (elements: ElementDefinition[] | undefined, parentVisible: boolean) => {
    for (const element of elements ?? []) {
      const visible = parentVisible && (!element.visibleIf || conditionHolds(element.visibleIf, values));
      if (element.type === 'panel') visit(element.elements, visible);
      if (visible && NON_INPUT_TYPES.has(element.type)) shown.add(element);
    }
  };
  for (const page of definition.pages) visit(page.elements, !page.visibleIf || conditionHolds(page.visibleIf, values));
  return shown;
}

/**
 * The choices a question offers for these answers: a choice with its own `visibleIf` (SurveyJS's
 * item-level condition) is offered only while it holds, e.g. an answer the case scope rules out.
 */
export function offeredChoices(
  definition: QuestionnaireDefinition,
  question: ElementDefinition,
  answers: Answers,
): NonNullable<ElementDefinition['choices']> {
  const choices = question.choices ?? [];
  if (!choices.some((choice) => conditionOf(choice) !== undefined)) return choices;
  const values = logicValues(definition, answers);
  return choices.filter((choice) => {
    const condition = conditionOf(choice);
    return condition === undefined || conditionHolds(condition, values);
  });
}

function conditionOf(choice: unknown): string | undefined {
  if (choice === null || typeof choice !== 'object') return undefined;
  const condition = (choice as { visibleIf?: unknown }).visibleIf;
  return typeof condition === 'string' ? condition : undefined;
}

export type ParsedExpression = { ok: true; variables: string[] } | { ok: false; error: string };

const parsedExpressions = new Map<string, ParsedExpression>();

/** Parses an expression once; questionnaires are immutable, so their expressions repeat across responses. */
export function parseExpression(expression: string): ParsedExpression {
  let parsed = parsedExpressions.get(expression);
  if (!parsed) {
    parsed = parseUncached(expression);
    parsedExpressions.set(expression, parsed);
  }
  return parsed;
}

function parseUncached(expression: string): ParsedExpression {
  const parser = new ConditionsParser();
  const operand = parser.parseExpression(expression);
  if (!operand) {
    const error = parser.error as { at?: number; code?: string } | undefined;
    return {
      ok: false,
      error: `cannot parse "${expression}"${error?.at !== undefined ? ` at character ${error.at}` : ''}`,
    };
  }
  const variables: string[] = [];
  operand.setVariables(variables);
  return { ok: true, variables: [...new Set(variables.map((name) => name.split(/[.[]/)[0]))] };
}
