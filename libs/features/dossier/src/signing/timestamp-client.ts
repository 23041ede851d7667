import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, sha256, TimestampSource } from './cades-signer';

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export class TimestampError extends Error {}

/**
 * An RFC 3161 client: POSTs a DER TimeStampReq for the SHA-256 of the signature value and returns
 * the token after checking that it answers this request (status, imprint and nonce).
 */
export function rfc3161Timestamps(tsaUrl: string, timeoutMs = 15_000): TimestampSource {
  return async (signatureValue) => {
    const imprint = sha256(signatureValue);
    const nonce = randomBytes(8);
    nonce[0] &= 0x7f; // a positive INTEGER
    const request = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
        hashedMessage: new asn1js.OctetString({ valueHex: arrayBuffer(imprint) }),
      }),
      nonce: new asn1js.Integer({ valueHex: arrayBuffer(nonce) }),
      certReq: true,
    });
    const response = await fetch(tsaUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: Buffer.from(request.toSchema().toBER(false)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new TimestampError(`the time-stamping authority answered HTTP ${response.status}`);
    const answer = pkijs.TimeStampResp.fromBER(await response.arrayBuffer());
    const status = answer.status.status;
    if ((status !== 0 && status !== 1) || !answer.timeStampToken)
      throw new TimestampError(`the time-stamping authority refused the request (status ${status})`);
    const signed = new pkijs.SignedData({ schema: answer.timeStampToken.content });
    const content = signed.encapContentInfo.eContent;
    if (!content) throw new TimestampError('the timestamp token holds no TSTInfo');
    const info = pkijs.TSTInfo.fromBER(content.getValue());
    const echoedImprint = Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView);
    const echoedNonce = info.nonce ? Buffer.from(info.nonce.valueBlock.valueHexView) : null;
    if (!echoedImprint.equals(imprint) || !echoedNonce?.equals(nonce))
      throw new TimestampError('the timestamp token answers another request');
    return answer.timeStampToken;
  };
}
