import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createLocalSeal, loadOrCreateLocalSeal, SealCredentials } from '../seal-credentials';
import type { SealedApprovals } from '../sealed-approvals';

export const scratchDir = () => mkdtempSync(join(tmpdir(), 'pades-'));

/** A local CA and seal of its own, in a fresh directory. */
export const aLocalSeal = (agency = 'National Police (example)'): SealCredentials =>
  loadOrCreateLocalSeal(join(scratchDir(), 'seal.json'), { agency }).credentials;

/** A small PDF standing in for a rendered dossier. */
export async function aPdf(text = 'Evaluation dossier PROC-2026-0142'): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const page of [document.addPage(), document.addPage()]) page.drawText(text, { x: 50, y: 700, font, size: 12 });
  return document.save({ useObjectStreams: false });
}

export const approvalsFor = (signedAt: Date): SealedApprovals => ({
  issuer: 'Probity',
  caseId: '00000000-0000-4000-8000-000000000001',
  caseReference: 'PROC-2026-0142',
  caseTitle: 'Video analytics',
  version: 1,
  snapshotHash: 'a'.repeat(64),
  sealedBy: 'National Police (example)',
  signedAt: signedAt.toISOString(),
  approvals: [
    {
      name: 'Dana Legal Counsel',
      role: 'Legal counsel',
      decision: 'approve',
      conditions: null,
      decidedAt: signedAt.toISOString(),
      reviewCopySha256: 'b'.repeat(64),
    },
    {
      name: 'Sam Data Protection',
      role: 'Data protection officer',
      decision: 'approve-with-conditions',
      conditions: 'Publish the DPIA before go-live.',
      decidedAt: signedAt.toISOString(),
      reviewCopySha256: 'b'.repeat(64),
    },
  ],
});

/** An agency's PKCS#12 (seal key, seal certificate, its CA) and passphrase file, as an agency would deliver them. */
export function anAgencyP12(agency: string): { p12File: string; passphraseFile: string; caPem: string } {
  const seal = createLocalSeal({ agency });
  const bundle = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(seal.sealKeyPem),
    [forge.pki.certificateFromPem(seal.sealPem), forge.pki.certificateFromPem(seal.caPem)],
    'correct horse battery staple',
    { algorithm: 'aes256' },
  );
  const dir = scratchDir();
  const p12File = join(dir, 'seal.p12');
  const passphraseFile = join(dir, 'seal.pass');
  writeFileSync(p12File, Buffer.from(forge.asn1.toDer(bundle).getBytes(), 'binary'));
  writeFileSync(passphraseFile, 'correct horse battery staple\n', { mode: 0o600 });
  return { p12File, passphraseFile, caPem: seal.caPem };
}
