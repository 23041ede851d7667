/** A procurement case moves only along these edges; anything else is refused with the reason. */
export const CASE_STATUSES = [
  'draft',
  'open',
  'closed',
  'evaluation',
  'dossier_review',
  'signed_off',
  'awarded',
  /** Post-award: the agency declared itself ready and put the system into use. */
  'in_use',
  'cancelled',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const NEXT: Record<CaseStatus, CaseStatus[]> = {
  draft: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['evaluation', 'cancelled'],
  evaluation: ['dossier_review', 'cancelled'],
  dossier_review: ['signed_off', 'evaluation', 'cancelled'],
  signed_off: ['awarded', 'cancelled'],
  awarded: ['in_use'],
  in_use: [],
  cancelled: [],
};

const WHY_NOT: Partial<Record<CaseStatus, string>> = {
  open: 'only a draft case can be published',
  closed: 'only an open case can close for responses',
  evaluation: 'evaluation starts after the case has closed for responses',
  dossier_review: 'the dossier goes to review from evaluation',
  signed_off: 'only a dossier under review can be signed off',
  awarded: 'a case is awarded only after its dossier is signed off',
  in_use: 'a system is put into use only after the award',
  cancelled: 'an awarded or cancelled case cannot be cancelled',
};

export type TransitionCheck = { allowed: true } | { allowed: false; reason: string };

/**
 * Who moves the case: a member of staff, the dossier signing job, or the readiness check (which puts
 * the system into use only when every mandatory item of the agency's readiness checklist is closed).
 */
export type TransitionActor = 'staff' | 'signing-job' | 'readiness-check';

/**
 * Steps no person takes. A case is signed off when the signing job has stored the dossier that every
 * required legal reviewer approved; recording it by hand would skip the review and leave no dossier.
 */
const SIGNING_JOB_STEPS: ReadonlySet<CaseStatus> = new Set(['signed_off']);

/**
 * Award is possible with open readiness items, use is not: the step into use is taken only through the
 * readiness check, never as a plain status change.
 */
const READINESS_CHECK_STEPS: ReadonlySet<CaseStatus> = new Set(['in_use']);

export function checkTransition(from: CaseStatus, to: CaseStatus, by: TransitionActor = 'staff'): TransitionCheck {
  if (by !== 'signing-job' && SIGNING_JOB_STEPS.has(to))
    return {
      allowed: false,
      reason:
        'A case is signed off only when every required legal reviewer has approved the current dossier version; Probity then signs it and moves the case on.',
    };
  if (by !== 'readiness-check' && READINESS_CHECK_STEPS.has(to))
    return {
      allowed: false,
      reason:
        'The system is put into use from the case’s readiness page, once every mandatory readiness item is closed.',
    };
  if (NEXT[from].includes(to)) return { allowed: true };
  return {
    allowed: false,
    reason: `Cannot move a ${from.replace('_', ' ')} case to ${to.replace('_', ' ')}: ${WHY_NOT[to] ?? 'not a step of the procedure'}.`,
  };
}

/** Statuses in which the case's dossier is signed: its required reviewers are part of a signed record. */
const SIGNED: ReadonlySet<CaseStatus> = new Set(['signed_off', 'awarded', 'in_use']);

/**
 * Whether the panel may change now. After sign-off it would rewrite who had to approve a signed dossier;
 * in legal review the dossier always needs at least one legal reviewer.
 */
export function checkPanelChange(status: CaseStatus, legalReviewers: number): TransitionCheck {
  if (SIGNED.has(status))
    return { allowed: false, reason: 'The dossier of this case is signed off: its panel can no longer change.' };
  if (status === 'dossier_review' && legalReviewers === 0)
    return {
      allowed: false,
      reason: 'The dossier is in legal review: keep at least one legal reviewer on the panel to approve it.',
    };
  return { allowed: true };
}
