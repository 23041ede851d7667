import { CORE_PRINCIPLES, INSTRUMENTAL_PRINCIPLES, InstrumentalPrincipleId } from '@probity/rubric';
import { compareProviders, CriteriaWeights, ProviderFinding, ProviderResult } from '@probity/scoring';
import type { BenchResult } from '../run';

const SIZES = [10, 25, 50, 100, 200];

const WEIGHTS: CriteriaWeights = {
  lawfulness: 25,
  'minimization-of-harm': 25,
  'human-autonomy': 20,
  fairness: 15,
  'good-governance': 15,
};

/** Small deterministic PRNG (mulberry32): the same providers on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KNOCKOUT: ProviderFinding = {
  ruleId: 'ko-no-audit',
  kind: 'knockout',
  severity: 'critical',
  title: 'Refuses independent audit',
  firedBy: [{ questionName: 'audit', answer: 'refuse' }],
};
const RED_FLAG: ProviderFinding = {
  ruleId: 'rf-bias',
  kind: 'red-flag',
  severity: 'high',
  title: 'No bias testing',
  firedBy: [{ questionName: 'biasTesting', answer: 'no' }],
};

/**
 * Providers as stored sheets: instrumental scores spread over 30–100 around a provider-specific
 * level (so scores crowd together as the field grows, like a real tender), one in 20 knocked out,
 * one in 5 with a red flag.
 */
export function syntheticProviders(count: number, seed = 42): ProviderResult[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => {
    const level = 45 + next() * 40;
    const instrumental = Object.fromEntries(
      INSTRUMENTAL_PRINCIPLES.map((p) => [p.id, Math.min(100, Math.max(0, level + (next() - 0.5) * 30))]),
    ) as Record<InstrumentalPrincipleId, number>;
    const core = Object.fromEntries(
      CORE_PRINCIPLES.map((c) => {
        const members = INSTRUMENTAL_PRINCIPLES.filter((p) => p.core === c.id).map((p) => instrumental[p.id]);
        return [c.id, members.reduce((a, b) => a + b, 0) / members.length];
      }),
    ) as ProviderResult['sheet']['core'];
    const findings = [...(index % 20 === 7 ? [KNOCKOUT] : []), ...(index % 5 === 3 ? [RED_FLAG] : [])];
    return {
      providerId: `provider-${String(index).padStart(4, '0')}`,
      name: `Provider ${index}`,
      sheet: { core, instrumental, overall: null },
      findings,
      missingEvidence: index % 4 === 0 ? ['modelCard'] : [],
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** compareProviders (ranking, knock-outs, strongest/weakest, ±10-point sensitivity) for 10 to 200 providers. */
export async function run(): Promise<BenchResult> {
  const rows: string[] = [];
  let previous: { size: number; ms: number } | undefined;
  let first: { size: number; ms: number } | undefined;
  for (const size of SIZES) {
    const providers = syntheticProviders(size);
    const runs = Math.max(20, Math.round(4000 / size));
    for (let i = 0; i < 5; i++) compareProviders(providers, WEIGHTS); // warm-up
    const samples: number[] = [];
    let comparison = compareProviders(providers, WEIGHTS);
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      comparison = compareProviders(providers, WEIGHTS);
      samples.push(performance.now() - started);
    }
    const ms = median(samples);
    const swaps = comparison.sensitivity.cases.reduce((sum, c) => sum + c.swaps.length, 0);
    const growth = previous
      ? `×${(ms / previous.ms).toFixed(2)} for ×${(size / previous.size).toFixed(1)} providers`
      : '—';
    rows.push(
      `| ${size} | ${ms.toFixed(3)} | ${((ms / size) * 1000).toFixed(1)} | ${growth} | ${comparison.ranked.length} / ${comparison.disqualified.length} | ${swaps} | ${comparison.sensitivity.closePairs.length} |`,
    );
    previous = { size, ms };
    first ??= { size, ms };
  }
  const last = previous as { size: number; ms: number };
  const overall = (last.ms / (first as { size: number; ms: number }).ms).toFixed(1);
  return {
    name: 'Comparison of providers (pure function, with ±10-point sensitivity)',
    lines: [
      '| providers | median ms | µs per provider | growth | ranked / knocked out | swaps over 10 cases | close pairs (≤ 2 points) |',
      '|---:|---:|---:|---|---|---:|---:|',
      ...rows,
      '',
      `- ${SIZES[0]} → ${last.size} providers (×${last.size / SIZES[0]}): time ×${overall}. Cost is O(n log n + reported pairs); swaps and close pairs grow faster than n when scores crowd together, since the output itself does.`,
    ],
  };
}
