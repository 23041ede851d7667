import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A one-page PDF carrying the demo evidence text, so uploads pass the same content check as real ones. */
export async function demoEvidencePdf(title: string, text: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.setTitle(title);
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595, 842]);
  page.drawText(title.replace(/[^\x20-\x7e]/g, '?'), { x: 56, y: 780, size: 16, font });
  page.drawText(text.replace(/[^\x20-\x7e]/g, '?'), { x: 56, y: 750, size: 11, font, maxWidth: 480, lineHeight: 15 });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}
