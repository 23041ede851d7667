'use strict';
/**
 * What verification needs from an uploaded PDF: its SHA-256, its PAdES signature, and the statement
 * Probity signed into the document information of dossiers sealed before PAdES. Plain CommonJS, not TypeScript, because it is also the script of
 * the worker thread that does this work off the event loop (pdf-proof-reader.ts): a worker loads
 * its file with Node's own loader, in the built application and under Jest alike.
 */
const { createHash } = require('node:crypto');
const { isMainThread, parentPort, workerData } = require('node:worker_threads');
const { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } = require('pdf-lib');

/** Custom document-information keys that carry a signed dossier's own proof. */
const STATEMENT_KEY = 'ProbityStatement';
const SIGNATURE_KEY = 'ProbitySignature';
const KEY_ID_KEY = 'ProbityKeyId';
/** workerData that marks this file as running as the proof worker, not merely required. */
const WORKER_ROLE = 'probity-pdf-proof';

/** The statement and signature a PDF claims to carry, or null when it carries none (or is unreadable). */
async function readEmbeddedSignature(pdf) {
  let document;
  try {
    document = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return null;
  }
  const info = document.context.lookup(document.context.trailerInfo.Info);
  if (!(info instanceof PDFDict)) return null;
  const text = (key) => {
    const value = info.lookup(PDFName.of(key));
    return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : null;
  };
  const statement = text(STATEMENT_KEY);
  const signature = text(SIGNATURE_KEY);
  const keyId = text(KEY_ID_KEY);
  if (statement === null || signature === null || keyId === null) return null;
  try {
    return { statement: JSON.parse(statement), signature, keyId };
  } catch {
    return null;
  }
}

/**
 * The PDF's SHA-256, its PAdES signature checked against the trust anchors (DER certificates), and
 * the Ed25519 statement of a dossier signed before PAdES, if any.
 */
async function readPdfProof(pdf, trustAnchors = []) {
  // The signature checker (pkijs) loads only for a file with a signature field: most uploads have none.
  const signedField = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).includes('/ByteRange');
  const pades = signedField ? await require('../signing/pades-verifier').verifyPades(pdf, trustAnchors) : null;
  // A PAdES dossier has no Ed25519 statement: the second parse is only for dossiers signed before.
  return {
    pdfSha256: createHash('sha256').update(pdf).digest('hex'),
    pades,
    embedded: pades ? null : await readEmbeddedSignature(pdf),
  };
}

if (!isMainThread && workerData && workerData.role === WORKER_ROLE) {
  readPdfProof(
    new Uint8Array(workerData.pdf),
    (workerData.trustAnchors || []).map((der) => new Uint8Array(der)),
  ).then(
    (proof) => parentPort.postMessage({ proof }),
    (error) => parentPort.postMessage({ error: String(error && error.message ? error.message : error) }),
  );
}

module.exports = { KEY_ID_KEY, SIGNATURE_KEY, STATEMENT_KEY, WORKER_ROLE, readEmbeddedSignature, readPdfProof };
