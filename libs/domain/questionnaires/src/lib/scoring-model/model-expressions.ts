import { ConditionsParser, ExpressionRunner, FunctionFactory } from 'survey-core';
import { parseExpression } from '../survey-engine';

const runners = new Map<string, ExpressionRunner>();

/**
 * A derived value, computed by SurveyJS's own expression engine (the one that runs `visibleIf` and
 * `calculatedValues` in the portal). Null unless the result is a finite number.
 */
export function numericValue(expression: string, values: Record<string, unknown>): number | null {
  let runner = runners.get(expression);
  if (!runner) {
    runner = new ExpressionRunner(expression);
    runners.set(expression, runner);
  }
  const result: unknown = runner.runValues(values);
  const number = typeof result === 'number' ? result : typeof result === 'boolean' ? Number(result) : Number.NaN;
  return Number.isFinite(number) ? number : null;
}

/** The problem with a model expression (syntax, unknown variable, unknown function), or none. */
export function expressionProblem(expression: unknown, known: ReadonlySet<string>): string | undefined {
  if (typeof expression !== 'string' || expression.trim() === '') return 'must be a non-empty expression';
  const parsed = parseExpression(expression);
  if (!parsed.ok) return parsed.error;
  const unknownVariables = parsed.variables.filter((variable) => !known.has(variable));
  if (unknownVariables.length)
    return `refers to ${unknownVariables.map((name) => `{${name}}`).join(', ')}, which is no question, group or earlier value`;
  const unknownFunctions = functionNames(expression).filter((name) => !FunctionFactory.Instance.hasFunction(name));
  if (unknownFunctions.length) return `calls ${unknownFunctions.join(', ')}(), which SurveyJS does not define`;
  return undefined;
}

/** Function names called anywhere in an expression, found by walking SurveyJS's own parse tree. */
function functionNames(expression: string): string[] {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const operand = node as { getType?: () => string; originalValue?: unknown };
    if (operand.getType?.() === 'function' && typeof operand.originalValue === 'string')
      names.add(operand.originalValue);
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) child.forEach(visit);
      else visit(child);
    }
  };
  visit(new ConditionsParser().parseExpression(expression));
  return [...names];
}
