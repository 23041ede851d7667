import { changedWeights } from '@probity/cases';
import { CORE_PRINCIPLES } from '@probity/rubric';
import type { AwardRecord } from '../reproducible/award-record';
import { DossierCatalogue, fill } from './catalogue/catalogue';
import { principleNamer } from './dossier-wording';
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

/** The method in the dossier's language: principle names translated, the first weights as one list. */
export function methodWithText(award: AwardRecord | undefined, t: DossierCatalogue) {
  const method = methodView(award);
  if (!method) return null;
  const principle = principleNamer(t);
  return {
    ...method,
    originalWeightsText: method.originalWeights?.map((p) => `${principle(p.name)} ${p.weight} %`).join('; '),
    amendments: method.amendments.map((amendment) => ({
      ...amendment,
      changes: amendment.changes.map((change) => ({ ...change, criterion: principle(change.criterion) })),
    })),
  };
}

/** The method statement with its lists already worded, so each sentence is one catalogue entry. */
export function methodStatementWithText(award: AwardRecord | undefined, t: DossierCatalogue) {
  const statement = methodStatement(award, t);
  if (!statement) return null;
  const principle = principleNamer(t);
  const example = statement.example;
  return {
    ...statement,
    criteriaText: statement.criteria.map((c) => `${principle(c.name)} ${c.weight}`).join('; '),
    example: example && {
      ...example,
      terms: example.terms.map((term) => ({ ...term, name: principle(term.name) })),
      heaviest: example.heaviest && {
        ...example.heaviest,
        name: principle(example.heaviest.name),
        text: example.heaviest.instrumental
          .map((p) => fill(t.method.subWeight, { ...p, name: principle(p.name) }))
          .join('; '),
      },
    },
  };
}
