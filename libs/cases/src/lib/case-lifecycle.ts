/** A procurement case moves only along these edges; anything else is refused with the reason. */
export const CASE_STATUSES = [
  'draft',
  'open',
  'closed',
  'evaluation',
  'dossier_review',
  'signed_off',
  'awarded',
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
  awarded: [],
  cancelled: [],
};

const WHY_NOT: Partial<Record<CaseStatus, string>> = {
  open: 'only a draft case can be published',
  closed: 'only an open case can close for responses',
  evaluation: 'evaluation starts after the case has closed for responses',
  dossier_review: 'the dossier goes to review from evaluation',
  signed_off: 'only a dossier under review can be signed off',
  awarded: 'a case is awarded only after its dossier is signed off',
  cancelled: 'an awarded or cancelled case cannot be cancelled',
};

export type TransitionCheck = { allowed: true } | { allowed: false; reason: string };

export function checkTransition(from: CaseStatus, to: CaseStatus): TransitionCheck {
  if (NEXT[from].includes(to)) return { allowed: true };
  return {
    allowed: false,
    reason: `Cannot move a ${from.replace('_', ' ')} case to ${to.replace('_', ' ')}: ${WHY_NOT[to] ?? 'not a step of the procedure'}.`,
  };
}
