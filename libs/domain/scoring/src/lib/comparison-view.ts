import { CORE_PRINCIPLES, INSTRUMENTAL_PRINCIPLES } from '@probity/rubric';
import { ChartSeries, formatScore, PrincipleLevel } from './charts';
import { Comparison } from './compare-providers';

/**
 * Shading band of a score in the heat-map table. The band is always printed next to the number, so
 * the table never relies on colour alone.
 */
export type ScoreBand = 'high' | 'medium' | 'low' | 'none';

/** Band limits in points: at or above HIGH is high, at or above MEDIUM is medium. */
export const SCORE_BANDS = { high: 75, medium: 50 } as const;

export function scoreBand(value: number | null | undefined): ScoreBand {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'none';
  if (value >= SCORE_BANDS.high) return 'high';
  if (value >= SCORE_BANDS.medium) return 'medium';
  return 'low';
}

export interface MatrixCell {
  principle: string;
  value: number | null;
  text: string;
  band: ScoreBand;
}

export interface MatrixRow {
  providerId: string;
  name: string;
  rank: number;
  overall: number;
  overallText: string;
  cells: MatrixCell[];
}

export interface ComparisonMatrix {
  level: PrincipleLevel;
  columns: Array<{ id: string; name: string }>;
  rows: MatrixRow[];
}

/**
 * Ranked providers × principles as a table: one row per ranked provider in rank order, one cell per
 * principle in the Toolkit's order. Disqualified and unscored providers have no row: they are listed
 * with their reasons instead, so an empty cell can never be read as a score.
 */
export function comparisonMatrix(comparison: Comparison, level: PrincipleLevel): ComparisonMatrix {
  const columns = (level === 'core' ? CORE_PRINCIPLES : INSTRUMENTAL_PRINCIPLES).map((p) => ({
    id: p.id as string,
    name: p.name as string,
  }));
  return {
    level,
    columns,
    rows: comparison.ranked.map((provider) => {
      const values = (level === 'core' ? provider.core : provider.instrumental) as Record<string, number | null>;
      return {
        providerId: provider.providerId,
        name: provider.name,
        rank: provider.rank,
        overall: provider.overall,
        overallText: formatScore(provider.overall),
        cells: columns.map((column) => {
          const value = values[column.id] ?? null;
          return { principle: column.id, value, text: formatScore(value), band: scoreBand(value) };
        }),
      };
    }),
  };
}

/** Chart series of the ranked providers, in rank order, for the SVG charts. */
export function comparisonSeries(comparison: Comparison, level: PrincipleLevel = 'core'): ChartSeries[] {
  return comparison.ranked.map((provider) => ({
    name: provider.name,
    values: level === 'core' ? provider.core : provider.instrumental,
  }));
}

export interface SensitivityStatement {
  /** True when no tested weight move changes any rank and no two ranked providers are close. */
  robust: boolean;
  sentences: string[];
}

const joinNames = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/**
 * The sensitivity check in plain sentences for the comparison page and the dossier: whether moving
 * any criterion weight by the tested number of points changes the ranking, which moves change the
 * leader or swap providers, and which ranked providers are within the margin of each other.
 */
export function sensitivityStatement(comparison: Comparison): SensitivityStatement {
  const { shift, margin, cases, closePairs } = comparison.sensitivity;
  const names = new Map(comparison.ranked.map((provider) => [provider.providerId, provider.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const criterion = new Map<string, string>(CORE_PRINCIPLES.map((p) => [p.id, p.name]));
  const points = (value: number) => `${formatScore(Math.abs(value))} point${Math.abs(value) === 1 ? '' : 's'}`;

  if (comparison.ranked.length < 2) {
    return {
      robust: true,
      sentences: [
        comparison.ranked.length === 0
          ? 'No provider is ranked, so there is no ranking to test.'
          : `Only ${comparison.ranked[0].name} is ranked, so no weight change can alter the ranking.`,
      ],
    };
  }

  const sentences: string[] = [];
  const changed = cases.filter((c) => c.changed && c.appliedDelta !== 0);
  if (changed.length === 0) {
    sentences.push(
      `Moving any criterion's weight by up to ${points(shift)} (the others rescaled to keep 100) does not change the ranking.`,
    );
  } else {
    for (const c of changed) {
      const move = `${c.appliedDelta > 0 ? 'Raising' : 'Lowering'} ${criterion.get(c.principle) ?? c.principle} by ${points(c.appliedDelta)}`;
      const effects: string[] = [];
      if (c.leaderChanged) effects.push(`puts ${joinNames(c.leader.map(nameOf))} first`);
      const swaps = c.swaps.map(([ahead, overtakenBy]) => `${nameOf(overtakenBy)} overtakes ${nameOf(ahead)}`);
      if (swaps.length) effects.push(joinNames(swaps));
      if (effects.length === 0) effects.push('changes ranks through ties');
      sentences.push(`${move} ${joinNames(effects)}.`);
    }
  }
  for (const pair of closePairs) {
    sentences.push(
      `${nameOf(pair.a)} and ${nameOf(pair.b)} are ${formatScore(pair.difference)} points apart, within the margin of ${points(margin)}: treat their order as a near tie.`,
    );
  }
  return { robust: changed.length === 0 && closePairs.length === 0, sentences };
}
