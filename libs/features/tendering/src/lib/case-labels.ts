import { CASE_STATUSES, type CaseStatus } from '@probity/cases';
import { CaseFacts, transitionNotice } from './step-messages';

/** The one place the officer's pages name a case's status, steps, dossier versions and review decisions. */
export const STATUS_LABELS: Record<CaseStatus, string> = {
  draft: 'Draft',
  open: 'Open for responses',
  closed: 'Closed for responses',
  evaluation: 'In evaluation',
  dossier_review: 'Dossier in legal review',
  signed_off: 'Signed off',
  awarded: 'Awarded',
  in_use: 'In use',
  cancelled: 'Cancelled',
};

/** The button that takes a case to a status. */
export const ACTION_LABELS: Partial<Record<CaseStatus, string>> = {
  open: 'Publish and open for responses',
  closed: 'Close for responses',
  evaluation: 'Start evaluation',
  dossier_review: 'Send the dossier to legal review',
  awarded: 'Record the award',
  cancelled: 'Cancel the procurement',
};

export const VERSION_STATUS_LABELS: Record<string, string> = {
  pending: 'Being rendered',
  rendered: 'Rendered',
  signed: 'Signed',
  superseded: 'Superseded',
};

export const DECISION_LABELS: Record<string, string> = {
  approve: 'Approved',
  'approve-with-conditions': 'Approved with conditions',
  'request-changes': 'Changes requested',
};

const NOTICES: Record<string, string> = {
  dossier: 'The dossier was requested for the case’s current data; the legal reviewers are asked once it is rendered.',
  created: 'The case was created as a draft.',
  panel: 'The evaluation panel was saved.',
};

/** Notices about one provider, named after it. */
const PROVIDER_NOTICES: Record<string, (row: { organisationName: string; contactEmails: string[] }) => string> = {
  invited: (row) =>
    `${row.organisationName} was invited; the invitation e-mail went to ${row.contactEmails.join(', ')}.`,
  reissue: (row) =>
    `A new link was sent to ${row.organisationName} (${row.contactEmails.join(', ')}); the previous link no longer works.`,
  revoke: (row) =>
    `The link of ${row.organisationName} was withdrawn; it no longer opens the portal. Re-issue a link to let them answer again.`,
  reopen: (row) =>
    `The submission of ${row.organisationName} was reopened for corrections; the reason is in the audit trail.`,
};

/** What the step the officer just took did, in words about this case. */
export function noticeText(
  notice: string | undefined,
  facts: CaseFacts,
  row: { organisationName: string; contactEmails: string[] } | undefined,
): string | undefined {
  if (!notice) return undefined;
  const status = CASE_STATUSES.find((candidate) => candidate === notice);
  if (status) return transitionNotice(status, facts);
  if (row && PROVIDER_NOTICES[notice]) return PROVIDER_NOTICES[notice](row);
  return NOTICES[notice];
}
