import { contentHash } from '@probity/questionnaires';
import { CORE_PRINCIPLES } from '@probity/rubric';
import type { CaseStatus } from './case-lifecycle';
import { responsesClosedAt } from './response-period';

/**
 * How the evaluation method (questionnaire, award criteria weights, price weight) may change now.
 * Before publication the officer sets it up freely; once published and until responses are due a
 * change is a published amendment every invited provider is told of; after that it is frozen, so
 * every tender is evaluated by the method it was submitted under (Directive 2014/24/EU Art. 67(5)).
 */
export type MethodChange = { kind: 'set-up' } | { kind: 'amendment' } | { kind: 'frozen'; reason: string };

export interface MethodCase {
  status: CaseStatus;
  responsesDue: Date;
  responsesClosedAt: Date | null;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export function methodChange(procurementCase: MethodCase, now: Date = new Date()): MethodChange {
  if (procurementCase.status === 'draft') return { kind: 'set-up' };
  const closedAt = responsesClosedAt(procurementCase, now);
  if (procurementCase.status === 'open' && !closedAt) return { kind: 'amendment' };
  const when = closedAt ?? procurementCase.responsesDue;
  return {
    kind: 'frozen',
    reason: `The evaluation method froze when responses closed on ${day(when)}: after the response deadline the award criteria and weights can no longer change, so every tender is evaluated by the method published to all providers.`,
  };
}

export interface MethodParts {
  questionnaireHash: string;
  criteriaWeights: Record<string, number>;
  priceWeight: number | null;
}

/**
 * The fingerprint of the published method: the frozen questionnaire (by its content hash), the
 * criteria weights and the price weight. Providers are given it with the tender and with every
 * amendment; the dossier embeds the method and anyone can check it against this value.
 */
export function methodHash(parts: MethodParts): string {
  return contentHash({
    questionnaireHash: parts.questionnaireHash,
    criteriaWeights: parts.criteriaWeights,
    priceWeight: parts.priceWeight,
  });
}

export interface AmendmentRequest {
  reason?: string;
  /** A later response deadline, when the officer extends it with the amendment. */
  responsesDue?: Date | null;
}

export const MAX_AMENDMENT_REASON_LENGTH = 4000;

/** What is wrong with an amendment request (empty when nothing is), in words the officer can act on. */
export function amendmentProblems(request: AmendmentRequest, currentDue: Date, now: Date = new Date()): string[] {
  const problems: string[] = [];
  const reason = request.reason?.trim() ?? '';
  if (!reason)
    problems.push(
      'The tender is published: a change of the method is a published amendment. Give the reason every provider will read.',
    );
  if (reason.length > MAX_AMENDMENT_REASON_LENGTH)
    problems.push(`The reason can be at most ${MAX_AMENDMENT_REASON_LENGTH} characters.`);
  const due = request.responsesDue;
  if (due !== undefined && due !== null) {
    if (Number.isNaN(due.getTime())) problems.push('The new response deadline is not a date.');
    else if (due.getTime() <= currentDue.getTime() || due.getTime() <= now.getTime())
      problems.push(`A new response deadline must be later than the current one (${currentDue.toISOString()}).`);
  }
  return problems;
}

/** What an amendment changes: each weight (points out of 100) and the price weight, before → after. */
export interface WeightsChangeRecord {
  weights: { before: Record<string, number>; after: Record<string, number> };
  priceWeight: { before: number | null; after: number | null };
}

const pointsText = (value: number | null | undefined) => (value === null || value === undefined ? '—' : String(value));

/** The criteria whose weight changed, in the Toolkit's order and the price last, as providers read them. */
export function changedWeights(
  changes: WeightsChangeRecord,
): Array<{ criterion: string; before: string; after: string }> {
  const rows = CORE_PRINCIPLES.filter((p) => changes.weights.before[p.id] !== changes.weights.after[p.id]).map((p) => ({
    criterion: p.name as string,
    before: pointsText(changes.weights.before[p.id]),
    after: pointsText(changes.weights.after[p.id]),
  }));
  if (changes.priceWeight.before !== changes.priceWeight.after)
    rows.push({
      criterion: 'Price',
      before: pointsText(changes.priceWeight.before),
      after: pointsText(changes.priceWeight.after),
    });
  return rows;
}
