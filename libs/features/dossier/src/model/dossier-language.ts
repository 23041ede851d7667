/**
 * The languages an agency's evaluation dossier can be written in: INTERPOL's four working languages,
 * the same four as the provider portal and the built-in question bank.
 */
export const DOSSIER_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type DossierLanguage = (typeof DOSSIER_LANGUAGES)[number];

export const DEFAULT_DOSSIER_LANGUAGE: DossierLanguage = 'en';

export function isDossierLanguage(value: unknown): value is DossierLanguage {
  return typeof value === 'string' && (DOSSIER_LANGUAGES as readonly string[]).includes(value);
}
