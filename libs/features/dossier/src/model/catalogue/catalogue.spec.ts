import { DOSSIER_LANGUAGES } from '../dossier-language';
import { catalogueEntries, dossierWordsFor, EN, fill, SAME_AS_ENGLISH } from './catalogue';

const TRANSLATED = DOSSIER_LANGUAGES.filter((language) => language !== 'en');
const english = catalogueEntries('en');
const placeholders = (text: string) => (text.match(/\{[a-zA-Z]+\}/g) ?? []).sort().join();

describe('the dossier catalogue', () => {
  it.each(TRANSLATED)('%s has a non-empty entry for every English key', (language) => {
    const missing = [...catalogueEntries(language)].filter(([, text]) => !text?.trim()).map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it.each(TRANSLATED)('%s translates every entry except its listed words spelt alike', (language) => {
    const untranslated = [...catalogueEntries(language)]
      .filter(([key, text]) => text === english.get(key))
      .map(([key]) => key);
    expect(untranslated).toEqual([...SAME_AS_ENGLISH[language]]);
  });

  it.each(TRANSLATED)('%s keeps every placeholder of the English entry', (language) => {
    const lost = [...catalogueEntries(language)]
      .filter(([key, text]) => placeholders(text ?? '') !== placeholders(english.get(key) as string))
      .map(([key]) => key);
    expect(lost).toEqual([]);
  });

  it('uses the AI Act’s official French and Spanish terms', () => {
    expect(dossierWordsFor('fr').cover.highRisk).toBe('Système d’IA à haut risque');
    expect(dossierWordsFor('fr').obligations.art27).toBe('Analyse d’impact sur les droits fondamentaux');
    expect(dossierWordsFor('es').cover.highRisk).toBe('Sistema de IA de alto riesgo');
    expect(dossierWordsFor('es').obligations.art27).toBe('Evaluación de impacto relativa a los derechos fundamentales');
    expect(dossierWordsFor('es').obligations.art14).toBe('Supervisión humana');
    expect(dossierWordsFor('fr').obligations.art14).toBe('Contrôle humain');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill(EN.provider.rank, { rank: 2 })).toBe('Rank 2');
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
});
