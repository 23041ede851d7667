import { changedWeights } from '@probity/cases';
import { CORE_PRINCIPLES } from '@probity/rubric';
import type { AwardRecord } from '../reproducible/award-record';
import { DossierCatalogue, fill } from './catalogue/catalogue';
import { methodStatement } from './method-statement';

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

/** The weights as first published, as one printed list ("Lawfulness 20 %; …"). */
export function methodWithText(award: AwardRecord | undefined) {
  const method = methodView(award);
  return (
    method && {
      ...method,
      originalWeightsText: method.originalWeights?.map((p) => `${p.name} ${p.weight} %`).join('; '),
    }
  );
}

/** The method statement with its lists already worded, so each sentence is one catalogue entry. */
export function methodStatementWithText(award: AwardRecord | undefined, t: DossierCatalogue) {
  const statement = methodStatement(award, t);
  if (!statement) return null;
  const heaviest = statement.example?.heaviest;
  return {
    ...statement,
    criteriaText: statement.criteria.map((c) => `${c.name} ${c.weight}`).join('; '),
    example: statement.example && {
      ...statement.example,
      heaviest: heaviest && {
        ...heaviest,
        text: heaviest.instrumental.map((p) => fill(t.method.subWeight, p)).join('; '),
      },
    },
  };
}
