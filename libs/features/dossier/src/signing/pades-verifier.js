'use strict';
/**
 * Cryptographic check of a PDF's PAdES signature: byte range, message digest, CMS signature,
 * signing-certificate-v2, chain to the trust anchors, timestamp, and the sealed approvals.json.
 * Plain CommonJS because the verification worker thread (render/pdf-proof.js) loads it with
 * Node's own loader, in the built application and under Jest alike.
 */
const { createHash, webcrypto } = require('node:crypto');
const asn1js = require('asn1js');
const pkijs = require('pkijs');
const {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFString,
  PDFHexString,
} = require('pdf-lib');

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto }));

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
};
const NAME_PARTS = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.5': 'serialNumber',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'E',
};
const APPROVALS_ATTACHMENT = 'approvals.json';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest();
const toArrayBuffer = (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
const readableName = (name) =>
  name.typesAndValues.map((part) => `${NAME_PARTS[part.type] || part.type}=${part.value.valueBlock.value}`).join(', ');

/** Signature dictionaries of the document (pdf-lib reads incremental updates too). */
function signatureDictionaries(document) {
  return document.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object) => object instanceof PDFDict && object.get(PDFName.of('ByteRange')) instanceof PDFArray);
}

function pdfDate(value) {
  const text = value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : '';
  const match = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!match) return null;
  const zone =
    !match[7] || match[7] === 'Z' ? 'Z' : `${match[7].slice(0, 3)}:${match[7].replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** approvals.json from the document's embedded files, parsed, or null. */
function sealedApprovals(document) {
  const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const files = names && names.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = files && files.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!list) return null;
  for (let index = 0; index + 1 < list.size(); index += 2) {
    const name = list.lookup(index);
    if (!(name instanceof PDFString || name instanceof PDFHexString) || name.decodeText() !== APPROVALS_ATTACHMENT)
      continue;
    const spec = list.lookupMaybe(index + 1, PDFDict);
    const embedded = spec && spec.lookupMaybe(PDFName.of('EF'), PDFDict);
    const stream = embedded && embedded.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) return null;
    try {
      return JSON.parse(Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8'));
    } catch {
      return null;
    }
  }
  return null;
}

function attributeValue(attributes, type) {
  const found = attributes && attributes.attributes.find((attribute) => attribute.type === type);
  return found ? found.values[0] : null;
}

/** Whether signing-certificate-v2 names exactly the signer's certificate (SHA-256 of its DER). */
function boundToCertificate(signerInfo, certificate) {
  const value = attributeValue(signerInfo.signedAttrs, OID.signingCertificateV2);
  if (!value) return false;
  const essCertId = value.valueBlock.value[0].valueBlock.value[0];
  const parts = essCertId.valueBlock.value;
  // hashAlgorithm is omitted when it is the default SHA-256; another algorithm is not accepted here.
  if (!(parts[0] instanceof asn1js.OctetString)) return false;
  const certificateHash = Buffer.from(parts[0].valueBlock.valueHexView);
  return certificateHash.equals(sha256(Buffer.from(certificate.toSchema().toBER(false))));
}

/** The RFC 3161 signature timestamp: when it was made and whether it covers this signature value. */
async function signatureTimestamp(signerInfo) {
  const token = attributeValue(signerInfo.unsignedAttrs, OID.signatureTimeStampToken);
  if (!token) return null;
  try {
    const signed = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: token }).content });
    const content = signed.encapContentInfo.eContent.getValue();
    // asn1js reads an OCTET STRING holding DER as encapsulated ASN.1 and leaves its raw view empty, which
    // pkijs's verify() reads: give it the plain bytes back.
    signed.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: content });
    const info = pkijs.TSTInfo.fromBER(content);
    const imprint = Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView);
    const signatureValue = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
    const covers = imprint.equals(sha256(signatureValue));
    // For a timestamp token pkijs takes `data` as the time-stamped bytes and checks the imprint against them.
    const verified = await signed.verify({
      signer: 0,
      data: toArrayBuffer(signatureValue),
      checkChain: false,
      extendedMode: true,
    });
    const authority = verified.signerCertificate ? readableName(verified.signerCertificate.subject) : null;
    return { time: info.genTime.toISOString(), valid: Boolean(covers && verified.signatureVerified), authority };
  } catch {
    return { time: null, valid: false, authority: null };
  }
}

async function chainsToAnchors(certificates, signer, anchors, at) {
  if (anchors.length === 0) return false;
  try {
    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: anchors.map((der) => pkijs.Certificate.fromBER(new Uint8Array(der))),
      certs: [...certificates.filter((c) => c !== signer), signer],
      checkDate: at,
    });
    const result = await engine.verify();
    return Boolean(result.result);
  } catch {
    return false;
  }
}

/**
 * The PAdES signature of `pdf`, checked against `trustAnchors` (DER certificates), or null when the
 * PDF has no signature field. `valid` holds only when every check passes; `problem` says which failed.
 */
async function verifyPades(pdf, trustAnchors) {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let document;
  try {
    document = await PDFDocument.load(bytes, {
      updateMetadata: false,
      throwOnInvalidObject: false,
      ignoreEncryption: true,
    });
  } catch {
    return null;
  }
  const dictionaries = signatureDictionaries(document);
  if (dictionaries.length === 0) return null;
  const report = {
    signatureCount: dictionaries.length,
    subFilter: null,
    coversWholeFile: false,
    digestMatches: false,
    signatureVerified: false,
    certificateBound: false,
    trusted: false,
    signer: null,
    signingTime: null,
    timestamp: null,
    approvals: null,
    problem: null,
  };
  const fail = (problem) => ({ ...report, valid: false, problem });
  const dictionary = dictionaries[0];
  const subFilter = dictionary.lookupMaybe(PDFName.of('SubFilter'), PDFName);
  report.subFilter = subFilter ? subFilter.decodeText() : null;
  const claimedTime = pdfDate(dictionary.lookup(PDFName.of('M')));
  report.signingTime = claimedTime ? claimedTime.toISOString() : null;
  const range = dictionary
    .lookup(PDFName.of('ByteRange'), PDFArray)
    .asArray()
    .map((n) => (n.asNumber ? n.asNumber() : NaN));
  const [start, firstLength, secondStart, secondLength] = range;
  const wellFormed =
    range.length === 4 &&
    range.every(Number.isSafeInteger) &&
    start === 0 &&
    firstLength > 0 &&
    secondStart > firstLength &&
    secondStart + secondLength <= bytes.length &&
    bytes[firstLength] === 0x3c &&
    bytes[secondStart - 1] === 0x3e;
  if (!wellFormed) return fail('The signature\u2019s byte range is malformed.');
  report.coversWholeFile = secondStart + secondLength === bytes.length;
  const signedBytes = Buffer.concat([
    bytes.subarray(0, firstLength),
    bytes.subarray(secondStart, secondStart + secondLength),
  ]);
  const contents = Buffer.from(bytes.subarray(firstLength + 1, secondStart - 1).toString('latin1'), 'hex');
  let signedData;
  try {
    const parsed = asn1js.fromBER(toArrayBuffer(contents));
    // Only zeros may pad the DER in the hole: other bytes there are unsigned data smuggled into the file.
    if (parsed.offset === -1 || contents.subarray(parsed.offset).some((byte) => byte !== 0))
      return fail('The signature field holds data besides the signature.');
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== OID.signedData) return fail('The signature is not a CMS signature.');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return fail('The signature cannot be read.');
  }
  const signerInfo = signedData.signerInfos[0];
  const digest = attributeValue(signerInfo && signerInfo.signedAttrs, OID.messageDigest);
  report.digestMatches = Boolean(digest && Buffer.from(digest.valueBlock.valueHexView).equals(sha256(signedBytes)));
  let verified;
  try {
    verified = await signedData.verify({
      signer: 0,
      data: toArrayBuffer(signedBytes),
      checkChain: false,
      extendedMode: true,
    });
  } catch (error) {
    verified = error;
  }
  const signer = verified && verified.signerCertificate;
  report.signatureVerified = Boolean(verified && verified.signatureVerified && report.digestMatches);
  if (signer) {
    report.signer = {
      subject: readableName(signer.subject),
      issuer: readableName(signer.issuer),
      certificateSha256: sha256(Buffer.from(signer.toSchema().toBER(false))).toString('hex'),
    };
    report.certificateBound = boundToCertificate(signerInfo, signer);
  }
  report.timestamp = await signatureTimestamp(signerInfo);
  // Certificates are checked as of the timestamp when there is one, else as of the claimed signing time.
  const at = report.timestamp && report.timestamp.valid ? new Date(report.timestamp.time) : claimedTime || new Date();
  report.trusted = Boolean(signer) && (await chainsToAnchors(signedData.certificates || [], signer, trustAnchors, at));
  report.approvals = sealedApprovals(document);
  if (!report.digestMatches) return fail('The signed bytes were changed after signing: the digest does not match.');
  if (!report.signatureVerified) return fail('The signature value does not verify.');
  if (!report.certificateBound) return fail('The signature does not name its certificate (signing-certificate-v2).');
  if (report.subFilter !== 'ETSI.CAdES.detached')
    return fail('The signature is not a PAdES (ETSI.CAdES.detached) signature.');
  if (report.signatureCount !== 1) return fail('The file carries more than one signature.');
  if (!report.coversWholeFile)
    return fail('Bytes were added after signing (an incremental update): the signature does not cover the whole file.');
  if (report.timestamp && !report.timestamp.valid) return fail('The signature\u2019s timestamp does not verify.');
  if (!report.trusted)
    return fail(
      'Valid signature, untrusted signer: the seal certificate does not chain to a certificate authority this installation trusts.',
    );
  return { ...report, valid: true };
}

module.exports = { verifyPades, APPROVALS_ATTACHMENT };
