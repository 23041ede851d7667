import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { templatesDir } from '@probity/web';
import type { DossierInput } from '../model/dossier-input';
import { fill } from '../model/catalogue/catalogue';
import { buildDossierView, DossierMeta } from '../model/dossier-view';

/** Noto Sans (Latin, Latin Extended, Cyrillic) and Noto Sans Arabic, regular and bold. */
const FONT_FILES = [
  ['Probity Sans', '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2', 400],
  ['Probity Sans', '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2', 700],
  ['Probity Sans', '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2', 400],
  ['Probity Sans', '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2', 700],
  ['Probity Sans', '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2', 400],
  ['Probity Sans', '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2', 700],
  ['Probity Arabic', '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2', 400],
  ['Probity Arabic', '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2', 700],
] as const;

/** Fonts travel inside the HTML as data: URIs, so every machine prints Latin, Cyrillic and Arabic alike. */
export function fontFaces(): string {
  return FONT_FILES.map(([family, file, weight]) => {
    const data = readFileSync(require.resolve(file)).toString('base64');
    return `@font-face { font-family: '${family}'; font-weight: ${weight}; src: url(data:font/woff2;base64,${data}) format('woff2'); }`;
  }).join('\n');
}

export type DossierTemplate = (input: DossierInput, meta: DossierMeta) => string;

/**
 * Compiles templates/dossier on a private Handlebars instance: only these partials and three helpers
 * exist, so nothing a provider or user supplies can name a partial or helper. Every value is escaped
 * except the font CSS built here and the charts sanitised by buildDossierView (see dossier.hbs).
 */
export function createDossierTemplate(): DossierTemplate {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('statusClass', (status: unknown) =>
    String(status)
      .toLowerCase()
      .replace(/[^a-z]+/g, '-'),
  );
  handlebars.registerHelper('join', (items: unknown) => (Array.isArray(items) ? items.map(String).join(', ') : ''));
  // A catalogue entry with its {placeholders} filled from the hash: `{{fmt t.cover.questionCount count=n}}`.
  handlebars.registerHelper('fmt', (template: unknown, options: { hash: Record<string, unknown> }) =>
    typeof template === 'string' ? fill(template, options.hash) : '',
  );
  const root = join(templatesDir(), 'dossier');
  for (const file of readdirSync(join(root, 'partials'))) {
    if (file.endsWith('.hbs'))
      handlebars.registerPartial(basename(file, '.hbs'), readFileSync(join(root, 'partials', file), 'utf8'));
  }
  const template = handlebars.compile(readFileSync(join(root, 'dossier.hbs'), 'utf8'), {
    knownHelpers: { statusClass: true, join: true, fmt: true },
  });
  const fonts = fontFaces();
  return (input, meta) => template({ ...buildDossierView(input, meta), fontFaces: fonts });
}
