/** Types of pades-verifier.js (plain CommonJS, as the verification worker thread loads it). */
export interface PadesReport {
  valid: boolean;
  /** Which check failed, in plain words; null when valid. */
  problem: string | null;
  signatureCount: number;
  subFilter: string | null;
  coversWholeFile: boolean;
  digestMatches: boolean;
  signatureVerified: boolean;
  certificateBound: boolean;
  trusted: boolean;
  signer: { subject: string; issuer: string; certificateSha256: string } | null;
  signingTime: string | null;
  timestamp: { time: string | null; valid: boolean; authority: string | null } | null;
  /** approvals.json as found in the file (unchecked shape). */
  approvals: unknown;
}

export const APPROVALS_ATTACHMENT: 'approvals.json';
export function verifyPades(pdf: Uint8Array, trustAnchors: Uint8Array[]): Promise<PadesReport | null>;
