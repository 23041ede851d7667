import type { ElementDefinition, PageDefinition, QuestionnaireDefinition } from './definition';

export interface LocatedQuestion {
  question: ElementDefinition;
  page: PageDefinition;
  /** JSON path of the element, for error messages: `pages[1].elements[0].elements[2]`. */
  path: string;
}

/** Every answerable element in document order, panels flattened. */
export function questionsOf(definition: QuestionnaireDefinition): LocatedQuestion[] {
  const found: LocatedQuestion[] = [];
  const visit = (elements: ElementDefinition[] | undefined, page: PageDefinition, path: string) => {
    (elements ?? []).forEach((element, index) => {
      const elementPath = `${path}.elements[${index}]`;
      if (element.type === 'panel') visit(element.elements, page, elementPath);
      else if (!['html', 'image', 'expression'].includes(element.type))
        found.push({ question: element, page, path: elementPath });
    });
  };
  definition.pages.forEach((page, index) => visit(page.elements, page, `pages[${index}]`));
  return found;
}

export function choiceValue(choice: unknown): string {
  if (choice !== null && typeof choice === 'object' && 'value' in choice)
    return String((choice as { value: unknown }).value);
  return String(choice);
}

export function choiceScore(choice: unknown): number | undefined {
  if (choice !== null && typeof choice === 'object' && typeof (choice as { score?: unknown }).score === 'number') {
    return (choice as { score: number }).score;
  }
  return undefined;
}
