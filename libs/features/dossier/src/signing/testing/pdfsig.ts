import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfsigReport {
  signatureCount: number;
  valid: boolean;
  /** "Signature is Valid." and the signature covers the whole document. */
  validAndTotal: boolean;
  subject: string | null;
  signingTime: string | null;
  timestamp: string | null;
  raw: string;
}

/** poppler's pdfsig on these bytes, parsed: what any reader without Probity would be told. */
export function pdfsig(pdf: Uint8Array): PdfsigReport {
  const path = join(mkdtempSync(join(tmpdir(), 'pdfsig-')), 'dossier.pdf');
  writeFileSync(path, pdf);
  let raw: string;
  try {
    // -nocert: check the signature itself; trust is a separate question (this installation's own CA).
    raw = execFileSync('pdfsig', ['-nocert', path], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  } catch (error) {
    raw = String((error as { stdout?: string }).stdout ?? '');
  }
  const field = (label: string) => new RegExp(`- ${label}: (.+)`).exec(raw)?.[1]?.trim() ?? null;
  const valid = /- Signature Validation: Signature is Valid\./.test(raw);
  return {
    signatureCount: (raw.match(/^Signature #\d+:/gm) ?? []).length,
    valid,
    validAndTotal: valid && /- Total document signed/.test(raw),
    subject: field('Signer full Distinguished Name'),
    signingTime: field('Signing Time'),
    timestamp: field('Signature Timestamp') ?? field('Timestamp'),
    raw,
  };
}
