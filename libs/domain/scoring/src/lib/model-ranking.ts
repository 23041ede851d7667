import type { RankingRule, ScoringDirection, ScoringModelOutcome } from '@probity/rubric';
import { compareText } from './evidence';

/** One provider as the model ranking reads it: its stored model outcome and whether a knock-out fired. */
export interface ModelRankingEntry {
  providerId: string;
  name: string;
  outcome: ScoringModelOutcome | null;
  knockedOut: boolean;
}

export interface ModelRankedProvider {
  providerId: string;
  name: string;
  /** Competition ranking (1, 1, 3); null under `ranking: none`, where only pass/fail is decided. */
  rank: number | null;
  /** The value ranked by (or the levels' value under `level`/`none`), as the model computed it. */
  value: number | null;
  level: string | null;
  pass: boolean | null;
  /** Every group total and derived value, for the comparison table and the dossier. */
  values: Array<{ name: string; value: number | null; maximum: number | null }>;
}

export interface ModelRanking {
  rule: RankingRule;
  direction: ScoringDirection;
  /** Best first under the rule and direction; equal keys in name order. Under `none`, in name order. */
  ranked: ModelRankedProvider[];
  /** Eligible providers the rule cannot place: no value or no level (listed, never ranked last). */
  unplaced: ModelRankedProvider[];
  /** Knocked-out providers: never ranked, whatever their model values. */
  disqualified: string[];
}

/** Values are compared at a millionth, as the principle comparison does, so rounding noise never splits a tie. */
const RESOLUTION = 1e6;

/**
 * Ranks a case's providers by the questionnaire's own scoring model: by a value (highest first when
 * higher is better, lowest first when higher is riskier), by level (the best band first, in the same
 * sense), or not at all (`none`: each provider passes or fails by its level). Pure.
 */
export function rankByScoringModel(entries: ModelRankingEntry[]): ModelRanking | null {
  const first = entries.find((entry) => entry.outcome !== null)?.outcome;
  if (!first) return null;
  const { ranking: rule, direction } = first;
  const sign = direction === 'higher-is-better' ? -1 : 1;
  const placed: Array<{ provider: ModelRankedProvider; key: number }> = [];
  const unplaced: ModelRankedProvider[] = [];
  for (const entry of entries) {
    if (entry.knockedOut || !entry.outcome) continue;
    const outcome = entry.outcome;
    const rankedBy = rule.by === 'value' ? rule.value : outcome.level?.of;
    const value = outcome.values.find((candidate) => candidate.name === rankedBy)?.value ?? null;
    const provider: ModelRankedProvider = {
      providerId: entry.providerId,
      name: entry.name,
      rank: null,
      value,
      level: outcome.level?.level ?? null,
      pass: outcome.level?.pass ?? null,
      values: outcome.values,
    };
    const raw = rule.by === 'value' ? value : rule.by === 'level' ? (outcome.level?.index ?? null) : 0;
    if (raw === null) unplaced.push(provider);
    else placed.push({ provider, key: sign * Math.round(raw * RESOLUTION) });
  }
  const byName = (a: ModelRankedProvider, b: ModelRankedProvider) =>
    compareText(a.name, b.name) || compareText(a.providerId, b.providerId);
  placed.sort((a, b) => a.key - b.key || byName(a.provider, b.provider));
  if (rule.by !== 'none')
    placed.forEach((entry, position) => {
      const previous = placed[position - 1];
      entry.provider.rank =
        position > 0 && previous.key === entry.key ? (previous.provider.rank as number) : position + 1;
    });
  return {
    rule,
    direction,
    ranked: placed.map((entry) => entry.provider),
    unplaced: unplaced.sort(byName),
    disqualified: entries.filter((entry) => entry.knockedOut).map((entry) => entry.providerId),
  };
}
