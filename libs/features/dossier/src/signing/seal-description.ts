import type { SealFacts } from './pades-verification';

/** A seal in plain words for the verification page. */
export function describeSeal(seal: SealFacts) {
  return {
    subject: seal.subject,
    issuer: seal.issuer,
    certificateSha256: seal.certificateSha256,
    timestamp: seal.timestampedAt
      ? `Time-stamped by an independent authority at ${seal.timestampedAt.slice(0, 16).replace('T', ' ')} UTC.`
      : null,
    trust: seal.trusted
      ? 'The seal certificate chains to a certificate authority this installation trusts.'
      : 'The seal certificate does not chain to a certificate authority this installation trusts.',
  };
}
