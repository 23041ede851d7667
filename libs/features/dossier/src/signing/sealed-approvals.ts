/** One legal reviewer's decision, as sealed into the signed dossier (approvals.json). */
export interface SealedApproval {
  name: string;
  role: string;
  decision: string;
  conditions: string | null;
  decidedAt: string;
  /** SHA-256 of the review copy the reviewer decided on. */
  reviewCopySha256: string;
}

/** The approvals.json attachment: which dossier was sealed, by whom, and on whose approvals. */
export interface SealedApprovals {
  issuer: 'Probity';
  caseId: string;
  caseReference: string;
  caseTitle: string;
  version: number;
  /** Content hash of the dossier input the version was rendered from. */
  snapshotHash: string;
  sealedBy: string;
  signedAt: string;
  approvals: SealedApproval[];
}

export const APPROVALS_ATTACHMENT = 'approvals.json';

/** A structural check of approvals.json read back from an untrusted PDF. */
export function isSealedApprovals(value: unknown): value is SealedApprovals {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  const strings = ['caseId', 'caseReference', 'caseTitle', 'snapshotHash', 'sealedBy', 'signedAt'];
  return (
    s['issuer'] === 'Probity' &&
    strings.every((key) => typeof s[key] === 'string') &&
    typeof s['version'] === 'number' &&
    Array.isArray(s['approvals']) &&
    s['approvals'].every((approval: unknown) => {
      if (typeof approval !== 'object' || approval === null) return false;
      const a = approval as Record<string, unknown>;
      return (
        ['name', 'role', 'decision', 'decidedAt', 'reviewCopySha256'].every((key) => typeof a[key] === 'string') &&
        (a['conditions'] === null || typeof a['conditions'] === 'string')
      );
    })
  );
}

/** The decisions a version was signed on, in the sealed form. */
export function sealedApprovalsOf(
  dossier: Omit<SealedApprovals, 'issuer' | 'approvals'>,
  decisions: Array<{
    reviewerName: string;
    reviewerRole: string;
    decision: string;
    conditions: string | null;
    decidedAt: Date;
    pdfSha256: string;
  }>,
): SealedApprovals {
  return {
    issuer: 'Probity',
    ...dossier,
    approvals: decisions.map((d) => ({
      name: d.reviewerName,
      role: d.reviewerRole,
      decision: d.decision,
      conditions: d.conditions,
      decidedAt: d.decidedAt.toISOString(),
      reviewCopySha256: d.pdfSha256,
    })),
  };
}
