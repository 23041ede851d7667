import type { CaseStatus } from '@probity/cases';

/** What the officer is asked before a step that cannot be undone: the same words in the dialog and on the page. */
export interface StepConfirmation {
  title: string;
  body: string[];
  confirmLabel: string;
  danger: boolean;
}

/** What the messages need to know about the case, counted from its progress table. */
export interface CaseFacts {
  responsesDue: Date;
  /** Providers whose response is submitted. */
  submitted: number;
  /** Invited providers whose link was not withdrawn (or who submitted). */
  providers: number;
  now: Date;
}

function when(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function providersWord(count: number): string {
  return count === 1 ? 'provider' : 'providers';
}

/** The confirmation of a lifecycle step; every step of the lifecycle is one-way. */
export function transitionConfirmation(to: CaseStatus, facts: CaseFacts): StepConfirmation {
  const submitted = `${facts.submitted} of ${facts.providers} ${providersWord(facts.providers)} have submitted`;
  switch (to) {
    case 'open':
      return {
        title: 'Publish this case and open it for responses?',
        body: [
          `Invited providers will see the award criteria, their weights and the deadline (${when(facts.responsesDue)}).`,
          'Publishing cannot be undone.',
        ],
        confirmLabel: 'Yes, publish the case',
        danger: false,
      };
    case 'closed':
      return {
        title: 'Close the case for responses?',
        body: [
          facts.now < facts.responsesDue
            ? `Responses are due on ${when(facts.responsesDue)}: closing now is before the deadline.`
            : `The deadline (${when(facts.responsesDue)}) has passed.`,
          `${submitted}; the others can no longer submit. Closing cannot be undone.`,
        ],
        confirmLabel: 'Yes, close for responses',
        danger: false,
      };
    case 'evaluation':
      return {
        title: 'Start the evaluation?',
        body: [
          `The ${facts.submitted} submitted ${facts.submitted === 1 ? 'response is' : 'responses are'} scored and compared, and the evaluation panel can score them.`,
          'The case cannot take responses again.',
        ],
        confirmLabel: 'Yes, start evaluation',
        danger: false,
      };
    case 'dossier_review':
      return {
        title: 'Send the dossier to legal review?',
        body: [
          'The weights are locked for good, and the legal reviewers on the panel are asked to review the dossier once it is rendered.',
        ],
        confirmLabel: 'Yes, send to legal review',
        danger: false,
      };
    case 'cancelled':
      return {
        title: 'Cancel this procurement?',
        body: ['Every provider link stops working and the case can never be reopened.'],
        confirmLabel: 'Yes, cancel the procurement',
        danger: true,
      };
    default:
      return {
        title: 'Record this step?',
        body: ['It cannot be undone.'],
        confirmLabel: 'Yes, record it',
        danger: false,
      };
  }
}

export function withdrawConfirmation(organisationName: string): StepConfirmation {
  return {
    title: `Withdraw the link of ${organisationName}?`,
    body: [
      `The link stops working at once: ${organisationName} can no longer open or submit its response.`,
      'The answers given so far are kept, and you can re-issue a link later.',
    ],
    confirmLabel: 'Yes, withdraw the link',
    danger: true,
  };
}

/** Publishing a clarification: it reaches every provider at once and cannot be taken back. */
export function publishClarificationConfirmation(): StepConfirmation {
  return {
    title: 'Publish this answer to every provider?',
    body: [
      'The question and your answer are e-mailed to every invited provider at once, without the name of the provider who asked.',
      'A published answer cannot be changed or withdrawn: to correct it, answer a new clarification.',
    ],
    confirmLabel: 'Yes, publish to every provider',
    danger: false,
  };
}

/** What happened, said after a lifecycle step (shown once, on the page the step redirects to). */
export function transitionNotice(to: CaseStatus, facts: CaseFacts): string {
  switch (to) {
    case 'open':
      return `Published: the case is open for responses until ${when(facts.responsesDue)}; you can now invite providers.`;
    case 'closed':
      return `Closed for responses: ${facts.submitted} of ${facts.providers} ${providersWord(facts.providers)} submitted.`;
    case 'evaluation':
      return `In evaluation: ${facts.submitted} submitted ${facts.submitted === 1 ? 'response is' : 'responses are'} scored and compared; the panel can now score them.`;
    case 'dossier_review':
      return 'Sent to legal review: the weights are locked. Render the dossier below for the legal reviewers.';
    case 'signed_off':
      return 'Sign-off recorded.';
    case 'awarded':
      return 'Award recorded: the procurement is finished. Complete the agency’s readiness checklist before putting the system into use.';
    case 'in_use':
      return 'The system is in use: every mandatory readiness item was closed.';
    case 'cancelled':
      return 'The procurement was cancelled; provider links no longer work.';
    default:
      return 'The case was saved as a draft.';
  }
}
