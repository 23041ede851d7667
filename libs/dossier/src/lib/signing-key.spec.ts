import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signStatement, SignedStatement, verifyStatement } from '../model/signature';
import { loadOrCreateSigningKey } from './signing-key';

describe('loadOrCreateSigningKey', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'probity-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates an Ed25519 key readable only by its owner, and loads the same key afterwards', () => {
    const path = join(dir, 'keys', 'nested', 'signing.pem');
    const created = loadOrCreateSigningKey(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(created.privateKey.asymmetricKeyType).toBe('ed25519');
    const loaded = loadOrCreateSigningKey(path);
    expect(loaded.keyId).toBe(created.keyId);
    expect(loaded.publicKeyPem).toBe(created.publicKeyPem);
    expect(readFileSync(path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);

    const statement = { issuer: 'Probity', caseId: 'c', caseReference: 'r', version: 1 } as unknown as SignedStatement;
    expect(verifyStatement(statement, signStatement(statement, loaded.privateKey), created.publicKey)).toBe(true);
  });

  it('refuses a key file that holds another kind of key', () => {
    const path = join(dir, 'rsa.pem');
    writeFileSync(
      path,
      generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    expect(() => loadOrCreateSigningKey(path)).toThrow(/expected an Ed25519 key/);
  });
});
