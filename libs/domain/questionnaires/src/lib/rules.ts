import { isReservedName, logicValues } from './case-scope';
import type { Answers, QuestionnaireDefinition, RuleDefinition, RuleSeverity } from './definition';
import { localised } from './localise';
import { conditionHolds, evaluateLogic, parseExpression, QuestionState } from './survey-engine';

export interface RuleFinding {
  ruleId: string;
  kind: 'knockout' | 'red-flag';
  severity: RuleSeverity;
  title: string;
  explanation: string;
  aiAct?: string;
  mcc?: string;
  /** The answers the rule's expression read: what made it fire. */
  firedBy: Array<{ questionName: string; answer: unknown }>;
}

/**
 * Runs the questionnaire's knock-out and red-flag rules over one response. Hidden questions count
 * as unanswered, so a rule never fires on an answer the provider was not asked for. Rules may read
 * the case scope (`{case_high_risk}`…) but only questions count as what made a rule fire.
 */
export function evaluateRules(
  definition: QuestionnaireDefinition,
  answers: Answers,
  locale?: string,
  logic: Map<string, QuestionState> = evaluateLogic(definition, answers),
): RuleFinding[] {
  const visibleAnswers: Answers = {};
  for (const [name, value] of Object.entries(logicValues(definition, answers)))
    if (logic.get(name)?.visible !== false) visibleAnswers[name] = value;
  const run = (rules: RuleDefinition[] | undefined, kind: RuleFinding['kind']) =>
    (rules ?? [])
      .filter((rule) => conditionHolds(rule.expression, visibleAnswers))
      .map((rule): RuleFinding => {
        const parsed = parseExpression(rule.expression);
        const variables = (parsed.ok ? parsed.variables : []).filter((name) => !isReservedName(name));
        return {
          ruleId: rule.id,
          kind,
          severity: rule.severity,
          title: localised(rule.title, locale),
          explanation: localised(rule.explanation, locale),
          aiAct: rule.aiAct,
          mcc: rule.mcc,
          firedBy: variables.map((questionName) => ({ questionName, answer: visibleAnswers[questionName] ?? null })),
        };
      });
  return [...run(definition.knockouts, 'knockout'), ...run(definition.redFlags, 'red-flag')];
}

/**
 * The questionnaire's knock-out rules by the questions their expressions read, so that each rule can be
 * published beside the questions it applies to (exclusion grounds are public; red flags are not).
 */
export function knockoutsByQuestion(definition: QuestionnaireDefinition): Map<string, RuleDefinition[]> {
  const byQuestion = new Map<string, RuleDefinition[]>();
  for (const rule of definition.knockouts ?? []) {
    const parsed = parseExpression(rule.expression);
    if (!parsed.ok) continue;
    for (const questionName of new Set(parsed.variables.filter((name) => !isReservedName(name)))) {
      const rules = byQuestion.get(questionName) ?? [];
      rules.push(rule);
      byQuestion.set(questionName, rules);
    }
  }
  return byQuestion;
}
