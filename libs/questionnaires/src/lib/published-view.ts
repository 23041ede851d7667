import type { ElementDefinition, QuestionnaireDefinition } from './definition';

const INTERNAL_QUESTION_PROPERTIES = ['scoreBands', 'scoreTrue', 'scoreFalse'] as const;

/**
 * What providers may see of a questionnaire. Tender law wants criteria, weights and the exclusion
 * grounds published in advance, so question weights and knock-out rules stay; the points of each
 * choice and the red-flag rules stay internal, so providers answer the question rather than the
 * score (a decision recorded in README "Decisions").
 */
export function publishedView(definition: QuestionnaireDefinition): QuestionnaireDefinition {
  const strip = (element: ElementDefinition): ElementDefinition => {
    const copy: ElementDefinition = { ...element };
    for (const property of INTERNAL_QUESTION_PROPERTIES) delete copy[property];
    const withoutScore = (choice: unknown) => {
      if (choice === null || typeof choice !== 'object') return choice;
      const rest = { ...(choice as Record<string, unknown>) };
      delete rest.score;
      return rest;
    };
    if (copy.choices) copy.choices = copy.choices.map(withoutScore) as ElementDefinition['choices'];
    if (copy.columns) copy.columns = copy.columns.map(withoutScore) as ElementDefinition['columns'];
    if (copy.elements) copy.elements = copy.elements.map(strip);
    return copy;
  };
  const published: QuestionnaireDefinition = {
    ...definition,
    pages: definition.pages.map((page) => ({ ...page, elements: page.elements.map(strip) })),
  };
  delete published.redFlags;
  return published;
}
