import { PUBLISHED_RULES } from '@probity/rubric';

/**
 * The panel's verdict on the evidence attached to a claim the method says needs evidence
 * (`evidenceRequired`): does the evidence support the answer given?
 */
export type EvidenceVerdict = 'supports' | 'does-not-support';

/**
 * Moderated evidence verdicts by question name, recorded by the panel's "evidence supports the
 * claim" step and fed to `scoreResponse` as `evidenceConfirmations`. A question without an entry has
 * not been confirmed yet.
 */
export type EvidenceConfirmations = ReadonlyMap<string, EvidenceVerdict>;

/** How the evidence rule treated one claim (only on questions whose answer needs evidence to score). */
export type EvidenceStatus =
  /** Evidence attached and the panel confirmed it supports the claim: the answer's points count. */
  | 'confirmed'
  /** No evidence attached: the claim scores as the worst answer (0). */
  | 'missing'
  /** Evidence attached, no panel verdict yet: 0 for now, listed in `awaitingEvidenceConfirmation`. */
  | 'awaiting-confirmation'
  /** The panel found the evidence does not support the claim: 0. */
  | 'not-supported';

/** The published rule, worded once so the scorer, the portal and the dossier say the same thing. */
export const EVIDENCE_RULE = PUBLISHED_RULES.evidence;

/** The evidence status of an answered claim worth `claimedPoints`, or null when the rule does not apply. */
export function evidenceStatusOf(
  claimedPoints: number,
  attached: boolean,
  verdict: EvidenceVerdict | undefined,
): EvidenceStatus | null {
  // A claim worth nothing (the worst answer) needs no proof: evidence could only lower it.
  if (claimedPoints <= 0) return null;
  if (!attached) return 'missing';
  if (verdict === undefined) return 'awaiting-confirmation';
  return verdict === 'supports' ? 'confirmed' : 'not-supported';
}
