import type { PadesReport } from './pades-verifier';
import { isSealedApprovals } from './sealed-approvals';

/** The seal as a verification reports it. */
export interface SealFacts {
  subject: string;
  issuer: string;
  certificateSha256: string;
  /** Time of the RFC 3161 timestamp, when the signature carries one. */
  timestampedAt: string | null;
  /** Whether the seal certificate chains to a CA this installation trusts. */
  trusted: boolean;
}

/** A signer as every verification names them. */
export interface DossierSigner {
  name: string;
  role: string;
  decision: string;
  decidedAt: string;
}

/** What every verification of a signed dossier says, whichever way it was signed. */
export interface SignedDossierFacts<Signer extends DossierSigner = DossierSigner> {
  valid: true;
  caseReference: string;
  caseTitle: string;
  version: number;
  status: 'signed';
  pdfSha256: string;
  signed: true;
  signedAt: string;
  signers: Signer[];
  keyId: string;
}

export type PadesVerification =
  | (SignedDossierFacts<DossierSigner & { conditions: string | null; reviewCopySha256: string }> & {
      seal: SealFacts;
      /** Whether this installation stored these exact bytes (a copy from elsewhere verifies all the same). */
      storedHere: boolean;
    })
  | { valid: false; reason: string; pdfSha256: string; seal?: SealFacts };

/**
 * What a checked PAdES signature means for a dossier: valid only when every cryptographic check
 * passed, the seal chains to a trusted CA and the sealed approvals.json names the dossier. A sound
 * signature by an unknown certificate is "valid signature, untrusted signer", never valid.
 */
export function padesVerification(pdfSha256: string, report: PadesReport, storedHere: boolean): PadesVerification {
  const seal: SealFacts | undefined = report.signer
    ? {
        ...report.signer,
        timestampedAt: report.timestamp?.valid ? report.timestamp.time : null,
        trusted: report.trusted,
      }
    : undefined;
  if (!report.valid)
    return { valid: false, pdfSha256, seal, reason: report.problem ?? 'The signature does not verify.' };
  const approvals = report.approvals;
  if (!seal || !isSealedApprovals(approvals))
    return {
      valid: false,
      pdfSha256,
      seal,
      reason: 'The file carries a valid signature but is not a dossier Probity sealed: it has no sealed approvals.',
    };
  return {
    valid: true,
    caseReference: approvals.caseReference,
    caseTitle: approvals.caseTitle,
    version: approvals.version,
    status: 'signed',
    pdfSha256,
    signed: true,
    signedAt: report.signingTime ?? approvals.signedAt,
    signers: approvals.approvals.map((approval) => ({
      name: approval.name,
      role: approval.role,
      decision: approval.decision,
      decidedAt: approval.decidedAt,
      conditions: approval.conditions,
      reviewCopySha256: approval.reviewCopySha256,
    })),
    keyId: seal.certificateSha256.slice(0, 16),
    seal,
    storedHere,
  };
}
