import { CORE_PRINCIPLES, CorePrincipleId, INSTRUMENTAL_PRINCIPLES, InstrumentalPrincipleId } from '@probity/rubric';
import { overallUnder, ScoreSheet } from './score-response';
import { CriteriaWeights, shiftWeight } from './weights';

export interface ProviderFinding {
  ruleId: string;
  kind: 'knockout' | 'red-flag';
  severity: string;
  title: string;
  firedBy: Array<{ questionName: string; answer: unknown }>;
}

export interface ProviderResult {
  providerId: string;
  name: string;
  sheet: Pick<ScoreSheet, 'core' | 'instrumental' | 'overall'>;
  findings: ProviderFinding[];
  missingEvidence: string[];
}

export interface RankedProvider {
  providerId: string;
  name: string;
  rank: number;
  overall: number | null;
  core: Record<CorePrincipleId, number | null>;
  instrumental: Record<InstrumentalPrincipleId, number | null>;
  redFlags: ProviderFinding[];
  missingEvidence: string[];
  strongest: InstrumentalPrincipleId[];
  weakest: InstrumentalPrincipleId[];
}

export interface DisqualifiedProvider {
  providerId: string;
  name: string;
  knockouts: ProviderFinding[];
  redFlags: ProviderFinding[];
  overall: number | null;
}

export interface SensitivityCase {
  principle: CorePrincipleId;
  delta: number;
  weights: CriteriaWeights;
  ranking: string[];
  changed: boolean;
  /** Pairs of provider ids whose order flips under this weighting. */
  swaps: Array<[string, string]>;
}

export interface Comparison {
  weights: CriteriaWeights;
  ranked: RankedProvider[];
  disqualified: DisqualifiedProvider[];
  sensitivity: {
    shift: number;
    margin: number;
    cases: SensitivityCase[];
    rankingStable: boolean;
    /** Pairs of ranked providers whose overall scores are within the margin. */
    closePairs: Array<{ a: string; b: string; difference: number }>;
  };
}

function orderOf(providers: Array<{ providerId: string; name: string; overall: number | null }>): string[] {
  return [...providers]
    .sort(
      (a, b) =>
        (b.overall ?? -1) - (a.overall ?? -1) ||
        a.name.localeCompare(b.name) ||
        a.providerId.localeCompare(b.providerId),
    )
    .map((p) => p.providerId);
}

/**
 * Side-by-side comparison of one case's providers. Knocked-out providers are listed with their
 * reasons and never ranked; equal scores share a rank (1, 1, 3). The sensitivity check moves each
 * criterion weight by ±shift points and reports whether the order changes.
 */
export function compareProviders(
  providers: ProviderResult[],
  weights: CriteriaWeights,
  options: { shift?: number; margin?: number } = {},
): Comparison {
  const shift = options.shift ?? 10;
  const margin = options.margin ?? 2;
  const knockedOut = (p: ProviderResult) => p.findings.some((f) => f.kind === 'knockout');
  const eligible = providers
    .filter((p) => !knockedOut(p))
    .map((p) => ({ ...p, overall: overallUnder(p.sheet, weights) }));
  const order = orderOf(eligible);

  const ranked: RankedProvider[] = [];
  order.forEach((providerId, index) => {
    const provider = eligible.find((p) => p.providerId === providerId) as (typeof eligible)[number];
    const previous = ranked[index - 1];
    const rank =
      previous &&
      previous.overall !== null &&
      provider.overall !== null &&
      Math.abs(previous.overall - provider.overall) < 1e-9
        ? previous.rank
        : index + 1;
    const scoredPrinciples = INSTRUMENTAL_PRINCIPLES.map((p) => p.id)
      .filter((id) => provider.sheet.instrumental[id] !== null)
      .sort(
        (a, b) =>
          (provider.sheet.instrumental[b] as number) - (provider.sheet.instrumental[a] as number) || a.localeCompare(b),
      );
    ranked.push({
      providerId,
      name: provider.name,
      rank,
      overall: provider.overall,
      core: provider.sheet.core,
      instrumental: provider.sheet.instrumental,
      redFlags: provider.findings.filter((f) => f.kind === 'red-flag'),
      missingEvidence: provider.missingEvidence,
      strongest: scoredPrinciples.slice(0, 2),
      weakest: scoredPrinciples.slice(-2).reverse(),
    });
  });

  const cases: SensitivityCase[] = [];
  for (const principle of CORE_PRINCIPLES) {
    for (const delta of [-shift, shift]) {
      const shifted = shiftWeight(weights, principle.id, delta);
      const ranking = orderOf(eligible.map((p) => ({ ...p, overall: overallUnder(p.sheet, shifted) })));
      const swaps: Array<[string, string]> = [];
      for (let i = 0; i < order.length; i++) {
        for (let j = i + 1; j < order.length; j++) {
          if (ranking.indexOf(order[i]) > ranking.indexOf(order[j])) swaps.push([order[i], order[j]]);
        }
      }
      cases.push({ principle: principle.id, delta, weights: shifted, ranking, changed: swaps.length > 0, swaps });
    }
  }

  const closePairs: Comparison['sensitivity']['closePairs'] = [];
  for (let i = 0; i < ranked.length; i++) {
    for (let j = i + 1; j < ranked.length; j++) {
      const a = ranked[i].overall;
      const b = ranked[j].overall;
      if (a !== null && b !== null && Math.abs(a - b) < margin)
        closePairs.push({ a: ranked[i].providerId, b: ranked[j].providerId, difference: Math.abs(a - b) });
    }
  }

  return {
    weights,
    ranked,
    disqualified: providers.filter(knockedOut).map((p) => ({
      providerId: p.providerId,
      name: p.name,
      knockouts: p.findings.filter((f) => f.kind === 'knockout'),
      redFlags: p.findings.filter((f) => f.kind === 'red-flag'),
      overall: overallUnder(p.sheet, weights),
    })),
    sensitivity: { shift, margin, cases, rankingStable: cases.every((c) => !c.changed), closePairs },
  };
}
