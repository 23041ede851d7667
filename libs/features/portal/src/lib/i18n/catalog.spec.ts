import { EN } from './en';
import { choosePortalLanguage, messagesFor, missingMessages, PORTAL_LANGUAGES } from './catalog';

describe('provider portal message catalogs', () => {
  it.each(PORTAL_LANGUAGES.filter((language) => language !== 'en'))('%s has every English message', (language) => {
    expect(missingMessages(language)).toEqual([]);
  });

  it.each(PORTAL_LANGUAGES)('%s keeps every placeholder of the English message', (language) => {
    const messages = messagesFor(language);
    const lost: string[] = [];
    for (const [group, english] of Object.entries(EN) as Array<[keyof typeof EN, Record<string, string>]>)
      for (const [key, text] of Object.entries(english)) {
        const placeholders = (template: string) => (template.match(/\{[a-zA-Z]+\}/g) ?? []).sort();
        const translated = (messages[group] as Record<string, string>)[key];
        if (placeholders(translated).join() !== placeholders(text).join()) lost.push(`${group}.${key}`);
      }
    expect(lost).toEqual([]);
  });

  it('looks messages up in the chosen language', () => {
    expect(messagesFor('fr').overview.submitButton).toBe('Soumettre la réponse');
    expect(messagesFor('ar').section.save).toBe('حفظ');
  });

  it('falls back to English for an unknown language', () => {
    expect(messagesFor('de')).toEqual(EN);
  });

  it('names each language in itself for the switch', () => {
    expect(PORTAL_LANGUAGES.map((language) => messagesFor(language).language.name)).toEqual([
      'English',
      'Français',
      'Español',
      'العربية',
    ]);
  });
});

describe('choosing the portal language', () => {
  const prefers = (language: string) => (offered: string[]) => (offered.includes(language) ? language : false);

  it('prefers ?lang= over the remembered cookie and the browser', () => {
    expect(choosePortalLanguage({ query: 'ar', cookie: 'fr', acceptLanguage: prefers('es') })).toBe('ar');
  });

  it('remembers the cookie when no ?lang= is given', () => {
    expect(choosePortalLanguage({ cookie: 'fr', acceptLanguage: prefers('es') })).toBe('fr');
  });

  it('follows the browser, ignoring unsupported values', () => {
    expect(choosePortalLanguage({ query: 'xx', cookie: '<script>', acceptLanguage: prefers('es') })).toBe('es');
  });

  it('falls back to English', () => {
    expect(choosePortalLanguage({ query: ['fr'], acceptLanguage: () => false })).toBe('en');
  });
});
