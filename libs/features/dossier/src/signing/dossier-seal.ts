import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppConfig } from '@probity/config';
import type { TimestampSource } from './cades-signer';
import { sealPdf } from './pdf-seal';
import type { SealedApprovals } from './sealed-approvals';
import {
  certificateId,
  certificatesInPem,
  loadOrCreateLocalSeal,
  pemOfCertificate,
  readPkcs12,
  SealCredentials,
} from './seal-credentials';
import { rfc3161Timestamps } from './timestamp-client';

/** Where the seal CA's certificate is published for readers who choose to trust it. */
export const CA_CERTIFICATE_PATH = '/verify/ca.pem';

function localSealPath(config: AppConfig): string {
  return join(config.dataDir, 'keys', 'dossier-seal-local.json');
}

/**
 * The configured seal: the agency's PKCS#12, or the local one (created on first use). Every api and
 * worker process must load the same one, which start-up checks through `sealFingerprint`.
 */
export function loadSealCredentials(config: AppConfig): {
  credentials: SealCredentials;
  source: 'pkcs12' | 'local' | 'local, created';
} {
  const { dossierSigningP12File: p12File, dossierSigningP12PassphraseFile: passphraseFile } = config;
  if (p12File && passphraseFile) {
    // One trailing newline is what `echo` and editors add; the passphrase itself never reaches a log.
    const passphrase = readFileSync(passphraseFile, 'utf8').replace(/\r?\n$/, '');
    return { credentials: readPkcs12(readFileSync(p12File), passphrase), source: 'pkcs12' };
  }
  const host = new URL(config.publicBaseUrl).host;
  const { credentials, created } = loadOrCreateLocalSeal(localSealPath(config), { agency: `Probity at ${host}` });
  return { credentials, source: created ? 'local, created' : 'local' };
}

/**
 * Names the DATA_DIR whose generated seal a process uses, created once (exclusively) beside it. It is
 * what start-up compares when there is no PKCS#12: cheap, where generating the seal's RSA keys at
 * every first start would cost seconds, and equal exactly when processes share the directory.
 */
function localSealDirectoryId(config: AppConfig): string {
  const path = join(config.dataDir, 'keys', 'dossier-seal-local.id');
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, randomUUID(), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8').trim();
}

/**
 * The seal as a secret every api and worker process must share: the worker seals, the api verifies
 * and publishes the CA, so a process with a seal of its own makes dossiers nobody else can check.
 * With a PKCS#12 its certificate is compared; without, the DATA_DIR holding the generated seal.
 */
export function sealSharedSecret(config: AppConfig) {
  const fingerprint = config.dossierSigningP12File
    ? createHash('sha256').update(loadSealCredentials(config).credentials.certificate).digest('hex')
    : createHash('sha256')
        .update(`local seal in ${localSealDirectoryId(config)}`)
        .digest('hex');
  return {
    variable: 'DOSSIER_SIGNING_P12_FILE',
    name: 'dossier seal',
    fingerprint,
    remedy:
      'Give every api and worker process the same DOSSIER_SIGNING_P12_FILE and DOSSIER_SIGNING_P12_PASSPHRASE_FILE (without them each DATA_DIR generates a seal of its own: then all processes need one shared DATA_DIR).',
  };
}

/**
 * The installation's dossier seal: the agency's PKCS#12 (DOSSIER_SIGNING_P12_FILE, passphrase from
 * DOSSIER_SIGNING_P12_PASSPHRASE_FILE) or, without one, a local CA and seal generated once under
 * DATA_DIR/keys. Trust anchors are CA certificates, not the current seal, so a new seal certificate
 * from the same (or a listed earlier) CA leaves older dossiers verifiable.
 */
@Injectable()
export class DossierSeal {
  private readonly logger = new Logger(DossierSeal.name);
  private loaded?: SealCredentials;

  constructor(private readonly config: AppConfig) {}

  private get localSealPath(): string {
    return localSealPath(this.config);
  }

  /** The seal key and certificates; loaded (or, without a PKCS#12, created) on first use. */
  credentials(): SealCredentials {
    if (this.loaded) return this.loaded;
    const { credentials, source } = loadSealCredentials(this.config);
    if (source === 'pkcs12') {
      this.logger.log({ subject: credentials.subject }, 'dossier seal loaded from DOSSIER_SIGNING_P12_FILE');
    } else {
      this.logger.warn(
        { path: localSealPath(this.config), caCertificate: `${this.config.publicBaseUrl}${CA_CERTIFICATE_PATH}` },
        `${source === 'local, created' ? 'generated' : 'using'} a local dossier CA and seal certificate: they are NOT publicly trusted, so PDF readers show signed dossiers as "signer unknown" until a reader imports the CA certificate on purpose; set DOSSIER_SIGNING_P12_FILE to seal with the agency's own certificate`,
      );
    }
    this.loaded = credentials;
    return credentials;
  }

  /**
   * CA certificates a dossier seal must chain to: the PKCS#12's root(s), DOSSIER_TRUST_ANCHORS_FILE
   * and the local CA if one was ever generated here. Reading them never creates a seal.
   */
  trustAnchors(): Buffer[] {
    const anchors: Buffer[] = [];
    if (this.config.dossierSigningP12File) anchors.push(...this.credentials().trustAnchors);
    else if (this.loaded) anchors.push(...this.loaded.trustAnchors);
    if (existsSync(this.localSealPath)) {
      const stored = JSON.parse(readFileSync(this.localSealPath, 'utf8')) as { caPem: string };
      anchors.push(...certificatesInPem(stored.caPem));
    }
    if (this.config.dossierTrustAnchorsFile)
      anchors.push(...certificatesInPem(readFileSync(this.config.dossierTrustAnchorsFile, 'utf8')));
    const seen = new Set<string>();
    return anchors.filter((der) => !seen.has(certificateId(der)) && Boolean(seen.add(certificateId(der))));
  }

  /** The trusted CA certificates as one PEM bundle; without a PKCS#12 the local CA is created first. */
  trustAnchorsPem(): string {
    if (!this.config.dossierSigningP12File) this.credentials();
    return this.trustAnchors().map(pemOfCertificate).join('');
  }

  private timestamps(): TimestampSource | undefined {
    return this.config.tsaUrl ? rfc3161Timestamps(this.config.tsaUrl) : undefined;
  }

  /** Seals the final dossier bytes (nothing may be added afterwards). */
  async seal(pdf: Uint8Array, approvals: SealedApprovals): Promise<{ pdf: Buffer; certificate: Buffer }> {
    const credentials = this.credentials();
    const sealed = await sealPdf(pdf, {
      approvals,
      verifyUrl: `${this.config.publicBaseUrl}/verify`,
      credentials,
      timestamp: this.timestamps(),
    });
    return { pdf: sealed, certificate: credentials.certificate };
  }
}
