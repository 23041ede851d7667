import { contentHash } from '@probity/questionnaires';
import type { Comparison, PriceRanking, ProviderAccuracy } from '@probity/scoring';

/**
 * What a comparison's price part was computed from. Stored with the comparison so the one matching
 * the case's current price weight and prices can be found; without a price criterion prices do not
 * matter, so changing them re-runs nothing.
 */
export interface PricingInputs {
  weight: number | null;
  /** Hash of the recorded prices by response; null without a price criterion. */
  prices: string | null;
}

export const NO_PRICING: PricingInputs = { weight: null, prices: null };

export function pricingInputs(
  priceWeight: number | null,
  prices: Array<{ responseId: string; amount: number }>,
): PricingInputs {
  if (priceWeight === null) return NO_PRICING;
  const pairs = prices.map((p) => [p.responseId, p.amount] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { weight: priceWeight, prices: contentHash(pairs) };
}

/** A comparison as stored: the quality comparison, the inputs of its price part, and the price ranking. */
export type StoredComparison = Comparison & {
  pricing?: PricingInputs;
  price?: PriceRanking;
  /** Each provider's accuracy figures computed from its confusion matrix, flagged when not comparable. */
  accuracy?: ProviderAccuracy[];
};

/** The comparison as a quality evaluator may see it: nothing about prices. */
export function withoutPrices(comparison: StoredComparison): Comparison {
  const { pricing: _pricing, price: _price, ...quality } = comparison;
  return quality;
}
