import { ScoringInputError } from './errors';
import { compareText } from './evidence';
import { Comparison } from './compare-providers';

/** One provider's price offer, in the case's currency. */
export interface ProviderPrice {
  providerId: string;
  amount: number;
}

export interface PricedProvider {
  providerId: string;
  name: string;
  /** Competition ranking on the total, as in the quality ranking (1, 1, 3). */
  rank: number;
  /** The quality overall from the comparison (0–100). */
  quality: number;
  amount: number;
  /** 100 × lowest price ÷ this price: the cheapest offer gets 100. */
  priceScore: number;
  /** quality × (100 − price weight) ÷ 100 + price score × price weight ÷ 100. */
  total: number;
}

export interface PriceSensitivityCase {
  delta: number;
  appliedDelta: number;
  priceWeight: number;
  ranking: string[];
  changed: boolean;
  leader: string[];
  leaderChanged: boolean;
}

/**
 * The final ranking of a case with a price criterion: quality and price combined. Only providers the
 * quality comparison ranked take part; the lowest of their prices sets the price scale, so a
 * disqualified provider's offer never moves anyone's price score.
 */
export interface PriceRanking {
  /** Share of the price in the total, 0–100; the quality criteria share the rest. */
  weight: number;
  ranked: PricedProvider[];
  /** Ranked on quality but without a recorded price: left out of the final ranking until priced. */
  withoutPrice: Array<{ providerId: string; name: string }>;
  sensitivity: { shift: number; cases: PriceSensitivityCase[]; rankingStable: boolean };
}

/** Problems with a price weight as typed in; null means the case has no price criterion. */
export function validatePriceWeight(weight: unknown): string[] {
  if (weight === null) return [];
  if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > 100)
    return ['price weight must be a whole number from 0 to 100, or null for no price criterion'];
  return [];
}

/** Problems with price offers: each a positive, finite amount, one per provider. */
export function validatePrices(prices: ProviderPrice[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const price of prices) {
    if (!Number.isFinite(price.amount) || price.amount <= 0)
      problems.push(`price of ${price.providerId} must be more than 0`);
    if (seen.has(price.providerId)) problems.push(`provider ${price.providerId} has two prices`);
    seen.add(price.providerId);
  }
  return problems;
}

/** Lowest-price method: the cheapest offer scores 100, an offer twice as dear scores 50. */
export function priceScores(prices: ProviderPrice[]): Map<string, number> {
  const problems = validatePrices(prices);
  if (problems.length) throw new ScoringInputError(problems);
  const lowest = Math.min(...prices.map((p) => p.amount));
  return new Map(prices.map((p) => [p.providerId, (100 * lowest) / p.amount]));
}

const SCORE_RESOLUTION = 1e6;

interface Entry {
  providerId: string;
  name: string;
  quality: number;
  amount: number;
  priceScore: number;
}

function rankUnder(entries: Entry[], weight: number) {
  const totals = entries.map((e) => (e.quality * (100 - weight) + e.priceScore * weight) / 100);
  const keys = totals.map((t) => Math.round(t * SCORE_RESOLUTION));
  const order = entries
    .map((_, i) => i)
    .sort(
      (a, b) =>
        keys[b] - keys[a] ||
        compareText(entries[a].name, entries[b].name) ||
        compareText(entries[a].providerId, entries[b].providerId),
    );
  const ranks: number[] = new Array(entries.length);
  order.forEach((entry, position) => {
    const previous = order[position - 1];
    ranks[entry] = position > 0 && keys[previous] === keys[entry] ? ranks[previous] : position + 1;
  });
  return { totals, order, ranks };
}

/**
 * Combines the quality comparison with price offers under the case's price weight, and checks how
 * the final ranking reacts to moving the price weight by ±shift points (clamped to 0–100).
 */
export function rankWithPrice(
  comparison: Comparison,
  priceWeight: number,
  prices: ProviderPrice[],
  options: { shift?: number } = {},
): PriceRanking {
  const shift = options.shift ?? comparison.sensitivity.shift;
  const problems = [...validatePriceWeight(priceWeight), ...validatePrices(prices)];
  if (problems.length) throw new ScoringInputError(problems);
  const amountOf = new Map(prices.map((p) => [p.providerId, p.amount]));
  const priced = comparison.ranked.filter((p) => amountOf.has(p.providerId));
  const scores = priced.length
    ? priceScores(priced.map((p) => ({ providerId: p.providerId, amount: amountOf.get(p.providerId) as number })))
    : new Map<string, number>();
  const entries: Entry[] = priced.map((p) => ({
    providerId: p.providerId,
    name: p.name,
    quality: p.overall,
    amount: amountOf.get(p.providerId) as number,
    priceScore: scores.get(p.providerId) as number,
  }));

  const base = rankUnder(entries, priceWeight);
  const leadersOf = (order: number[], ranks: number[]) =>
    order.filter((i) => ranks[i] === 1).map((i) => entries[i].providerId);
  const baseLeader = leadersOf(base.order, base.ranks);
  const cases: PriceSensitivityCase[] = [-shift, shift].map((delta) => {
    const moved = Math.min(100, Math.max(0, priceWeight + delta));
    const under = rankUnder(entries, moved);
    const leader = leadersOf(under.order, under.ranks);
    return {
      delta,
      appliedDelta: moved - priceWeight,
      priceWeight: moved,
      ranking: under.order.map((i) => entries[i].providerId),
      changed: entries.some((_, i) => under.ranks[i] !== base.ranks[i]),
      leader,
      leaderChanged: leader.length !== baseLeader.length || leader.some((id, i) => id !== baseLeader[i]),
    };
  });

  return {
    weight: priceWeight,
    ranked: base.order.map((i) => ({ ...entries[i], rank: base.ranks[i], total: base.totals[i] })),
    withoutPrice: comparison.ranked
      .filter((p) => !amountOf.has(p.providerId))
      .map((p) => ({ providerId: p.providerId, name: p.name })),
    sensitivity: { shift, cases, rankingStable: cases.every((c) => !c.changed) },
  };
}

/** The price-weight sensitivity check in plain sentences, for the comparison page and the dossier. */
export function priceSensitivityStatement(ranking: PriceRanking): string[] {
  if (ranking.ranked.length < 2)
    return ['Fewer than two ranked providers have a price, so there is no ranking to test.'];
  const names = new Map(ranking.ranked.map((p) => [p.providerId, p.name]));
  const sentences: string[] = [];
  for (const c of ranking.sensitivity.cases) {
    if (!c.changed || c.appliedDelta === 0) continue;
    const move = `Moving the price weight from ${ranking.weight} to ${c.priceWeight}`;
    sentences.push(
      c.leaderChanged
        ? `${move} puts ${c.leader.map((id) => names.get(id) ?? id).join(' and ')} first.`
        : `${move} changes the order below first place.`,
    );
  }
  if (sentences.length === 0)
    sentences.push(
      `Moving the price weight by up to ${ranking.sensitivity.shift} points does not change the final ranking.`,
    );
  return sentences;
}
