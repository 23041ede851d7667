import { generateKeyPairSync } from 'node:crypto';
import {
  ed25519PrivateKey,
  isSignedStatement,
  keyId,
  publicKeyOf,
  SignedStatement,
  signStatement,
  statementBytes,
  verifyStatement,
} from './signature';

const statement: SignedStatement = {
  issuer: 'Probity',
  caseId: '00000000-0000-4000-8000-0000000000ca',
  caseReference: 'PROC-2026-0142',
  version: 2,
  snapshotHash: 'a'.repeat(64),
  reviewedPdfSha256: 'b'.repeat(64),
  signers: [
    { name: 'L. Reviewer', role: 'Legal', decision: 'approve', decidedAt: '2026-12-03T08:30:00.000Z' },
    {
      name: 'P. Officer',
      role: 'Procurement',
      decision: 'approve-with-conditions',
      decidedAt: '2026-12-03T09:00:00.000Z',
    },
  ],
  signedAt: '2026-12-03T10:00:00.000Z',
};

describe('signed statements (Ed25519)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signature = signStatement(statement, privateKey);

  it('verifies a statement signed with the matching key, whatever the key order of the object', () => {
    expect(verifyStatement(statement, signature, publicKey)).toBe(true);
    const reordered = Object.fromEntries(Object.entries(statement).reverse()) as unknown as SignedStatement;
    expect(verifyStatement(reordered, signature, publicKey)).toBe(true);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
  });

  it('refuses a statement with any field changed', () => {
    const changes: Array<Partial<SignedStatement>> = [
      { caseId: '00000000-0000-4000-8000-0000000000cb' },
      { caseReference: 'PROC-2026-0143' },
      { version: 3 },
      { snapshotHash: 'a'.repeat(63) + 'b' },
      { reviewedPdfSha256: 'c'.repeat(64) },
      { signedAt: '2026-12-03T10:00:01.000Z' },
      { signers: statement.signers.slice(0, 1) },
      { signers: [{ ...statement.signers[0], decision: 'request-changes' }, statement.signers[1]] },
      { signers: [...statement.signers].reverse() },
    ];
    for (const change of changes)
      expect(verifyStatement({ ...statement, ...change }, signature, publicKey)).toBe(false);
    const extra = { ...statement, note: 'added later' } as SignedStatement;
    expect(verifyStatement(extra, signature, publicKey)).toBe(false);
  });

  it('refuses a signature with any byte or character changed', () => {
    const bytes = Buffer.from(signature, 'base64');
    for (let index = 0; index < bytes.length; index++) {
      const flipped = Buffer.from(bytes);
      flipped[index] ^= 0x01;
      expect(verifyStatement(statement, flipped.toString('base64'), publicKey)).toBe(false);
    }
    // Every other spelling of the signature text is refused too, even those that decode to the same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (let index = 0; index < signature.length; index++) {
      const other = alphabet[(alphabet.indexOf(signature[index]) + 1) % 64];
      const changed = signature.slice(0, index) + other + signature.slice(index + 1);
      expect(verifyStatement(statement, changed, publicKey)).toBe(false);
    }
    expect(verifyStatement(statement, `${signature}\n`, publicKey)).toBe(false);
    expect(verifyStatement(statement, '', publicKey)).toBe(false);
    expect(verifyStatement(statement, 'not base64 at all!', publicKey)).toBe(false);
  });

  it('refuses a signature checked with another key', () => {
    const other = generateKeyPairSync('ed25519');
    expect(verifyStatement(statement, signature, other.publicKey)).toBe(false);
    expect(verifyStatement(statement, signStatement(statement, other.privateKey), publicKey)).toBe(false);
  });

  it('signs the canonical JSON: sorted keys, no whitespace', () => {
    const text = statementBytes(statement).toString('utf8');
    expect(text.startsWith('{"caseId":')).toBe(true);
    expect(text).not.toMatch(/\s"|":\s/);
  });

  it('names a key by the SHA-256 of its public key and reads back only Ed25519 PEM keys', () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const read = ed25519PrivateKey(pem);
    expect(keyId(publicKeyOf(read))).toBe(keyId(publicKey));
    expect(keyId(publicKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyId(generateKeyPairSync('ed25519').publicKey)).not.toBe(keyId(publicKey));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => ed25519PrivateKey(rsa.toString())).toThrow(/expected an Ed25519 key, got rsa/);
  });

  it('recognises the shape of a statement read back from an untrusted PDF', () => {
    expect(isSignedStatement(JSON.parse(JSON.stringify(statement)))).toBe(true);
    expect(isSignedStatement(null)).toBe(false);
    expect(isSignedStatement('statement')).toBe(false);
    expect(isSignedStatement({ ...statement, issuer: 'Someone else' })).toBe(false);
    expect(isSignedStatement({ ...statement, version: '2' })).toBe(false);
    expect(isSignedStatement({ ...statement, signers: 'everyone' })).toBe(false);
    expect(isSignedStatement({ ...statement, signers: [{ name: 'X' }] })).toBe(false);
    expect(isSignedStatement({ ...statement, signers: [null] })).toBe(false);
  });
});
