import type { ProviderResponse } from '@probity/cases';

export type ProgressStage = 'invited' | 'opened' | 'in_progress' | 'submitted';

export interface ProviderProgressRow {
  responseId: string;
  organisationName: string;
  country: string;
  contactEmails: string[];
  stage: ProgressStage;
  firstOpenedAt: Date | null;
  submittedAt: Date | null;
  submissionHash: string | null;
}

/** The officer's progress table: how far each invited provider has got. */
export function providerProgress(responses: ProviderResponse[]): {
  rows: ProviderProgressRow[];
  counts: Record<ProgressStage, number>;
} {
  const counts: Record<ProgressStage, number> = { invited: 0, opened: 0, in_progress: 0, submitted: 0 };
  const rows = responses.map((response) => {
    const stage: ProgressStage =
      response.status === 'submitted'
        ? 'submitted'
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
    };
  });
  return { rows, counts };
}
