import type { QuestionnaireDefinition } from './definition';

/**
 * The languages a questionnaire's texts are written in besides the default: every locale key of a
 * localised text (`{ "default": "…", "fr": "…" }`), anywhere in the definition, sorted.
 */
export function questionnaireLanguages(definition: QuestionnaireDefinition): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, key: string) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, ''));
    if (value === null || typeof value !== 'object') return;
    const entries = Object.entries(value as Record<string, unknown>);
    const localisedText =
      [
        'title',
        'description',
        'text',
        'html',
        'explanation',
        'labelTrue',
        'labelFalse',
        'otherText',
        'noneText',
      ].includes(key) && entries.every(([, text]) => typeof text === 'string');
    if (localisedText) {
      for (const [locale] of entries) if (locale !== 'default') found.add(locale);
      return;
    }
    for (const [childKey, child] of entries) visit(child, childKey);
  };
  visit(definition, '');
  return [...found].sort();
}
