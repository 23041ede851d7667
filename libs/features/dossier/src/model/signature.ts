import { createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '@probity/questionnaires';

/** What Probity signs when a dossier is signed off: the statement a verifier checks. */
export interface SignedStatement {
  issuer: 'Probity';
  caseId: string;
  caseReference: string;
  version: number;
  /** Content hash of the dossier input the version was rendered from. */
  snapshotHash: string;
  /** SHA-256 of the review copy every signer approved. */
  reviewedPdfSha256: string;
  signers: Array<{ name: string; role: string; decision: string; decidedAt: string }>;
  signedAt: string;
}

/** The canonical bytes of a statement: sorted keys, no whitespace. */
export function statementBytes(statement: SignedStatement): Buffer {
  return Buffer.from(canonicalJson(statement), 'utf8');
}

export function signStatement(statement: SignedStatement, privateKey: KeyObject): string {
  return sign(null, statementBytes(statement), privateKey).toString('base64');
}

export function verifyStatement(statement: SignedStatement, signature: string, publicKey: KeyObject): boolean {
  // Node's base64 decoder skips stray characters and ignores the unused bits of the last digit, so
  // several strings decode to one signature: only the canonical spelling of a signature is accepted.
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.toString('base64') !== signature) return false;
  try {
    return verify(null, statementBytes(statement), publicKey, bytes);
  } catch {
    return false;
  }
}

/** Short, stable name of a public key: the first 16 hex digits of the SHA-256 of its DER form. */
export function keyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** Reads an Ed25519 private key from PEM (PKCS#8) and refuses any other kind of key. */
export function ed25519PrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

export function publicKeyOf(privateKey: KeyObject): KeyObject {
  return createPublicKey(privateKey);
}

/** A structural check of a statement read back from an untrusted PDF. */
export function isSignedStatement(value: unknown): value is SignedStatement {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    s['issuer'] === 'Probity' &&
    typeof s['caseId'] === 'string' &&
    typeof s['caseReference'] === 'string' &&
    typeof s['version'] === 'number' &&
    typeof s['snapshotHash'] === 'string' &&
    typeof s['reviewedPdfSha256'] === 'string' &&
    typeof s['signedAt'] === 'string' &&
    Array.isArray(s['signers']) &&
    s['signers'].every(
      (signer: unknown) =>
        typeof signer === 'object' &&
        signer !== null &&
        ['name', 'role', 'decision', 'decidedAt'].every(
          (key) => typeof (signer as Record<string, unknown>)[key] === 'string',
        ),
    )
  );
}
