import { CORE_PRINCIPLES, CorePrincipleId, INSTRUMENTAL_PRINCIPLES, InstrumentalPrincipleId } from '@probity/rubric';
import type {
  Comparison,
  ComparisonOptions,
  ProviderResult,
  RankedProvider,
  SensitivityCase,
  UnscoredProvider,
} from './comparison-types';
import { ScoringInputError } from './errors';
import { compareText } from './evidence';
import { rankByScoringModel } from './model-ranking';
import { coreScores, overallUnder, SCORING_VERSION } from './score-response';
import { assertCriteriaWeights, CriteriaWeights, resolvePrincipleWeights, shiftWeight } from './weights';

export type {
  Comparison,
  ComparisonOptions,
  DisqualifiedProvider,
  ProviderFinding,
  ProviderResult,
  RankedProvider,
  SensitivityCase,
  UnscoredProvider,
} from './comparison-types';

/**
 * Scores are compared at a millionth of a point, so floating-point noise (80 vs 80.00000000001)
 * never separates providers the weighting treats as equal.
 */
const SCORE_RESOLUTION = 1e6;
const rankKey = (overall: number) => Math.round(overall * SCORE_RESOLUTION);

interface Eligible {
  provider: ProviderResult;
  core: Record<CorePrincipleId, number | null>;
  overall: number;
}

/** Higher score first; equal scores in name order, then id, so the output never depends on input order. */
function byScoreThenName(keys: number[], entries: Eligible[]) {
  return (a: number, b: number) =>
    keys[b] - keys[a] ||
    compareText(entries[a].provider.name, entries[b].provider.name) ||
    compareText(entries[a].provider.providerId, entries[b].provider.providerId);
}

function competitionRanks(order: number[], keys: number[]): number[] {
  const ranks: number[] = new Array(order.length);
  order.forEach((entry, position) => {
    const previous = order[position - 1];
    ranks[entry] = position > 0 && keys[previous] === keys[entry] ? ranks[previous] : position + 1;
  });
  return ranks;
}

function strongestAndWeakest(instrumental: Record<InstrumentalPrincipleId, number | null>) {
  const scored: Array<{ id: InstrumentalPrincipleId; value: number; order: number }> = [];
  INSTRUMENTAL_PRINCIPLES.forEach((principle, order) => {
    const value = instrumental[principle.id];
    if (value !== null && value !== undefined) scored.push({ id: principle.id, value, order });
  });
  // Equal scores keep the Toolkit's order of principles.
  const descending = [...scored].sort((a, b) => b.value - a.value || a.order - b.order);
  const ascending = [...scored].sort((a, b) => a.value - b.value || a.order - b.order);
  // With fewer than four scored principles the two lists would overlap.
  const count = Math.min(2, Math.floor(scored.length / 2));
  if (count === 0) return { strongest: [], weakest: [] };
  const highest = descending[0].value;
  const lowest = ascending[0].value;
  return {
    strongest: descending
      .slice(0, count)
      .filter((entry) => entry.value > lowest)
      .map((entry) => entry.id),
    weakest: ascending
      .slice(0, count)
      .filter((entry) => entry.value < highest)
      .map((entry) => entry.id),
  };
}

function optionProblems(shift: number, margin: number, providers: ProviderResult[]): string[] {
  const problems: string[] = [];
  if (!Number.isFinite(shift) || shift <= 0 || shift > 100) problems.push('shift must be between 0 and 100 points');
  if (!Number.isFinite(margin) || margin < 0) problems.push('margin must be 0 or more points');
  const seen = new Set<string>();
  for (const provider of providers) {
    if (seen.has(provider.providerId)) problems.push(`provider ${provider.providerId} appears twice`);
    seen.add(provider.providerId);
  }
  return problems;
}

const awaitingPanelOf = (provider: ProviderResult) =>
  (provider.sheet.questions ?? []).filter((q) => q.status === 'awaiting-panel').map((q) => q.questionName);

const byName = (a: { name: string; providerId: string }, b: { name: string; providerId: string }) =>
  compareText(a.name, b.name) || compareText(a.providerId, b.providerId);

/**
 * Side-by-side comparison of one case's providers from their stored sheets and rule findings, so
 * a weight change re-runs it without rescoring. Knocked-out providers are listed with their
 * reasons and never ranked; providers with nothing scorable are listed, not ranked. The
 * sensitivity check moves each criterion weight by ±shift points (the others rescaled to keep
 * 100) and reports rank changes, swapped pairs and a change of leader.
 *
 * Cost: O(n log n + k) for n providers and k reported pairs (swaps and close pairs), i.e. near
 * linear unless many providers are within a few points of each other.
 */
export function compareProviders(
  providers: ProviderResult[],
  weights: CriteriaWeights,
  options: ComparisonOptions = {},
): Comparison {
  const shift = options.shift ?? 10;
  const margin = options.margin ?? 2;
  assertCriteriaWeights(weights);
  const problems = optionProblems(shift, margin, providers);
  if (problems.length) throw new ScoringInputError(problems);
  const principleWeights =
    options.principleWeights === undefined ? undefined : resolvePrincipleWeights(options.principleWeights);
  const coreOf = (provider: ProviderResult) =>
    principleWeights
      ? coreScores(provider.sheet.instrumental, principleWeights, provider.sheet.countedWeight).core
      : provider.sheet.core;

  const knockedOut = (p: ProviderResult) => p.findings.some((f) => f.kind === 'knockout');
  const redFlagsOf = (p: ProviderResult) => p.findings.filter((f) => f.kind === 'red-flag');
  const eligible: Eligible[] = [];
  const unscored: UnscoredProvider[] = [];
  for (const provider of providers) {
    if (knockedOut(provider)) continue;
    const core = coreOf(provider);
    const overall = overallUnder({ core }, weights);
    if (overall === null)
      unscored.push({
        providerId: provider.providerId,
        name: provider.name,
        redFlags: redFlagsOf(provider),
        missingEvidence: provider.missingEvidence,
        awaitingPanel: awaitingPanelOf(provider),
      });
    else eligible.push({ provider, core, overall });
  }

  const keys = eligible.map((entry) => rankKey(entry.overall));
  const order = eligible.map((_, index) => index).sort(byScoreThenName(keys, eligible));
  const ranks = competitionRanks(order, keys);
  const ranked: RankedProvider[] = order.map((index) => {
    const { provider, core, overall } = eligible[index];
    return {
      providerId: provider.providerId,
      name: provider.name,
      rank: ranks[index],
      overall,
      core,
      instrumental: provider.sheet.instrumental,
      redFlags: redFlagsOf(provider),
      missingEvidence: provider.missingEvidence,
      ...strongestAndWeakest(provider.sheet.instrumental),
      unscoredCriteria: CORE_PRINCIPLES.filter((p) => core[p.id] === null).map((p) => p.id),
      awaitingPanel: awaitingPanelOf(provider),
    };
  });

  const cases: SensitivityCase[] = [];
  for (const principle of CORE_PRINCIPLES) {
    for (const delta of [-shift, shift]) {
      const shifted = shiftWeight(weights, principle.id, delta);
      cases.push(sensitivityCase(eligible, order, keys, ranks, principle.id, delta, weights, shifted));
    }
  }

  const model = rankByScoringModel(
    providers.map((p) => ({
      providerId: p.providerId,
      name: p.name,
      outcome: p.sheet.model ?? null,
      knockedOut: knockedOut(p),
    })),
  );
  return {
    scoringVersion: SCORING_VERSION,
    weights: { ...weights },
    ...(model ? { model } : {}),
    ...(principleWeights ? { principleWeights } : {}),
    ranked,
    unscored: unscored.sort(byName),
    disqualified: providers
      .filter(knockedOut)
      .map((p) => ({
        providerId: p.providerId,
        name: p.name,
        knockouts: p.findings.filter((f) => f.kind === 'knockout'),
        redFlags: redFlagsOf(p),
        missingEvidence: p.missingEvidence,
        overall: overallUnder({ core: coreOf(p) }, weights),
      }))
      .sort(byName),
    sensitivity: {
      shift,
      margin,
      cases,
      rankingStable: cases.every((c) => !c.changed),
      closePairs: closePairs(ranked, margin),
    },
  };
}

/**
 * Re-ranks under shifted weights by insertion-sorting the published order: every step moves one
 * provider past one other, so the steps are exactly the pairs whose order flips, found in
 * O(n + flipped pairs) without comparing every pair.
 */
function sensitivityCase(
  eligible: Eligible[],
  baseOrder: number[],
  baseKeys: number[],
  baseRanks: number[],
  principle: CorePrincipleId,
  delta: number,
  weights: CriteriaWeights,
  shifted: CriteriaWeights,
): SensitivityCase {
  const keys = eligible.map((entry) => rankKey(overallUnder({ core: entry.core }, shifted) as number));
  const comesBefore = byScoreThenName(keys, eligible);
  const order = [...baseOrder];
  const flipped: Array<[number, number]> = [];
  for (let i = 1; i < order.length; i++) {
    const moving = order[i];
    let j = i - 1;
    while (j >= 0 && comesBefore(order[j], moving) > 0) {
      const passed = order[j];
      // A pair tied before or after is a rank change, not a swap.
      if (baseKeys[passed] > baseKeys[moving] && keys[moving] > keys[passed]) flipped.push([passed, moving]);
      order[j + 1] = passed;
      j--;
    }
    order[j + 1] = moving;
  }
  const ranks = competitionRanks(order, keys);
  const basePosition = new Map(baseOrder.map((entry, position) => [entry, position]));
  flipped.sort(
    ([a1, b1], [a2, b2]) =>
      (basePosition.get(a1) as number) - (basePosition.get(a2) as number) ||
      (basePosition.get(b1) as number) - (basePosition.get(b2) as number),
  );
  const idOf = (index: number) => eligible[index].provider.providerId;
  const leadersOf = (sequence: number[], rankOf: number[]) => sequence.filter((entry) => rankOf[entry] === 1).map(idOf);
  const leader = leadersOf(order, ranks);
  const baseLeader = leadersOf(baseOrder, baseRanks);
  return {
    principle,
    delta,
    appliedDelta: shifted[principle] - weights[principle],
    weights: shifted,
    ranking: order.map(idOf),
    changed: eligible.some((_, index) => ranks[index] !== baseRanks[index]),
    swaps: flipped.map(([a, b]) => [idOf(a), idOf(b)]),
    leader,
    leaderChanged: leader.length !== baseLeader.length || leader.some((id, i) => id !== baseLeader[i]),
  };
}

/** Ranked providers are in score order, so the close pairs of each are the ones right after it. */
function closePairs(ranked: RankedProvider[], margin: number): Comparison['sensitivity']['closePairs'] {
  const pairs: Comparison['sensitivity']['closePairs'] = [];
  for (let i = 0; i < ranked.length; i++) {
    for (let j = i + 1; j < ranked.length; j++) {
      const difference = Math.abs(ranked[i].overall - ranked[j].overall);
      if (difference > margin + 1 / SCORE_RESOLUTION) break;
      pairs.push({ a: ranked[i].providerId, b: ranked[j].providerId, difference });
    }
  }
  return pairs;
}

/**
 * Re-runs a comparison after the officer changes weights (before evaluation is locked), from the
 * stored sheets alone. Throws ScoringInputError with every problem when the new weights are invalid.
 */
export function recompareWithWeights(
  providers: ProviderResult[],
  weights: unknown,
  options: ComparisonOptions = {},
): Comparison {
  assertCriteriaWeights(weights);
  return compareProviders(providers, weights, options);
}
