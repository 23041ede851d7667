import type { LocalisedText } from './definition';

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

/** The text in the wanted locale, falling back to the default (English) text. */
export function localised(text: LocalisedText | undefined, locale = 'default'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const language = locale.split('-')[0];
  return text[locale] ?? text[language] ?? text.default ?? Object.values(text)[0] ?? '';
}

export function hasTranslation(text: LocalisedText | undefined, locale: string): boolean {
  return typeof text === 'object' && text !== null && typeof text[locale] === 'string';
}

export function isRightToLeft(locale: string): boolean {
  return RIGHT_TO_LEFT.has(locale.split('-')[0].toLowerCase());
}
