import {
  isAnswered,
  ModelGroupOutcome,
  ModelLevelOutcome,
  ModelQuestionPoints,
  ModelValueOutcome,
  NOT_APPLICABLE,
  RankingRule,
  ScoringDirection,
  ScoringModelOutcome,
} from '@probity/rubric';
import { logicValues } from '../case-scope';
import type { Answers, ElementDefinition, QuestionnaireDefinition } from '../definition';
import { evaluateLogic, QuestionState } from '../survey-engine';
import { questionsOf } from '../walk';
import { numericValue } from './model-expressions';
import { pointScaleOf } from './question-points';
import { LevelsDefinition, maximumName, ScoringGroupDefinition, ScoringModelDefinition } from './scoring-model';

/** Level bands compare at a billionth, so 45 / 60 × 100 is 75 whatever the floating-point noise. */
const BAND_RESOLUTION = 1e9;

/**
 * Scores one response with the questionnaire's own scoring model; null when it has none. Per
 * question: the answer's points × weight; a blank shown question counts as its group's worst
 * answer; a hidden question earns nothing (its stale answer is ignored) and counts in the maximum
 * only when the group's maximum is `all`; N/A, where allowed, leaves total and maximum. Then the
 * derived values in order, with SurveyJS's expression engine, then the level and the ranking key.
 * The model must have passed `scoringModelProblems`. Pure and deterministic.
 */
export function evaluateScoringModel(
  definition: QuestionnaireDefinition,
  answers: Answers,
  logic: Map<string, QuestionState> = evaluateLogic(definition, answers),
): ScoringModelOutcome | null {
  const model = definition.scoringModel as ScoringModelDefinition | undefined;
  if (!model) return null;
  const questions = new Map(questionsOf(definition).map(({ question }) => [question.name, question]));
  // Expressions see what visibility sees: the case scope and the answers of shown questions only.
  const variables: Record<string, unknown> = logicValues(definition, answers);
  for (const [name, state] of logic) if (!state.visible) delete variables[name];

  const groups = model.groups.map((group) =>
    groupOutcome(group, group.direction ?? model.direction, questions, answers, logic),
  );
  const values: ModelValueOutcome[] = [];
  for (const group of groups) {
    variables[group.name] = group.total;
    variables[maximumName(group.name)] = group.maximum;
    values.push({ name: group.name, value: group.total, maximum: group.maximum });
  }
  for (const derived of model.values ?? []) {
    const value = numericValue(derived.expression, variables);
    const maximum = derived.maximum === undefined ? null : numericValue(derived.maximum, variables);
    variables[derived.name] = value;
    if (derived.maximum !== undefined) variables[maximumName(derived.name)] = maximum;
    values.push({ name: derived.name, value, maximum });
  }
  return {
    direction: model.direction,
    groups,
    values,
    level: model.levels ? levelOf(model.levels, values) : null,
    ranking: rankingRuleOf(model),
  };
}

/** The ranking rule with its defaults filled in: by value, of the levels' value. */
export function rankingRuleOf(model: ScoringModelDefinition): RankingRule {
  const ranking = model.ranking ?? { by: 'value' };
  if (ranking.by !== 'value') return { by: ranking.by };
  const value = ranking.value ?? model.levels?.of ?? model.values?.at(-1)?.name ?? model.groups[0].name;
  return { by: 'value', value };
}

function groupOutcome(
  group: ScoringGroupDefinition,
  direction: ScoringDirection,
  questions: Map<string, ElementDefinition>,
  answers: Answers,
  logic: Map<string, QuestionState>,
): ModelGroupOutcome {
  const countsHidden = (group.maximum ?? 'all') === 'all';
  const scored: ModelQuestionPoints[] = group.questions.map((questionName) => {
    const question = questions.get(questionName) as ElementDefinition;
    const scale = pointScaleOf(question);
    if (!scale) throw new Error(`question "${questionName}" has no points; validate the model first`);
    const weight = question.weight ?? 1;
    const maximum = weight * scale.highest;
    const answer = answers[questionName];
    if (logic.get(questionName)?.visible === false)
      return { questionName, points: null, maximum: countsHidden ? maximum : 0, status: 'hidden' };
    if (answer === NOT_APPLICABLE && question.naAllowed)
      return { questionName, points: null, maximum: 0, status: 'not-applicable' };
    const points = isAnswered(answer) ? scale.pointsOf(answer) : undefined;
    if (points === undefined) {
      const worst = direction === 'higher-is-riskier' ? scale.highest : scale.lowest;
      return { questionName, points: weight * worst, maximum, status: 'blank' };
    }
    return { questionName, points: weight * points, maximum, status: 'answered' };
  });
  return {
    name: group.name,
    total: scored.reduce((total, question) => total + (question.points ?? 0), 0),
    maximum: scored.reduce((total, question) => total + question.maximum, 0),
    questions: scored,
  };
}

function levelOf(levels: LevelsDefinition, values: ModelValueOutcome[]): ModelLevelOutcome {
  const classified = values.find((value) => value.name === levels.of);
  const raw = classified?.value ?? null;
  const maximum = classified?.maximum ?? null;
  let measured: number | null = raw;
  if (levels.basis === 'percent-of-maximum')
    measured = raw === null || maximum === null || maximum <= 0 ? null : (raw * 100) / maximum;
  if (measured !== null) measured = Math.round(measured * BAND_RESOLUTION) / BAND_RESOLUTION;
  const index =
    measured === null
      ? -1
      : levels.bands.findIndex(
          (band) => (band.from === undefined || measured >= band.from) && (band.to === undefined || measured < band.to),
        );
  const band = index >= 0 ? levels.bands[index] : undefined;
  return {
    of: levels.of,
    measured,
    basis: levels.basis,
    level: band?.name ?? null,
    index: band ? index : null,
    pass: band ? band.pass !== false : null,
  };
}
