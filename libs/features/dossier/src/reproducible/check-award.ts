import { methodHash } from '@probity/cases';
import { contentHash } from '@probity/questionnaires';
import { AwardRecord, AwardResults, recomputeAward } from './award-record';

/** Floating-point sums may differ in the last bits between machines; anything larger is a difference. */
const TOLERANCE = 1e-9;

/**
 * Every difference between two JSON values, as `path: embedded … recomputed …`. Arrays of providers
 * and rankings are compared position by position: a changed rank order is a difference.
 */
export function jsonDifferences(embedded: unknown, recomputed: unknown, path = ''): string[] {
  if (typeof embedded === 'number' && typeof recomputed === 'number')
    return Math.abs(embedded - recomputed) <= TOLERANCE ? [] : [describe(path, embedded, recomputed)];
  if (Array.isArray(embedded) && Array.isArray(recomputed)) {
    const length = Math.max(embedded.length, recomputed.length);
    return Array.from({ length }, (_, i) => jsonDifferences(embedded[i], recomputed[i], `${path}[${i}]`)).flat();
  }
  if (isObject(embedded) && isObject(recomputed)) {
    const keys = [...new Set([...Object.keys(embedded), ...Object.keys(recomputed)])].sort();
    return keys.flatMap((key) => jsonDifferences(embedded[key], recomputed[key], path ? `${path}.${key}` : key));
  }
  return JSON.stringify(embedded) === JSON.stringify(recomputed) ? [] : [describe(path, embedded, recomputed)];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shown = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));
const describe = (path: string, embedded: unknown, recomputed: unknown) =>
  `${path || '(root)'}: embedded ${shown(embedded)}, recomputed ${shown(recomputed)}`;

export interface AwardCheck {
  /** Problems with the method itself: its questionnaire or method hash is not the published one. */
  methodProblems: string[];
  /** Differences between the embedded results and the recomputed ones. */
  differences: string[];
  recomputed: AwardResults;
}

/** Checks the embedded method against its published hash and recomputes every result from it. */
export function checkAward(record: AwardRecord): AwardCheck {
  const { method } = record;
  const methodProblems: string[] = [];
  const questionnaireHash = contentHash(method.questionnaire);
  if (questionnaireHash !== method.questionnaireHash)
    methodProblems.push(
      `The embedded questionnaire hashes to ${questionnaireHash}, not to the published ${method.questionnaireHash}.`,
    );
  const computedMethodHash = methodHash({
    questionnaireHash,
    criteriaWeights: method.criteriaWeights,
    priceWeight: method.priceWeight,
  });
  if (computedMethodHash !== method.publishedMethodHash)
    methodProblems.push(
      `The embedded method hashes to ${computedMethodHash}, not to the published method hash ${method.publishedMethodHash}.`,
    );
  const recomputed = recomputeAward(method, record.answers);
  return { methodProblems, differences: jsonDifferences(record.results, recomputed), recomputed };
}
