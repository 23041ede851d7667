import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@probity/config';
import { DossierSeal } from './dossier-seal';
import { padesVerification } from './pades-verification';
import { verifyPades } from './pades-verifier';
import { sealPdf } from './pdf-seal';
import { certificatesInPem, pemOfCertificate } from './seal-credentials';
import { aLocalSeal, anAgencyP12, aPdf, approvalsFor, scratchDir } from './testing/seal-fixtures';
import { pdfsig } from './testing/pdfsig';
import { startRfc3161Responder } from './testing/rfc3161-responder';
import { rfc3161Timestamps } from './timestamp-client';

/** pdfsig prints the signing time in local time as "Dec 03 2026 13:21:45"; it runs with TZ=UTC. */
const pdfsigTime = (date: Date) =>
  `${date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${String(date.getUTCDate()).padStart(2, '0')} ${date.getUTCFullYear()} ${date.toISOString().slice(11, 19)}`;

/** An incremental update as any PDF editor appends it: one new object, an xref section, a trailer with /Prev. */
function withIncrementalUpdate(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const previous = [...text.matchAll(/startxref\s+(\d+)/g)].pop()?.[1];
  const root = /\/Root (\d+ \d+ R)/.exec(text)?.[1];
  const size = Number([...text.matchAll(/\/Size (\d+)/g)].pop()?.[1]);
  const object = `${size} 0 obj\n<< /Producer (an editor) >>\nendobj\n`;
  const objectOffset = pdf.length + 1;
  const xrefOffset = objectOffset + object.length;
  const update = `\n${object}xref\n${size} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${previous} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

describe('PAdES dossier seal', () => {
  const credentials = aLocalSeal();
  const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  let sealed: Buffer;

  beforeAll(async () => {
    sealed = await sealPdf(await aPdf(), {
      approvals: approvalsFor(signedAt),
      verifyUrl: 'https://probity.police.example/verify',
      credentials,
    });
  });

  it('is one valid ETSI.CAdES.detached signature over the whole file for pdfsig, naming the seal and the time', () => {
    const report = pdfsig(sealed);
    expect(report.signatureCount).toBe(1);
    expect(report.validAndTotal).toBe(true);
    expect(report.raw).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report.subject).toBe('O=National Police (example),CN=National Police (example) dossier seal');
    expect(report.signingTime).toBe(pdfsigTime(signedAt));
  });

  it('verifies cryptographically and trusted, with the reviewers\u2019 approvals read from the sealed attachment', async () => {
    const report = await verifyPades(sealed, credentials.trustAnchors);
    expect(report).toMatchObject({
      valid: true,
      signatureCount: 1,
      coversWholeFile: true,
      digestMatches: true,
      signatureVerified: true,
      certificateBound: true,
      trusted: true,
      signingTime: signedAt.toISOString(),
      timestamp: null,
    });
    const verification = padesVerification('x', report!, false);
    expect(verification).toMatchObject({ valid: true, caseReference: 'PROC-2026-0142', version: 1, storedHere: false });
    expect(verification.valid && verification.signers.map((s) => [s.name, s.decision, s.conditions])).toEqual([
      ['Dana Legal Counsel', 'approve', null],
      ['Sam Data Protection', 'approve-with-conditions', 'Publish the DPIA before go-live.'],
    ]);
  });

  it('flipping one byte in the signed range makes both pdfsig and the verifier answer not valid', async () => {
    const text = sealed.toString('latin1');
    const tampered = Buffer.from(sealed);
    const at = text.indexOf('Evaluation dossier PROC');
    tampered[at] ^= 0x01;
    expect(pdfsig(tampered).valid).toBe(false);
    const report = await verifyPades(tampered, credentials.trustAnchors);
    expect(report).toMatchObject({ valid: false, digestMatches: false });
    expect(report?.problem).toMatch(/changed after signing/);
  });

  it('an appended incremental update makes both pdfsig and the verifier answer not valid', async () => {
    const updated = withIncrementalUpdate(sealed);
    const byPdfsig = pdfsig(updated);
    expect(byPdfsig.signatureCount).toBe(1);
    expect(byPdfsig.raw).toContain('Not total document signed');
    expect(byPdfsig.validAndTotal).toBe(false);
    const report = await verifyPades(updated, credentials.trustAnchors);
    expect(report).toMatchObject({ valid: false, coversWholeFile: false, digestMatches: true });
    expect(report?.problem).toMatch(/incremental update/);
  });

  it('a signature transplanted into another PDF is not valid for pdfsig nor the verifier', async () => {
    const other = await sealPdf(await aPdf('A different document'), {
      approvals: approvalsFor(signedAt),
      verifyUrl: 'https://probity.police.example/verify',
      credentials,
    });
    const hole = (pdf: Buffer) => {
      const [, start, end] = /\/ByteRange \[0 (\d+) (\d+) \d+\]/.exec(pdf.toString('latin1'))!.map(Number);
      return { start, end };
    };
    const from = hole(sealed);
    const into = hole(other);
    const transplanted = Buffer.concat([
      other.subarray(0, into.start),
      sealed.subarray(from.start, from.end),
      other.subarray(into.end),
    ]);
    expect(transplanted.length).toBe(other.length);
    expect(pdfsig(transplanted).valid).toBe(false);
    expect(await verifyPades(transplanted, credentials.trustAnchors)).toMatchObject({
      valid: false,
      digestMatches: false,
    });
  });

  it('a sound signature by a certificate outside the trust anchors is "valid signature, untrusted signer"', async () => {
    const stranger = aLocalSeal('Someone else');
    const bySomeoneElse = await sealPdf(await aPdf(), {
      approvals: approvalsFor(signedAt),
      verifyUrl: 'https://probity.police.example/verify',
      credentials: stranger,
    });
    expect(pdfsig(bySomeoneElse).valid).toBe(true);
    const report = await verifyPades(bySomeoneElse, credentials.trustAnchors);
    expect(report).toMatchObject({ valid: false, signatureVerified: true, trusted: false });
    const verification = padesVerification('x', report!, false);
    expect(verification.valid).toBe(false);
    expect(!verification.valid && verification.reason).toMatch(/^Valid signature, untrusted signer/);
    expect(!verification.valid && verification.seal?.subject).toBe('CN=Someone else dossier seal, O=Someone else');
  });
});

describe('RFC 3161 signature timestamp (PAdES B-T)', () => {
  it('carries a timestamp from the configured authority that the verifier checks, and pdfsig still validates', async () => {
    const responder = await startRfc3161Responder();
    try {
      const credentials = aLocalSeal();
      const before = Date.now();
      const sealed = await sealPdf(await aPdf(), {
        approvals: approvalsFor(new Date()),
        verifyUrl: 'https://probity.police.example/verify',
        credentials,
        timestamp: rfc3161Timestamps(responder.url),
      });
      expect(responder.requests).toBe(1);
      expect(pdfsig(sealed).validAndTotal).toBe(true);
      const report = await verifyPades(sealed, credentials.trustAnchors);
      expect(report).toMatchObject({
        valid: true,
        timestamp: { valid: true, authority: 'CN=Test time-stamping authority' },
      });
      const time = Date.parse(report!.timestamp!.time!);
      expect(time).toBeGreaterThanOrEqual(before - 1000);
      expect(time).toBeLessThanOrEqual(Date.now() + 1000);
    } finally {
      await responder.close();
    }
  });
});

describe('DossierSeal keys and rotation', () => {
  it('seals with the agency PKCS#12 and keeps dossiers of the earlier CA verifiable through the trust anchors file', async () => {
    const dataDir = scratchDir();
    // Before: zero-setup, a local CA generated once under DATA_DIR/keys.
    const local = new DossierSeal(loadConfig({ DATA_DIR: dataDir }));
    const old = await local.seal(await aPdf(), approvalsFor(new Date()));
    expect(local.trustAnchorsPem()).toContain('BEGIN CERTIFICATE');
    const oldCa = join(scratchDir(), 'earlier-ca.pem');
    writeFileSync(oldCa, local.trustAnchorsPem());
    // After: the agency's own certificate from a PKCS#12, the earlier CA listed as still trusted.
    const agency = anAgencyP12('National Police (example)');
    const rotated = new DossierSeal(
      loadConfig({
        DATA_DIR: scratchDir(),
        DOSSIER_SIGNING_P12_FILE: agency.p12File,
        DOSSIER_SIGNING_P12_PASSPHRASE_FILE: agency.passphraseFile,
        DOSSIER_TRUST_ANCHORS_FILE: oldCa,
      }),
    );
    const fresh = await rotated.seal(await aPdf(), approvalsFor(new Date()));
    expect(pdfsig(fresh.pdf).subject).toBe('O=National Police (example),CN=National Police (example) dossier seal');
    const anchors = rotated.trustAnchors();
    expect(anchors.map(pemOfCertificate)).toEqual(
      expect.arrayContaining(
        [...certificatesInPem(agency.caPem), ...certificatesInPem(local.trustAnchorsPem())].map(pemOfCertificate),
      ),
    );
    expect(await verifyPades(fresh.pdf, anchors)).toMatchObject({ valid: true, trusted: true });
    expect(await verifyPades(old.pdf, anchors)).toMatchObject({ valid: true, trusted: true });
    // Without the earlier CA, the old dossier is still a sound signature but no longer trusted.
    const withoutOld = anchors.filter((der) => !local.trustAnchors().some((o) => o.equals(der)));
    expect(await verifyPades(old.pdf, withoutOld)).toMatchObject({
      valid: false,
      signatureVerified: true,
      trusted: false,
    });
  });
});
