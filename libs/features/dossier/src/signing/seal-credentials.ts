import { createHash, createPrivateKey, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import forge from 'node-forge';

/** The seal's key and certificate chain (leaf first) plus the CA certificates verification trusts. */
export interface SealCredentials {
  privateKey: KeyObject;
  /** DER of the seal certificate. */
  certificate: Buffer;
  /** DER of the issuing certificates embedded with the signature (leaf excluded). */
  chain: Buffer[];
  /** DER of the CA certificates a dossier's seal must chain to. */
  trustAnchors: Buffer[];
  /** The seal certificate's subject in readable form (CN=…, O=…). */
  subject: string;
}

const derOf = (certificate: forge.pki.Certificate) =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');

export const pemOfCertificate = (der: Buffer) =>
  `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;

/** Every certificate in a PEM bundle, as DER. */
export function certificatesInPem(pem: string): Buffer[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((match) =>
    Buffer.from(match[1].replace(/\s+/g, ''), 'base64'),
  );
}

/** Short, stable name of a certificate: the first 16 hex digits of the SHA-256 of its DER form. */
export const certificateId = (der: Buffer) => createHash('sha256').update(der).digest('hex').slice(0, 16);

function readableName(name: forge.pki.Certificate['subject']): string {
  return name.attributes
    .map((attribute) => `${attribute.shortName ?? attribute.name}=${String(attribute.value)}`)
    .join(', ');
}

const isSelfIssued = (certificate: forge.pki.Certificate) => certificate.subject.hash === certificate.issuer.hash;

/**
 * Reads an agency's PKCS#12 seal: the one private key and the certificate that matches it, the
 * rest of the bundle as its chain. A self-issued certificate in the bundle becomes a trust anchor.
 */
export function readPkcs12(p12: Buffer, passphrase: string): SealCredentials {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), passphrase);
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const certificates = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((bag) => bag.cert)
    .filter((certificate): certificate is forge.pki.Certificate => Boolean(certificate));
  const key = keyBags[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error('the PKCS#12 file holds no private key (only RSA keys are supported)');
  const leaf = certificates.find((certificate) => {
    const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n?.equals(key.n) && publicKey.e?.equals(key.e);
  });
  if (!leaf) throw new Error('the PKCS#12 file holds no certificate for its private key');
  const chain = certificates.filter((certificate) => certificate !== leaf);
  return {
    privateKey: createPrivateKey(forge.pki.privateKeyToPem(key)),
    certificate: derOf(leaf),
    chain: chain.map(derOf),
    trustAnchors: chain.filter(isSelfIssued).map(derOf),
    subject: readableName(leaf.subject),
  };
}

export interface LocalSealNames {
  agency: string;
}

function newCertificate(
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  publicKey: forge.pki.PublicKey,
  years: number,
  extensions: object[],
): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  // A positive serial of 16 random bytes (the leading 01 keeps it positive and full length).
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`;
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + years * 365.25 * 24 * 3600_000);
  certificate.setSubject(subject);
  certificate.setIssuer(issuer);
  certificate.setExtensions(extensions);
  return certificate;
}

const rsaKeyPair = () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  return { privateKey, forgeKey, forgePublic: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
};

/**
 * A local CA and a seal certificate it issued, for installations without their own certificate.
 * Nobody outside trusts this CA: readers must import its certificate on purpose.
 */
export function createLocalSeal(names: LocalSealNames): { caPem: string; sealKeyPem: string; sealPem: string } {
  const ca = rsaKeyPair();
  const caName = [
    { name: 'commonName', value: 'Probity local dossier CA (not publicly trusted)' },
    { name: 'organizationName', value: names.agency },
  ];
  const caCertificate = newCertificate(caName, caName, ca.forgePublic, 30, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCertificate.sign(ca.forgeKey, forge.md.sha256.create());
  const seal = rsaKeyPair();
  const sealCertificate = newCertificate(
    [
      { name: 'commonName', value: `${names.agency} dossier seal` },
      { name: 'organizationName', value: names.agency },
    ],
    caName,
    seal.forgePublic,
    10,
    [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      { name: 'subjectKeyIdentifier' },
      { name: 'authorityKeyIdentifier', keyIdentifier: caCertificate.generateSubjectKeyIdentifier().getBytes() },
    ],
  );
  sealCertificate.sign(ca.forgeKey, forge.md.sha256.create());
  return {
    caPem: forge.pki.certificateToPem(caCertificate),
    sealKeyPem: seal.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    sealPem: forge.pki.certificateToPem(sealCertificate),
  };
}

interface StoredLocalSeal {
  caPem: string;
  sealKeyPem: string;
  sealPem: string;
}

/**
 * Reads the local seal at `path`, or creates it there once (mode 0600). The file appears whole or
 * not at all (written aside, then hard-linked), so two processes starting together share one seal.
 */
export function loadOrCreateLocalSeal(
  path: string,
  names: LocalSealNames,
): { credentials: SealCredentials; created: boolean } {
  let created = false;
  let stored: StoredLocalSeal;
  try {
    stored = JSON.parse(readFileSync(path, 'utf8')) as StoredLocalSeal;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(aside, JSON.stringify(createLocalSeal(names)), { flag: 'wx', mode: 0o600 });
    try {
      linkSync(aside, path);
      created = true;
    } catch (linkError) {
      if ((linkError as NodeJS.ErrnoException).code !== 'EEXIST') throw linkError;
    } finally {
      unlinkSync(aside);
    }
    stored = JSON.parse(readFileSync(path, 'utf8')) as StoredLocalSeal;
  }
  const seal = forge.pki.certificateFromPem(stored.sealPem);
  const [ca] = certificatesInPem(stored.caPem);
  return {
    created,
    credentials: {
      privateKey: createPrivateKey(stored.sealKeyPem),
      certificate: certificatesInPem(stored.sealPem)[0],
      chain: [ca],
      trustAnchors: [ca],
      subject: readableName(seal.subject),
    },
  };
}
