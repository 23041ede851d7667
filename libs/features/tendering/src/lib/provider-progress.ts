import type { ProviderResponse } from '@probity/cases';

export type ProgressStage = 'invited' | 'opened' | 'in_progress' | 'submitted' | 'withdrawn';

export interface ProviderProgressRow {
  responseId: string;
  organisationName: string;
  country: string;
  contactEmails: string[];
  stage: ProgressStage;
  firstOpenedAt: Date | null;
  submittedAt: Date | null;
  submissionHash: string | null;
  /** When the officer withdrew the provider's link (no link of theirs works); null otherwise. */
  withdrawnAt: Date | null;
}

/**
 * The officer's progress table: how far each invited provider has got. A provider whose link was
 * withdrawn (and not re-issued) is no longer counted as invited, unless it had already submitted:
 * a submission stands whatever happens to the link.
 */
export function providerProgress(
  responses: ProviderResponse[],
  withdrawnAt: ReadonlyMap<string, Date> = new Map(),
): {
  rows: ProviderProgressRow[];
  counts: Record<ProgressStage, number>;
} {
  const counts: Record<ProgressStage, number> = { invited: 0, opened: 0, in_progress: 0, submitted: 0, withdrawn: 0 };
  const rows = responses.map((response) => {
    const withdrawn = response.status !== 'submitted' ? (withdrawnAt.get(response.id) ?? null) : null;
    const stage: ProgressStage =
      response.status === 'submitted'
        ? 'submitted'
        : withdrawn
          ? 'withdrawn'
          : response.status === 'in_progress'
            ? 'in_progress'
            : response.firstOpenedAt
              ? 'opened'
              : 'invited';
    counts[stage] += 1;
    return {
      responseId: response.id,
      organisationName: response.organisationName,
      country: response.country,
      contactEmails: response.contactEmails,
      stage,
      firstOpenedAt: response.firstOpenedAt,
      submittedAt: response.submittedAt,
      submissionHash: response.submissionHash,
      withdrawnAt: withdrawn,
    };
  });
  return { rows, counts };
}
