import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { SignedStatement } from '../model/signature';
import { KEY_ID_KEY, SIGNATURE_KEY, STATEMENT_KEY } from './pdf-proof';

const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;

export interface DocumentMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
}

// Reading the proof back is in pdf-proof.js, which also runs in a worker thread for verification.
export { KEY_ID_KEY, readEmbeddedSignature, SIGNATURE_KEY, STATEMENT_KEY } from './pdf-proof';

export interface EmbeddedSignature {
  statement: SignedStatement;
  signature: string;
  keyId: string;
}

/**
 * Sets title, author, subject and keywords (Chromium only writes the title) and, for a signed
 * dossier, the signed statement. pdf-lib rewrites the file without object streams and keeps the
 * catalog's StructTreeRoot, MarkInfo and Outlines: the PDF stays tagged with its bookmarks (the
 * rendering tests check both with pdfinfo and by reading the catalog back).
 */
export async function withMetadata(
  pdf: Uint8Array,
  metadata: DocumentMetadata,
  signature?: EmbeddedSignature,
  /** Further edits in the same pass (the award attachments): a big PDF is parsed and written once. */
  edit?: (document: PDFDocument) => Promise<void>,
): Promise<Buffer> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  await edit?.(document);
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  document.setKeywords(metadata.keywords);
  // Chromium prints A4 as 595.92 × 841.92 pt (its own rounding); ISO 216 A4 is 595.28 × 841.89 pt.
  for (const page of document.getPages()) {
    const { width, height } = page.getMediaBox();
    if (Math.abs(width - A4_WIDTH) < 1 && Math.abs(height - A4_HEIGHT) < 1) page.setMediaBox(0, 0, A4_WIDTH, A4_HEIGHT);
  }
  document.setProducer('Probity');
  document.setCreator('Probity dossier renderer (Chromium)');
  if (signature) {
    const info = infoDictionary(document);
    info.set(PDFName.of(STATEMENT_KEY), PDFHexString.fromText(JSON.stringify(signature.statement)));
    info.set(PDFName.of(SIGNATURE_KEY), PDFString.of(signature.signature));
    info.set(PDFName.of(KEY_ID_KEY), PDFString.of(signature.keyId));
  }
  // A view on the saved bytes, not a copy of them: a 25-provider dossier is over 10 MB.
  const saved = await document.save({ useObjectStreams: false });
  return Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength);
}

/** The trailer's /Info dictionary (pdf-lib keeps its own accessor private). */
function infoDictionary(document: PDFDocument): PDFDict {
  const existing = document.context.lookup(document.context.trailerInfo.Info);
  if (existing instanceof PDFDict) return existing;
  const created = document.context.obj({});
  document.context.trailerInfo.Info = document.context.register(created);
  return created;
}
