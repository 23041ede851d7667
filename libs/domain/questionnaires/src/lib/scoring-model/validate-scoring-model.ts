import { CASE_SCOPE_VARIABLES } from '../case-scope';
import type { QuestionnaireDefinition } from '../definition';
import { questionsOf } from '../walk';
import { expressionProblem } from './model-expressions';
import { pointScaleOf } from './question-points';
import { LevelBandDefinition, maximumName, ScoringModelDefinition } from './scoring-model';

export interface ScoringModelProblem {
  path: string;
  message: string;
}

const DIRECTIONS = ['higher-is-better', 'higher-is-riskier'];
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Every problem with a questionnaire's `scoringModel`, each with its JSON path: unknown or unscored
 * questions, clashing names, expressions SurveyJS cannot parse or that read unknown names, bands that
 * overlap or leave gaps, a ranking rule without what it ranks by. Empty when there is no model.
 */
export function scoringModelProblems(definition: QuestionnaireDefinition): ScoringModelProblem[] {
  const model = definition.scoringModel as ScoringModelDefinition | undefined;
  if (model === undefined) return [];
  const problems: ScoringModelProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path: `$.scoringModel${path}`, message });
  if (model === null || typeof model !== 'object' || Array.isArray(model)) {
    problem('', 'must be an object with groups, direction and (optionally) values, levels and ranking');
    return problems;
  }
  const questions = new Map(questionsOf(definition).map(({ question }) => [question.name, question]));
  const known = new Set<string>([...questions.keys(), ...CASE_SCOPE_VARIABLES]);
  const modelNames = new Map<string, 'group' | 'value'>();
  const maxima = new Set<string>();

  const claimName = (name: unknown, path: string, kind: 'group' | 'value') => {
    if (typeof name !== 'string' || !IDENTIFIER.test(name))
      return problem(`${path}.name`, 'needs a name of letters, digits and _ (used as {name} in expressions)');
    if (questions.has(name) || modelNames.has(name) || known.has(name))
      return problem(`${path}.name`, `"${name}" is already the name of a question, group or value`);
    // The name itself is free, so later expressions may still use it: report the clash and go on.
    if (known.has(maximumName(name)))
      problem(`${path}.name`, `"${maximumName(name)}", the name of its maximum, is already taken`);
    modelNames.set(name, kind);
    known.add(name);
  };

  if (!DIRECTIONS.includes(model.direction as string)) problem('.direction', `must be ${DIRECTIONS.join(' or ')}`);
  if (!Array.isArray(model.groups) || model.groups.length === 0) {
    problem('.groups', 'needs at least one group of questions');
  } else {
    model.groups.forEach((group, index) => {
      const path = `.groups[${index}]`;
      claimName(group?.name, path, 'group');
      if (group?.maximum !== undefined && !['all', 'visible'].includes(group.maximum))
        problem(`${path}.maximum`, 'must be "all" (every question counts) or "visible" (only those shown)');
      if (group?.direction !== undefined && !DIRECTIONS.includes(group.direction))
        problem(`${path}.direction`, `must be ${DIRECTIONS.join(' or ')}`);
      if (!Array.isArray(group?.questions) || group.questions.length === 0)
        return problem(`${path}.questions`, 'needs at least one question name');
      const seen = new Set<string>();
      group.questions.forEach((name, position) => {
        const questionPath = `${path}.questions[${position}]`;
        const question = questions.get(name);
        if (!question) return problem(questionPath, `unknown question "${String(name)}"`);
        if (seen.has(name)) problem(questionPath, `"${name}" is listed twice in group "${group.name}"`);
        seen.add(name);
        if (!pointScaleOf(question))
          problem(questionPath, `"${name}" (${question.type}) has no points: give its choices a "score"`);
        if (typeof question.weight === 'number' && question.weight < 0)
          problem(questionPath, `"${name}" has a negative weight`);
      });
      if (typeof group.name === 'string') {
        maxima.add(group.name);
        known.add(maximumName(group.name));
      }
    });
  }

  if (model.values !== undefined && !Array.isArray(model.values))
    problem('.values', 'must be a list of derived values');
  (Array.isArray(model.values) ? model.values : []).forEach((value, index) => {
    const path = `.values[${index}]`;
    // A value reads the groups and the values before it, never itself or a later one.
    const expressionError = expressionProblem(value?.expression, known);
    if (expressionError) problem(`${path}.expression`, expressionError);
    if (value?.maximum !== undefined) {
      const maximumError = expressionProblem(value.maximum, known);
      if (maximumError) problem(`${path}.maximum`, maximumError);
    }
    claimName(value?.name, path, 'value');
    if (typeof value?.name === 'string' && value.maximum !== undefined) {
      maxima.add(value.name);
      known.add(maximumName(value.name));
    }
  });

  const levels = model.levels;
  if (levels !== undefined) {
    if (!modelNames.has(levels.of))
      problem('.levels.of', `"${String(levels.of)}" is no group or derived value of the model`);
    if (!['points', 'percent-of-maximum'].includes(levels.basis))
      problem('.levels.basis', 'must be "points" or "percent-of-maximum"');
    else if (levels.basis === 'percent-of-maximum' && modelNames.has(levels.of) && !maxima.has(levels.of))
      problem('.levels.basis', `"${levels.of}" has no maximum: give the derived value a "maximum" expression`);
    if (!Array.isArray(levels.bands) || levels.bands.length === 0) problem('.levels.bands', 'needs at least one band');
    else bandProblems(levels.bands).forEach(([path, message]) => problem(`.levels.bands${path}`, message));
  }

  const ranking = model.ranking ?? { by: 'value' };
  if (!['value', 'level', 'none'].includes(ranking.by)) problem('.ranking.by', 'must be "value", "level" or "none"');
  else if (ranking.by === 'value') {
    const rankedBy = ('value' in ranking ? ranking.value : undefined) ?? levels?.of;
    if (rankedBy === undefined) problem('.ranking', 'ranking by value needs "value" (or levels to take it from)');
    else if (!modelNames.has(rankedBy))
      problem('.ranking.value', `"${rankedBy}" is no group or derived value of the model`);
  } else if (!levels) problem('.ranking', `ranking "${ranking.by}" needs levels`);
  return problems;
}

function bandProblems(bands: LevelBandDefinition[]): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const names = new Set<string>();
  bands.forEach((band, index) => {
    const path = `[${index}]`;
    if (typeof band?.name !== 'string' || band.name === '') problems.push([`${path}.name`, 'every level needs a name']);
    else if (names.has(band.name)) problems.push([`${path}.name`, `duplicate level "${band.name}"`]);
    else names.add(band.name);
    for (const bound of ['from', 'to'] as const)
      if (band?.[bound] !== undefined && !Number.isFinite(band[bound]))
        problems.push([`${path}.${bound}`, 'must be a number']);
    if (band?.from === undefined && index > 0)
      problems.push([`${path}.from`, 'only the first band may leave out "from"']);
    if (band?.to === undefined && index < bands.length - 1)
      problems.push([`${path}.to`, 'only the last band may leave out "to"']);
    if (band?.from !== undefined && band?.to !== undefined && band.from >= band.to)
      problems.push([path, `"from" (${band.from}) must be below "to" (${band.to})`]);
    if (band?.pass !== undefined && typeof band.pass !== 'boolean')
      problems.push([`${path}.pass`, 'must be true or false']);
    const previous = bands[index - 1];
    if (index > 0 && typeof previous?.to === 'number' && typeof band?.from === 'number') {
      if (previous.to > band.from)
        problems.push([
          path,
          `overlaps "${previous.name}": it starts at ${band.from}, before "${previous.name}" ends at ${previous.to}`,
        ]);
      else if (previous.to < band.from)
        problems.push([path, `leaves a gap: values from ${previous.to} up to ${band.from} would have no level`]);
    }
  });
  return problems;
}

/** Names of the questions a (not yet validated) model's groups list. */
export function modelQuestionNames(model: unknown): Set<string> {
  const names = new Set<string>();
  const groups = (model as Partial<ScoringModelDefinition> | null | undefined)?.groups;
  if (!Array.isArray(groups)) return names;
  for (const group of groups)
    if (Array.isArray(group?.questions))
      for (const name of group.questions) if (typeof name === 'string') names.add(name);
  return names;
}
