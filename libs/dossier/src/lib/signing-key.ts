import { Injectable, Logger } from '@nestjs/common';
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppConfig } from '@probity/config';
import { ed25519PrivateKey, keyId, publicKeyOf } from '../model/signature';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
}

/**
 * Reads the Ed25519 key at `path`, or creates one there (mode 0600) when none exists yet. Creation
 * uses an exclusive open, so two processes starting together end up with the same key.
 */
export function loadOrCreateSigningKey(path: string): SigningKey {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
    }
    pem = readFileSync(path, 'utf8');
  }
  const privateKey = ed25519PrivateKey(pem);
  const publicKey = publicKeyOf(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyId(publicKey),
  };
}

/**
 * The key that signs dossiers: DOSSIER_SIGNING_KEY_FILE when set, otherwise a key generated once
 * under DATA_DIR/keys/. Loaded on first use, so processes that never sign never touch it.
 */
@Injectable()
export class DossierSigningKey {
  private readonly logger = new Logger(DossierSigningKey.name);
  private key?: SigningKey;

  constructor(private readonly config: AppConfig) {}

  get(): SigningKey {
    if (!this.key) {
      const path =
        this.config.dossierSigningKeyFile ?? join(this.config.dataDir, 'keys', 'dossier-signing-ed25519.pem');
      this.key = loadOrCreateSigningKey(path);
      if (!this.config.dossierSigningKeyFile && this.config.mode === 'services')
        this.logger.warn(
          { path },
          'signing dossiers with a key generated under DATA_DIR; set DOSSIER_SIGNING_KEY_FILE',
        );
    }
    return this.key;
  }
}
