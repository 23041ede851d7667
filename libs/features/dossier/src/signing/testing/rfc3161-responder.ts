import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { OID, signerInfoFor } from '../cades-signer';

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** A self-signed time-stamping certificate (extended key usage timeStamping, critical) and its key. */
function timestampingAuthority() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  certificate.serialNumber = `01${randomBytes(8).toString('hex')}`;
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
  const name = [{ name: 'commonName', value: 'Test time-stamping authority' }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'extKeyUsage', timeStamping: true, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
  ]);
  certificate.sign(forgeKey, forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');
  return { der, privateKey };
}

/**
 * A real RFC 3161 responder over HTTP for tests: parses the DER TimeStampReq, answers a DER
 * TimeStampResp whose token (SignedData over TSTInfo) it signs with its own certificate.
 */
export async function startRfc3161Responder(): Promise<{ url: string; requests: number; close(): Promise<void> }> {
  const authority = timestampingAuthority();
  const key = await webcrypto.subtle.importKey(
    'pkcs8',
    authority.privateKey.export({ type: 'pkcs8', format: 'der' }),
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const certificate = pkijs.Certificate.fromBER(arrayBuffer(authority.der));
  let serial = 1;
  const state = { requests: 0 };
  const respond = async (body: Buffer): Promise<Buffer> => {
    const request = pkijs.TimeStampReq.fromBER(arrayBuffer(body));
    const info = new pkijs.TSTInfo({
      version: 1,
      policy: '1.3.6.1.4.1.99999.1',
      messageImprint: request.messageImprint,
      serialNumber: new asn1js.Integer({ value: serial++ }),
      genTime: new Date(),
      nonce: request.nonce,
    });
    const content = Buffer.from(info.toSchema().toBER(false));
    const signedData = new pkijs.SignedData({
      version: 3,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({
        eContentType: OID.tstInfo,
        eContent: new asn1js.OctetString({ valueHex: arrayBuffer(content) }),
      }),
      certificates: request.certReq ? [certificate] : [],
      signerInfos: [signerInfoFor(certificate, authority.der, OID.tstInfo, content)],
    });
    await signedData.sign(key as CryptoKey, 0, 'SHA-256');
    const response = new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
      timeStampToken: new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) }),
    });
    return Buffer.from(response.toSchema().toBER(false));
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      state.requests++;
      if (request.headers['content-type'] !== 'application/timestamp-query') {
        response.writeHead(415).end();
        return;
      }
      respond(Buffer.concat(chunks)).then(
        (der) => response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(der),
        () => response.writeHead(400).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsr`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
