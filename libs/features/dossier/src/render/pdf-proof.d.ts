import type { PadesReport } from '../signing/pades-verifier';

/** Types of pdf-proof.js (plain CommonJS, as it is also a worker thread's script). */
export const STATEMENT_KEY: 'ProbityStatement';
export const SIGNATURE_KEY: 'ProbitySignature';
export const KEY_ID_KEY: 'ProbityKeyId';
export const WORKER_ROLE: string;

export interface ClaimedSignature {
  statement: unknown;
  signature: string;
  keyId: string;
}

export interface PdfProof {
  pdfSha256: string;
  /** The PAdES signature as checked in the worker; null when the PDF has no signature field. */
  pades: PadesReport | null;
  embedded: ClaimedSignature | null;
}

export function readEmbeddedSignature(pdf: Uint8Array): Promise<ClaimedSignature | null>;
export function readPdfProof(pdf: Uint8Array, trustAnchors?: Uint8Array[]): Promise<PdfProof>;
