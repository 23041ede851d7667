import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { BrowserPool } from '@probity/pdf-rendering';
import { templatesDir } from '@probity/web';
import type { DossierSnapshot } from './dossier-snapshot';
import { DossierMeta, dossierView } from './dossier-view';

const FONT_FILES = [
  ['Probity Sans', '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2', 400],
  ['Probity Sans', '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2', 700],
  ['Probity Sans', '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2', 400],
  ['Probity Sans', '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2', 400],
  ['Probity Sans', '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2', 700],
  ['Probity Arabic', '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2', 400],
  ['Probity Arabic', '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2', 700],
] as const;

/** Fonts travel inside the HTML as data: URIs, so every machine prints Latin, Cyrillic and Arabic alike. */
function fontFaces(): string {
  return FONT_FILES.map(([family, file, weight]) => {
    const data = readFileSync(require.resolve(file)).toString('base64');
    return `@font-face { font-family: '${family}'; font-weight: ${weight}; src: url(data:font/woff2;base64,${data}) format('woff2'); }`;
  }).join('\n');
}

/**
 * Dossier HTML from a private Handlebars instance: only our partials and helpers exist, and every
 * value is escaped except the SVG charts and font faces this code generates itself (provider names
 * inside charts are escaped by the chart functions).
 */
export function createDossierTemplate(): (snapshot: DossierSnapshot, meta: DossierMeta) => string {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const root = join(templatesDir(), 'dossier');
  for (const file of readdirSync(join(root, 'partials'))) {
    if (file.endsWith('.hbs'))
      handlebars.registerPartial(basename(file, '.hbs'), readFileSync(join(root, 'partials', file), 'utf8'));
  }
  const template = handlebars.compile(readFileSync(join(root, 'dossier.hbs'), 'utf8'), {
    strict: false,
    knownHelpersOnly: false,
  });
  const fonts = fontFaces();
  return (snapshot, meta) => template({ ...dossierView(snapshot, meta), fontFaces: fonts });
}

export interface RenderedDossier {
  html: string;
  pdf: Buffer;
}

@Injectable()
export class DossierRenderer {
  private readonly template = createDossierTemplate();

  constructor(private readonly browsers: BrowserPool) {}

  async render(snapshot: DossierSnapshot, meta: DossierMeta): Promise<RenderedDossier> {
    const html = this.template(snapshot, meta);
    const reference = Handlebars.escapeExpression(snapshot.case.reference);
    const printed = await this.browsers.renderPdf(html, {
      title: `Evaluation dossier ${snapshot.case.reference}`,
      headerHtml: `<div style="font-size:7pt;width:100%;padding:0 16mm;color:#4a5360;font-family:sans-serif">${reference} · evaluation dossier v${meta.version} · ${meta.status}</div>`,
      footerHtml: `<div style="font-size:7pt;width:100%;text-align:center;color:#4a5360;font-family:sans-serif">page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
    });
    return { html, pdf: await withMetadata(printed, snapshot, meta) };
  }
}

/** Author, subject and keywords for document managers; Chromium only sets the title. */
export async function withMetadata(pdf: Buffer, snapshot: DossierSnapshot, meta: DossierMeta): Promise<Buffer> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(`Evaluation dossier — ${snapshot.case.title}`, { showInWindowTitleBar: true });
  document.setAuthor(snapshot.agencyName);
  document.setSubject(
    `Tender evaluation dossier for case ${snapshot.case.reference}, version ${meta.version} (${meta.status})`,
  );
  document.setKeywords([
    'Probity',
    'evaluation dossier',
    snapshot.case.reference,
    `version ${meta.version}`,
    `snapshot ${meta.snapshotHash}`,
  ]);
  document.setProducer('Probity');
  document.setCreator('Probity dossier renderer (Chromium)');
  return Buffer.from(await document.save({ useObjectStreams: false }));
}
