import { isInstrumentalPrincipleId } from '@probity/rubric';
import {
  choiceScore,
  choiceValue,
  ElementDefinition,
  groupMaximumPoints,
  LevelBandDefinition,
  localised,
  maximumName,
  pointScaleOf,
  QuestionnaireDefinition,
  questionsOf,
  rankingRuleOf,
  ScoringModelDefinition,
} from '@probity/questionnaires';
import { formatMessage } from '@probity/web';
import type { PortalCatalog } from './i18n/catalog';

type ModelWording = PortalCatalog['model'];
type QuestionWording = Pick<PortalCatalog['question'], 'yes' | 'no'>;

export interface ModelAnswerPoints {
  label: string;
  points: string;
}

export interface ModelQuestionView {
  title: string;
  /** "Points × 2" when the question weighs more (or less) than one; "" otherwise. */
  weight: string;
  /** How the answer's points add up when it is not one choice (a checkbox, a table, a number). */
  note: string;
  answers: ModelAnswerPoints[];
}

/**
 * The questionnaire's own scoring model as a provider reads it before answering ("How you are
 * scored"), in the portal's language: each group with the points of every answer, its maximum rule
 * and direction, the derived values with their formulas, the level bands with pass or fail, the
 * ranking rule and the knock-out rules. Null when the questionnaire has no model. Pure.
 */
export function providerScoringModel(
  definition: QuestionnaireDefinition,
  locale: string,
  t: { model: ModelWording; question: QuestionWording },
) {
  const model = definition.scoringModel as ScoringModelDefinition | undefined;
  if (!model) return null;
  const w = t.model;
  const questions = new Map(questionsOf(definition).map(({ question }) => [question.name, question]));
  const titles = new Map<string, string>([
    ...model.groups.map((g) => [g.name, localised(g.title, locale) || g.name] as const),
    ...(model.values ?? []).map((v) => [v.name, localised(v.title, locale) || v.name] as const),
  ]);
  const riskier = model.direction === 'higher-is-riskier';
  const groups = model.groups.map((group) => {
    const own = group.questions.map((name) => questions.get(name)).filter((q): q is ElementDefinition => !!q);
    const maximum = number(groupMaximumPoints(definition, group.questions));
    const direction = group.direction ?? model.direction;
    return {
      title: titles.get(group.name) as string,
      caption: formatMessage(w.groupCaption, { group: titles.get(group.name), questions: own.length }),
      maximum: formatMessage((group.maximum ?? 'all') === 'all' ? w.maximumAll : w.maximumVisible, { maximum }),
      direction:
        direction === model.direction ? '' : direction === 'higher-is-riskier' ? w.groupRiskier : w.groupBetter,
      questions: own.map((question) => questionView(question, locale, t)),
    };
  });
  // The names formulas use: each group's total and maximum, each derived value and (when declared) its maximum.
  const named = (name: string, meaning: string, hasMaximum: boolean) => {
    const title = titles.get(name);
    return [
      { name: `{${name}}`, meaning: formatMessage(meaning, { title }) },
      ...(hasMaximum ? [{ name: `{${maximumName(name)}}`, meaning: formatMessage(w.variableMaximum, { title }) }] : []),
    ];
  };
  const variables = [
    ...model.groups.flatMap((group) => named(group.name, w.variableValue, true)),
    ...(model.values ?? []).flatMap((value) => named(value.name, w.variableDerived, value.maximum !== undefined)),
  ];
  const levels = model.levels;
  const ranking = rankingRuleOf(model);
  return {
    direction: riskier ? w.riskier : w.better,
    groups,
    values: (model.values ?? []).map((value) => ({
      title: titles.get(value.name) as string,
      expression: value.expression,
      maximum: value.maximum ?? '',
    })),
    variables,
    levels: levels
      ? {
          intro: formatMessage(levels.basis === 'percent-of-maximum' ? w.levelsPercent : w.levelsPoints, {
            value: titles.get(levels.of) ?? levels.of,
          }),
          rangeHeading: levels.basis === 'percent-of-maximum' ? w.rangePercent : w.rangePoints,
          bands: levels.bands.map((band) => ({
            title: localised(band.title, locale) || band.name,
            range: bandRange(band, w),
            outcome: band.pass === false ? w.fails : w.passes,
            fails: band.pass === false,
          })),
        }
      : null,
    ranking:
      ranking.by === 'value'
        ? formatMessage(riskier ? w.rankByValueLowest : w.rankByValueHighest, {
            value: titles.get(ranking.value) ?? ranking.value,
          })
        : ranking.by === 'level'
          ? riskier
            ? w.rankByLevelLowest
            : w.rankByLevelHighest
          : w.rankNone,
    knockouts: (definition.knockouts ?? []).map((rule) => ({
      title: localised(rule.title, locale),
      explanation: localised(rule.explanation, locale),
    })),
    /** False when no question maps to a Toolkit principle: the principle tables would say nothing. */
    principlesMapped: questionsOf(definition).some(({ question }) => isInstrumentalPrincipleId(question.principle)),
  };
}

/** Model points print as they are, up to two decimals (any number, not points of 100). */
const number = (value: number) => String(Math.round(value * 100) / 100);

function bandRange(band: Pick<LevelBandDefinition, 'from' | 'to'>, w: ModelWording): string {
  if (band.from === undefined) return formatMessage(w.rangeBelow, { to: band.to });
  if (band.to === undefined) return formatMessage(w.rangeFrom, { from: band.from });
  return formatMessage(w.rangeBetween, { from: band.from, to: band.to });
}

function labelOf(choice: unknown, locale: string): string {
  const text = choice !== null && typeof choice === 'object' ? (choice as { text?: unknown }).text : undefined;
  return localised(text as Parameters<typeof localised>[0], locale) || choiceValue(choice);
}

function scoredChoices(choices: unknown[] | undefined, locale: string): ModelAnswerPoints[] {
  return (choices ?? []).flatMap((choice) => {
    const points = choiceScore(choice);
    return points === undefined ? [] : [{ label: labelOf(choice, locale), points: number(points) }];
  });
}

function questionView(
  question: ElementDefinition,
  locale: string,
  t: { model: ModelWording; question: QuestionWording },
): ModelQuestionView {
  const w = t.model;
  const weight = question.weight ?? 1;
  const view: ModelQuestionView = {
    title: localised(question.title, locale) || question.name,
    weight: weight === 1 ? '' : formatMessage(w.weighted, { weight: number(weight) }),
    note: '',
    answers: [],
  };
  switch (question.type) {
    case 'boolean':
      view.answers = [
        {
          label: localised(question['labelTrue'] as never, locale) || t.question.yes,
          points: number(question.scoreTrue ?? 100),
        },
        {
          label: localised(question['labelFalse'] as never, locale) || t.question.no,
          points: number(question.scoreFalse ?? 0),
        },
      ];
      break;
    case 'checkbox':
    case 'tagbox':
      view.note = w.multiple;
      view.answers = scoredChoices(question.choices, locale);
      break;
    case 'matrix':
      view.note = w.perRow;
      view.answers = scoredChoices(question.columns, locale);
      break;
    case 'rating': {
      view.answers = scoredChoices(question['rateValues'] as unknown[] | undefined, locale);
      const scale = pointScaleOf(question);
      if (!view.answers.length && scale)
        view.note = formatMessage(w.ratingNumber, { lowest: number(scale.lowest), highest: number(scale.highest) });
      break;
    }
    case 'text':
      view.answers = (question.scoreBands ?? []).map((band) => ({
        label: bandRange({ from: band.min, to: band.max }, w),
        points: number(band.points),
      }));
      break;
    default:
      view.answers = scoredChoices(question.choices, locale);
  }
  return view;
}
