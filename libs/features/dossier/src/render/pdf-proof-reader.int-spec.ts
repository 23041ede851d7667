import { createHash } from 'node:crypto';
import { PdfProofReader, PdfReaderBusyError, UnreadablePdfError } from './pdf-proof-reader';

/** Parsed for seconds in one go by pdf-lib: one array of millions of numbers. */
const slowJunk = Buffer.from(`%PDF-1.7\n1 0 obj\n[${'1 '.repeat(2_000_000)}]\nendobj\n`);

/**
 * An integration spec, not a unit one: every read starts a worker thread, and the junk PDF keeps a core busy
 * for seconds. The limits are generous because only their effect is asserted, not how fast a loaded
 * machine reaches it.
 */
describe('reading a PDF proof in a worker thread', () => {
  it('returns the SHA-256 and no signature for a PDF that carries none', async () => {
    const pdf = Buffer.from('%PDF-1.7 nothing else');
    const proof = await new PdfProofReader().read(pdf);
    expect(proof).toEqual({ pdfSha256: createHash('sha256').update(pdf).digest('hex'), pades: null, embedded: null });
  });

  it('stops a parse that outlasts the time limit', async () => {
    const reader = new PdfProofReader({ timeoutMs: 100, maxHeapMb: 256, maxConcurrent: 1, maxWaiting: 1 });
    await expect(reader.read(slowJunk)).rejects.toThrow(UnreadablePdfError);
  });

  it('turns uploads away once every parse slot and waiting place is taken, and serves the next ones', async () => {
    const reader = new PdfProofReader({ timeoutMs: 10_000, maxHeapMb: 256, maxConcurrent: 1, maxWaiting: 0 });
    // The slot is taken when `read` is called, so the second upload is turned away however fast the
    // first parse turns out to be on this machine (it may finish or hit the time limit).
    const first = reader.read(slowJunk);
    await expect(reader.read(slowJunk)).rejects.toThrow(PdfReaderBusyError);
    await first.catch((error: unknown) => expect(error).toBeInstanceOf(UnreadablePdfError));
    await expect(reader.read(Buffer.from('%PDF-1.7'))).resolves.toMatchObject({ embedded: null });
  });
});
