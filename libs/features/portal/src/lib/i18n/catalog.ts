import { CatalogueDraft, catalogueEntries, withEnglishFallback } from '@probity/questionnaires';
import { AR } from './ar';
import { EN, PortalCatalog } from './en';
import { ES } from './es';
import { FR } from './fr';

export { PortalCatalog };

/** A translation being written: any message may still be missing and then falls back to English. */
export type CatalogDraft = CatalogueDraft<PortalCatalog>;

export const PORTAL_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

const DRAFTS: Record<PortalLanguage, CatalogDraft> = { en: EN, fr: FR, es: ES, ar: AR };

export function isPortalLanguage(value: unknown): value is PortalLanguage {
  return typeof value === 'string' && (PORTAL_LANGUAGES as readonly string[]).includes(value);
}

/** The portal's messages in a language, each missing one taken from English. */
export function messagesFor(language: string): PortalCatalog {
  return withEnglishFallback(EN, isPortalLanguage(language) ? DRAFTS[language] : {});
}

/** Keys (`group.key`) the English catalog has and the language's catalog lacks. */
export function missingMessages(language: PortalLanguage): string[] {
  return [...catalogueEntries(EN, DRAFTS[language])].filter(([, text]) => !text).map(([key]) => key);
}

/**
 * The language a portal page is shown in: an explicit `?lang=` first, then the remembered choice
 * (cookie), then the browser's preference, then English.
 */
export function choosePortalLanguage(input: {
  query?: unknown;
  cookie?: unknown;
  acceptLanguage?: (languages: string[]) => string | false;
}): PortalLanguage {
  if (isPortalLanguage(input.query)) return input.query;
  if (isPortalLanguage(input.cookie)) return input.cookie;
  const preferred = input.acceptLanguage?.([...PORTAL_LANGUAGES]);
  return isPortalLanguage(preferred) ? preferred : 'en';
}
