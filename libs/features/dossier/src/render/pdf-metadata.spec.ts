import { PDFDocument } from 'pdf-lib';
import { readEmbeddedSignature, withMetadata } from './pdf-metadata';
import type { SignedStatement } from '../model/signature';

const statement: SignedStatement = {
  issuer: 'Probity',
  caseId: '00000000-0000-4000-8000-0000000000ca',
  caseReference: 'PROC-2026-0142 «Ж»',
  version: 1,
  snapshotHash: 'a'.repeat(64),
  reviewedPdfSha256: 'b'.repeat(64),
  signers: [{ name: 'Ł. Reviewer (شركة)', role: 'Legal', decision: 'approve', decidedAt: '2026-12-03T08:30:00.000Z' }],
  signedAt: '2026-12-03T10:00:00.000Z',
};
const metadata = { title: 'Evaluation dossier', author: 'Agency', subject: 'Subject', keywords: ['Probity', 'v1'] };

async function chromiumSizedPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([595.92, 841.92]);
  document.addPage([300, 300]);
  return document.save();
}

describe('PDF metadata', () => {
  it('sets the document information and snaps Chromium’s A4 to ISO A4, leaving other sizes alone', async () => {
    const pdf = await withMetadata(await chromiumSizedPdf(), metadata);
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(document.getTitle()).toBe('Evaluation dossier');
    expect(document.getAuthor()).toBe('Agency');
    expect(document.getSubject()).toBe('Subject');
    expect(document.getKeywords()).toBe('Probity v1');
    expect(document.getProducer()).toBe('Probity');
    const [a4, other] = document.getPages().map((page) => page.getMediaBox());
    expect([a4.width, a4.height]).toEqual([595.28, 841.89]);
    expect([other.width, other.height]).toEqual([300, 300]);
    expect(await readEmbeddedSignature(pdf)).toBeNull();
  });

  it('embeds a signed statement that reads back exactly, non-Latin text included', async () => {
    const pdf = await withMetadata(await chromiumSizedPdf(), metadata, {
      statement,
      signature: 'c2lnbmF0dXJl+/==',
      keyId: '0123456789abcdef',
    });
    expect(await readEmbeddedSignature(pdf)).toEqual({
      statement,
      signature: 'c2lnbmF0dXJl+/==',
      keyId: '0123456789abcdef',
    });
  });

  it('reads nothing from bytes that are not a PDF', async () => {
    expect(await readEmbeddedSignature(Buffer.from('%PDF-1.7 but nothing else'))).toBeNull();
    expect(await readEmbeddedSignature(Buffer.from('not a pdf'))).toBeNull();
  });
});
