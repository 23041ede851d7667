import type { MethodAmendment } from '@probity/cases';
import type { AwardAmendment } from './award-record';

/** An amendment as the award record states it (dates as ISO 8601 strings, no internal ids). */
export function awardAmendment(amendment: MethodAmendment): AwardAmendment {
  return {
    number: amendment.number,
    publishedAt: amendment.publishedAt.toISOString(),
    reason: amendment.reason,
    changes: amendment.changes,
    methodHash: amendment.methodHash,
    newResponsesDue: amendment.newResponsesDue?.toISOString() ?? null,
  };
}
