/**
 * Fixed wording kept as a catalogue: groups of keyed texts, complete in English, while a translation may
 * still lack entries. The provider portal and the evaluation dossier each keep one in four languages.
 */
export type CatalogueDraft<Catalogue> = {
  [Group in keyof Catalogue]?: { [Key in keyof Catalogue[Group]]?: string };
};

type Groups = Record<string, Record<string, string>>;

/** The wording in one language: each entry the translation lacks (or leaves empty) is taken from English. */
export function withEnglishFallback<Catalogue extends object>(
  english: Catalogue,
  draft: CatalogueDraft<Catalogue>,
): Catalogue {
  const translations = draft as Record<string, Record<string, string | undefined> | undefined>;
  const words: Groups = {};
  for (const [group, texts] of Object.entries(english as Groups)) {
    words[group] = {};
    for (const [key, text] of Object.entries(texts)) words[group][key] = translations[group]?.[key] || text;
  }
  return words as Catalogue;
}

/** Every entry of the English catalogue as `group.key` → the translation's text (undefined where it has none). */
export function catalogueEntries<Catalogue extends object>(
  english: Catalogue,
  draft: CatalogueDraft<Catalogue>,
): Map<string, string | undefined> {
  const translations = draft as Record<string, Record<string, unknown> | undefined>;
  const entries = new Map<string, string | undefined>();
  for (const [group, texts] of Object.entries(english as Groups))
    for (const key of Object.keys(texts)) {
      const text = translations[group]?.[key];
      entries.set(`${group}.${key}`, typeof text === 'string' ? text : undefined);
    }
  return entries;
}
