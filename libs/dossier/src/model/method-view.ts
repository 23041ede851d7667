import { changedWeights } from '@probity/cases';
import { CORE_PRINCIPLES } from '@probity/rubric';
import type { AwardRecord } from '../reproducible/award-record';

const minute = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : null);

/** The published method as the procedure chapter prints it: its hash, the first weights and every amendment. */
export function methodView(award: AwardRecord | undefined) {
  if (!award) return null;
  const { amendments } = award.method;
  const first = amendments[0]?.changes.weights.before;
  return {
    publishedMethodHash: award.method.publishedMethodHash,
    originalWeights: first ? CORE_PRINCIPLES.map((p) => ({ name: p.name, weight: first[p.id] ?? 0 })) : null,
    amendments: amendments.map((amendment) => ({
      number: amendment.number,
      publishedAt: minute(amendment.publishedAt),
      newResponsesDue: minute(amendment.newResponsesDue),
      reason: amendment.reason,
      changes: changedWeights(amendment.changes),
      methodHash: amendment.methodHash,
    })),
  };
}
