import { PUBLISHED_RULES, RED_FLAG_LABEL } from '@probity/rubric';
import type { ElementDefinition, QuestionnaireDefinition } from './definition';

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
    },
  };
}
