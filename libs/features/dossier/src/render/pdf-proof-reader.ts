import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PdfProof, WORKER_ROLE } from './pdf-proof';

export interface PdfProofLimits {
  /** A real dossier reads in well under a second; junk built to be slow is stopped here. */
  timeoutMs: number;
  /** Heap of one worker: a parse that needs more is stopped instead of growing the process. */
  maxHeapMb: number;
  /** Parses at once; the rest of the cores stay for the HTTP process and the database. */
  maxConcurrent: number;
  /** Uploads waiting for a parse (each holds its bytes in memory); more are turned away. */
  maxWaiting: number;
}

export const DEFAULT_PDF_PROOF_LIMITS: PdfProofLimits = {
  timeoutMs: 15_000,
  maxHeapMb: 512,
  maxConcurrent: Math.max(1, availableParallelism() - 1),
  maxWaiting: 8,
};

/** The PDF could not be read within the limits (too slow, too large a structure, or damaged). */
export class UnreadablePdfError extends Error {}

/** Every parse slot and waiting place is taken: the caller should retry shortly. */
export class PdfReaderBusyError extends Error {}

/**
 * Reads a PDF's SHA-256 and checks its signature in a worker thread, one fresh worker per file, so
 * parsing an uploaded file (seconds of CPU for crafted junk) never stalls the event loop that
 * answers every other request. A worker over its time or heap limit is terminated.
 */
export class PdfProofReader {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: PdfProofLimits = DEFAULT_PDF_PROOF_LIMITS) {}

  /** `trustAnchors`: DER certificates a PAdES signature must chain to. */
  async read(pdf: Uint8Array, trustAnchors: Uint8Array[] = []): Promise<PdfProof> {
    await this.acquire();
    try {
      return await this.readInWorker(pdf, trustAnchors);
    } finally {
      this.release();
    }
  }

  private readInWorker(pdf: Uint8Array, trustAnchors: Uint8Array[]): Promise<PdfProof> {
    return new Promise<PdfProof>((resolve, reject) => {
      const worker = new Worker(join(__dirname, 'pdf-proof.js'), {
        workerData: { role: WORKER_ROLE, pdf, trustAnchors },
        resourceLimits: { maxOldGenerationSizeMb: this.limits.maxHeapMb },
      });
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        outcome();
      };
      const timer = setTimeout(
        () =>
          settle(() =>
            reject(new UnreadablePdfError(`The PDF could not be read within ${this.limits.timeoutMs / 1000} seconds.`)),
          ),
        this.limits.timeoutMs,
      );
      worker.once('message', (message: { proof?: PdfProof; error?: string }) =>
        settle(() =>
          message.proof ? resolve(message.proof) : reject(new UnreadablePdfError('The PDF could not be read.')),
        ),
      );
      // Out of heap (ERR_WORKER_OUT_OF_MEMORY) or any other failure inside the worker.
      worker.once('error', () => settle(() => reject(new UnreadablePdfError('The PDF is too complex to read.'))));
      worker.once('exit', () => settle(() => reject(new UnreadablePdfError('The PDF could not be read.'))));
    });
  }

  private acquire(): Promise<void> {
    if (this.running < this.limits.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.maxWaiting)
      return Promise.reject(new PdfReaderBusyError('Probity is reading other PDFs; try again in a few seconds.'));
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
