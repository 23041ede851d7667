import countries from 'i18n-iso-countries';

/**
 * Countries of ISO 3166-1 by their English names. Officers choose a name; the code is what is stored,
 * so a typed "Netherlands" can no longer become "NE" (Niger).
 */
const ALPHA_2 = /^[A-Z]{2}$/;

/** Only two-letter codes count: the library also accepts alpha-3 and numeric codes, which are not stored. */
export function isCountryCode(code: unknown): code is string {
  return typeof code === 'string' && ALPHA_2.test(code) && countries.isValid(code);
}

/** The country's English name, or the code itself for a code recorded before names were checked. */
export function countryName(code: string): string {
  return countries.getName(code, 'en') ?? code;
}

/** Every country as a choice for a `<select>`, sorted by name, the current one marked. */
export function countryChoices(selected?: string): Array<{ code: string; name: string; selected: boolean }> {
  return Object.entries(countries.getNames('en', { select: 'official' }))
    .map(([code, name]) => ({ code, name, selected: code === selected }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export const COUNTRY_CODE_PROBLEM =
  'country must be an ISO 3166-1 alpha-2 code such as NL (choose the country from the list)';
