import {
  beginText,
  endText,
  fill,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFFont,
  PDFName,
  PDFOperator,
  PDFPage,
  rectangle,
  rgb,
  setFillingColor,
  setFontAndSize,
  setLineWidth,
  setStrokingColor,
  showText,
  StandardFonts,
  stroke,
  moveText,
} from 'pdf-lib';

const FONT_SIZE = 7.5;
const LEADING = 9.5;
const PADDING = 5;

/** Helvetica speaks WinAnsi only: other characters are shown as "?" (the page text has them all). */
function printable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text].map((character) => (supported.has(character.codePointAt(0) ?? 0) ? character : '?')).join('');
}

function wrapped(font: PDFFont, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, FONT_SIZE) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Gives the page's signature widget (the last annotation, just added) a visible appearance: a thin
 * frame and the seal's statement, so a printout shows who sealed the dossier and on whose approval.
 */
export async function drawSealAppearance(
  document: PDFDocument,
  page: PDFPage,
  rect: number[],
  statements: string[],
): Promise<void> {
  const font = await document.embedFont(StandardFonts.Helvetica);
  const width = rect[2] - rect[0];
  const height = rect[3] - rect[1];
  const lines = statements.flatMap((statement) => wrapped(font, printable(font, statement), width - 2 * PADDING));
  const operators: PDFOperator[] = [
    // Opaque: the page's own copy of the statement (for text extraction) lies underneath.
    setFillingColor(rgb(1, 1, 1)),
    rectangle(0, 0, width, height),
    fill(),
    setStrokingColor(rgb(0.1, 0.3, 0.5)),
    setLineWidth(0.8),
    rectangle(0.4, 0.4, width - 0.8, height - 0.8),
    stroke(),
    setFillingColor(rgb(0.1, 0.12, 0.14)),
    beginText(),
    setFontAndSize('F1', FONT_SIZE),
    moveText(PADDING, height - PADDING - FONT_SIZE),
  ];
  lines.forEach((line, index) => {
    if (index > 0) operators.push(moveText(0, -LEADING));
    operators.push(showText(font.encodeText(line)));
  });
  operators.push(endText());
  const appearance = document.context.formXObject(operators, {
    BBox: [0, 0, width, height],
    Resources: { Font: { F1: font.ref } },
  });
  const annotations = page.node.lookup(PDFName.of('Annots'), PDFArray);
  const widget = annotations.lookup(annotations.size() - 1, PDFDict);
  widget.set(PDFName.of('AP'), document.context.obj({ N: document.context.register(appearance) }));
}
