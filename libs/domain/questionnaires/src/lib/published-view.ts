import { isInstrumentalPrincipleId, PUBLISHED_RULES, RED_FLAG_LABEL } from '@probity/rubric';
import type { ElementDefinition, QuestionnaireDefinition } from './definition';
import { groupMaximumPoints, rankingRuleOf, ScoringModelDefinition } from './scoring-model';
import { questionsOf } from './walk';

/** How a questionnaire's own scoring model treats what is not a plain answer, as published with it. */
export const SCORING_MODEL_RULES = {
  points:
    "A question's points are its answer's points × its weight; a checkbox adds the points of every chosen answer; a table adds each row's column points.",
  blank:
    "A question shown to the respondent and left blank counts as its group's worst answer: the most points where higher means more risk, the fewest where higher is better.",
  hidden:
    "A question hidden by the respondent's answers earns no points; it counts in its group's maximum only when the group's maximum is `all`.",
  notApplicable: "N/A, where the question offers it, leaves the question out of its group's total and maximum.",
  values:
    'Derived values are computed in order with SurveyJS expressions over the group totals ({name}) and maxima ({nameMax}).',
  levels:
    'Level bands run from the lowest values up: `from` inclusive, `to` exclusive; a band without `pass: false` passes.',
};

export interface PublishedMethodOptions {
  /** Each scored question's points of 100 for this tender (from @probity/scoring's effectiveWeights). */
  effectiveWeights?: Record<string, number>;
  /** The tender's criteria weights (one per core principle, summing to 100). */
  criteriaWeights?: Record<string, number>;
}

/**
 * What providers see of a questionnaire: the complete method, published with the tender as tender
 * law requires of award criteria and every sub-weighting. Every question keeps its weight, each
 * choice its points, every band and threshold, every knock-out; given the tender's weights, each
 * scored question also carries its effective weight (points of 100). Red flags are published too,
 * each labelled as a risk for the contract, not an award criterion: they never change a score.
 */
export function publishedView(
  definition: QuestionnaireDefinition,
  options: PublishedMethodOptions = {},
): QuestionnaireDefinition {
  const withWeight = (element: ElementDefinition): ElementDefinition => {
    const copy: ElementDefinition = { ...element };
    const points = options.effectiveWeights?.[element.name];
    if (points !== undefined) copy.effectiveWeight = points;
    if (copy.elements) copy.elements = copy.elements.map(withWeight);
    return copy;
  };
  return {
    ...definition,
    pages: definition.pages.map((page) => ({ ...page, elements: page.elements.map(withWeight) })),
    redFlags: (definition.redFlags ?? []).map((rule) => ({ ...rule, label: RED_FLAG_LABEL })),
    method: {
      ...(options.criteriaWeights ? { criteriaWeights: options.criteriaWeights } : {}),
      rules: PUBLISHED_RULES,
      ...(definition.scoringModel ? { scoringModel: modelSummary(definition, definition.scoringModel) } : {}),
    },
  };
}

/**
 * What the model's JSON leaves implicit, spelled out: the ranking rule with its defaults, each
 * group's maximum in points and which way it runs, whether any question maps to a Toolkit principle.
 */
function modelSummary(definition: QuestionnaireDefinition, model: ScoringModelDefinition) {
  return {
    direction: model.direction,
    ranking: rankingRuleOf(model),
    groups: model.groups.map((group) => ({
      name: group.name,
      questions: group.questions.length,
      maximum: group.maximum ?? 'all',
      maximumPoints: groupMaximumPoints(definition, group.questions),
      direction: group.direction ?? model.direction,
    })),
    principlesMapped: questionsOf(definition).some(({ question }) => isInstrumentalPrincipleId(question.principle)),
    rules: SCORING_MODEL_RULES,
  };
}
