import {
  AFRelationship,
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import type { AwardAnswers, AwardMethod, AwardRecord, AwardResults } from '../reproducible/award-record';

/** The embedded files of a dossier and what each holds; names are part of the contract with `recompute`. */
export const AWARD_ATTACHMENTS = {
  method: {
    name: 'method.json',
    relationship: AFRelationship.Source,
    description: 'The published evaluation method (questionnaire, weights, amendments) and its published hash',
  },
  answers: {
    name: 'answers.json',
    relationship: AFRelationship.Data,
    description: "Every provider's answers, evidence counts, price and the panel's scores",
  },
  results: {
    name: 'results.json',
    relationship: AFRelationship.Data,
    description: 'The computed score sheets, knock-outs, ranks and sensitivity analysis',
  },
} as const;

/**
 * Embeds the award record as PDF file attachments (associated files of the document, PDF/A-3 style),
 * so the signed dossier alone is enough to recompute the award. Called on the printed bytes, before
 * metadata and signing; the dates are the render's, so one render gives one set of bytes.
 */
export async function withAwardAttachments(pdf: Uint8Array, record: AwardRecord, at: Date): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  await attachAwardRecord(document, record, at);
  return document.save({ useObjectStreams: false });
}

/** The same on a document already loaded, so the renderer parses and writes a big dossier once. */
export async function attachAwardRecord(document: PDFDocument, record: AwardRecord, at: Date): Promise<void> {
  for (const key of ['method', 'answers', 'results'] as const) {
    const attachment = AWARD_ATTACHMENTS[key];
    await document.attach(Buffer.from(JSON.stringify(record[key], null, 2), 'utf8'), attachment.name, {
      mimeType: 'application/json',
      description: attachment.description,
      creationDate: at,
      modificationDate: at,
      afRelationship: attachment.relationship,
    });
  }
}

/** Every embedded file of a PDF by name (the document's EmbeddedFiles name tree, flat or nested). */
export async function embeddedFiles(pdf: Uint8Array): Promise<Map<string, Buffer>> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const files = new Map<string, Buffer>();
  const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const visit = (node: PDFDict) => {
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
      const name = pairs.lookup(i);
      const spec = pairs.lookup(i + 1, PDFDict);
      const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
      if (!(stream instanceof PDFRawStream)) continue;
      const text = name instanceof PDFHexString || name instanceof PDFString ? name.decodeText() : String(name);
      files.set(text, Buffer.from(decodePDFRawStream(stream).decode()));
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) visit(kids.lookup(i, PDFDict));
  };
  if (tree) visit(tree);
  return files;
}

/** The award record a dossier embeds; throws naming the missing file when one is absent. */
export async function readAwardRecord(pdf: Uint8Array): Promise<AwardRecord> {
  const files = await embeddedFiles(pdf);
  const read = <T>(name: string): T => {
    const bytes = files.get(name);
    if (!bytes) throw new Error(`The PDF has no embedded ${name}: it is not a dossier with a reproducible award.`);
    return JSON.parse(bytes.toString('utf8')) as T;
  };
  return {
    method: read<AwardMethod>(AWARD_ATTACHMENTS.method.name),
    answers: read<AwardAnswers>(AWARD_ATTACHMENTS.answers.name),
    results: read<AwardResults>(AWARD_ATTACHMENTS.results.name),
  };
}
