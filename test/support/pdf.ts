import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';

const run = promisify(execFile);

/** Reads a binary response body (a PDF) as a Buffer: supertest's `.parse(binary)`. */
export function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** GETs a PDF as the given member of staff (200 expected) and returns the response, its body a Buffer. */
export function getPdf(
  server: Parameters<typeof request>[0],
  path: string,
  headers: Record<string, string>,
): Promise<request.Response & { body: Buffer }> {
  return request(server).get(path).set(headers).buffer(true).parse(binary).expect(200);
}

/** The text of every page of a PDF as poppler's pdftotext reads it (`layout` keeps the columns). */
export async function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'probity-pdf-text-'));
  try {
    await writeFile(join(dir, 'document.pdf'), pdf);
    const args = [...(options.layout ? ['-layout'] : []), join(dir, 'document.pdf'), '-'];
    const { stdout } = await run('pdftotext', args, { maxBuffer: 64 << 20 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
