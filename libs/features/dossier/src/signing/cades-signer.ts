import { createHash, KeyObject, webcrypto } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SealCredentials } from './seal-credentials';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

const attribute = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] });

/**
 * ESS signing-certificate-v2 (RFC 5035): binds the signature to the seal certificate, so a signature
 * cannot be presented as made by another certificate with the same key. SHA-256 is the default
 * hash algorithm and is therefore omitted (DER).
 */
export function signingCertificateV2(certificate: pkijs.Certificate, der: Uint8Array): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] }),
        ],
      }),
      certificate.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: arrayBuffer(sha256(der)) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/**
 * The signer of a CMS SignedData, named by issuer and serial number, with the signed attributes
 * content-type, message-digest (SHA-256 of `content`) and signing-certificate-v2: what both a seal and
 * a time-stamp token sign.
 */
export function signerInfoFor(
  certificate: pkijs.Certificate,
  certificateDer: Uint8Array,
  contentType: string,
  content: Uint8Array,
): pkijs.SignerInfo {
  return new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: contentType })),
        attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: arrayBuffer(sha256(content)) })),
        attribute(OID.signingCertificateV2, signingCertificateV2(certificate, certificateDer)),
      ],
    }),
  });
}

/** Asks a time-stamping authority to time-stamp these bytes: resolves to the token (a ContentInfo). */
export type TimestampSource = (signatureValue: Uint8Array) => Promise<pkijs.ContentInfo>;

async function signingKey(privateKey: KeyObject): Promise<CryptoKey> {
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('the seal key must be an RSA key');
  return webcrypto.subtle.importKey(
    'pkcs8',
    privateKey.export({ type: 'pkcs8', format: 'der' }),
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  ) as Promise<CryptoKey>;
}

/**
 * A detached CAdES signature (ETSI EN 319 122, baseline B-B; B-T with a timestamp): SHA-256 with
 * RSA, signed attributes content-type, message-digest and signing-certificate-v2, the seal's chain
 * embedded. No signing-time attribute: PAdES takes the time from the signature dictionary's /M.
 */
export async function cadesDetachedSignature(
  content: Uint8Array,
  credentials: SealCredentials,
  timestamp?: TimestampSource,
): Promise<Buffer> {
  const certificate = pkijs.Certificate.fromBER(arrayBuffer(credentials.certificate));
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [certificate, ...credentials.chain.map((der) => pkijs.Certificate.fromBER(arrayBuffer(der)))],
    signerInfos: [signerInfoFor(certificate, credentials.certificate, OID.data, content)],
  });
  await signedData.sign(await signingKey(credentials.privateKey), 0, 'SHA-256');
  const signerInfo = signedData.signerInfos[0];
  if (timestamp) {
    const token = await timestamp(new Uint8Array(signerInfo.signature.valueBlock.valueHexView));
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [attribute(OID.signatureTimeStampToken, token.toSchema())],
    });
  }
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

/** The signer @signpdf/signpdf calls with the bytes the ByteRange covers. */
export class CadesSigner extends Signer {
  constructor(
    private readonly credentials: SealCredentials,
    private readonly timestamp?: TimestampSource,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return cadesDetachedSignature(pdfBuffer, this.credentials, this.timestamp);
  }
}
