import type { CaseStatus } from '@probity/cases';

/**
 * Where a case's comparison stands:
 * - `not_started`: evaluation has not started, so there is nothing to compare yet;
 * - `pending`: scoring or comparing is under way, or the weights changed and the comparison re-runs;
 * - `ready`: the stored comparison uses the current weights and covers every submitted response.
 */
export type ComparisonStatus = 'not_started' | 'pending' | 'ready';

export interface ScoringProgressInput {
  caseStatus: CaseStatus;
  submittedResponseIds: string[];
  scored: number;
  /** Providers of the newest comparison made with the case's current weights; null when there is none. */
  comparedProviderIds: string[] | null;
}

export interface ScoringProgressView {
  submitted: number;
  scored: number;
  comparison: ComparisonStatus;
  /** Nothing more will change without someone acting: every response scored and compared, or the case cancelled. */
  done: boolean;
  /** One line for the `role="status"` element of the comparison page. */
  message: string;
}

/** Statuses in which a comparison runs or has run. */
const EVALUATED: ReadonlySet<CaseStatus> = new Set(['evaluation', 'dossier_review', 'signed_off', 'awarded', 'in_use']);

const responses = (count: number) => (count === 1 ? '1 response' : `All ${count} responses`);

export function scoringProgress(input: ScoringProgressInput): ScoringProgressView {
  const submitted = input.submittedResponseIds.length;
  const scored = Math.min(input.scored, submitted);
  const compared = new Set(input.comparedProviderIds ?? []);
  const covers =
    input.comparedProviderIds !== null &&
    compared.size === submitted &&
    input.submittedResponseIds.every((id) => compared.has(id));
  const comparison: ComparisonStatus =
    covers && scored === submitted
      ? 'ready'
      : EVALUATED.has(input.caseStatus) || input.comparedProviderIds !== null
        ? 'pending'
        : 'not_started';
  const done = comparison === 'ready' || input.caseStatus === 'cancelled';

  let message: string;
  if (submitted === 0)
    message =
      comparison === 'ready' ? 'No responses were submitted: nothing to compare.' : 'No responses submitted yet.';
  else if (scored < submitted) message = `Scoring ${scored}/${submitted} responses.`;
  else if (comparison === 'ready') message = `${responses(submitted)} scored and compared.`;
  else if (comparison === 'pending') message = `${responses(submitted)} scored; comparing providers.`;
  else message = `${responses(submitted)} scored; the comparison runs when evaluation starts.`;
  return { submitted, scored, comparison, done, message };
}
