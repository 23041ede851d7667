import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { templatesDir } from '@probity/web';
import type { DossierInput } from '../model/dossier-input';
import { fill } from '../model/catalogue/catalogue';
import { buildDossierView, DossierMeta } from '../model/dossier-view';

/** Noto Sans (Latin, Latin Extended, Cyrillic) and Noto Sans Arabic, regular and bold: [family, package, subset]. */
const FONT_SUBSETS = [
  ['Probity Sans', '@fontsource/noto-sans', 'noto-sans-latin'],
  ['Probity Sans', '@fontsource/noto-sans', 'noto-sans-latin-ext'],
  ['Probity Sans', '@fontsource/noto-sans', 'noto-sans-cyrillic'],
  ['Probity Arabic', '@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic'],
] as const;
const FONT_WEIGHTS = [400, 700] as const;

/** One embedded font file and the characters it is for. */
interface EmbeddedFace {
  rule: string;
  /** The Latin face carries ASCII, which every dossier has. */
  always: boolean;
  ranges: Array<[number, number]>;
}

/** The unicode-range fontsource publishes for a subset file, from the package's own `<weight>.css`. */
function unicodeRange(fontPackage: string, file: string, weight: number): string {
  const css = readFileSync(require.resolve(`${fontPackage}/${weight}.css`), 'utf8');
  const block = css.split('@font-face').find((rule) => rule.includes(`/files/${file}.woff2)`));
  const range = block && /unicode-range:\s*([^;]+);/.exec(block)?.[1].trim();
  if (!range) throw new Error(`${fontPackage}/${weight}.css names no unicode-range for ${file}`);
  return range;
}

function parseRange(range: string): Array<[number, number]> {
  return range.split(',').map((part) => {
    const [low, high = low] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(low, 16), parseInt(high, 16)];
  });
}

/**
 * Fonts travel inside the HTML as data: URIs, so every machine prints Latin, Cyrillic and Arabic
 * alike. Each face carries its unicode-range, so Chromium decodes only the files the text uses.
 */
function embeddedFaces(): EmbeddedFace[] {
  return FONT_SUBSETS.flatMap(([family, fontPackage, subset]) =>
    FONT_WEIGHTS.map((weight) => {
      const file = `${subset}-${weight}-normal`;
      const range = unicodeRange(fontPackage, file, weight);
      const data = readFileSync(require.resolve(`${fontPackage}/files/${file}.woff2`)).toString('base64');
      return {
        rule: `@font-face { font-family: '${family}'; font-weight: ${weight}; src: url(data:font/woff2;base64,${data}) format('woff2'); unicode-range: ${range}; }`,
        ranges: parseRange(range),
        always: subset === 'noto-sans-latin',
      };
    }),
  );
}

/** Characters outside ASCII that occur in the text (ASCII is in the Latin face, always embedded). */
function charactersBeyondAscii(text: string): number[] {
  const seen = new Set<number>();
  for (const match of text.matchAll(/[\u0080-\u{10ffff}]/gu)) seen.add(match[0].codePointAt(0) as number);
  return [...seen];
}

/**
 * The @font-face rules for the faces the document's text needs: a dossier without Arabic text
 * carries no Arabic font, one without Cyrillic no Cyrillic font. The size of a big dossier's HTML
 * and the fonts Chromium parses, decodes and embeds in the PDF shrink accordingly.
 */
function fontFacesFor(text: string, faces: EmbeddedFace[]): string {
  const characters = charactersBeyondAscii(text);
  return faces
    .filter(
      (face) =>
        face.always ||
        characters.some((character) => face.ranges.some(([low, high]) => character >= low && character <= high)),
    )
    .map((face) => face.rule)
    .join('\n');
}

/** Stands for the font rules while the document is written; replaced once its text is known. */
const FONT_FACES_SLOT = '/* font faces */';

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
  const faces = embeddedFaces();
  return (input, meta) => {
    const html = template({ ...buildDossierView(input, meta), fontFaces: FONT_FACES_SLOT });
    const fonts = fontFacesFor(html, faces);
    return html.replace(FONT_FACES_SLOT, () => fonts);
  };
}
