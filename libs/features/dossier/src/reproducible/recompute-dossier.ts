import { readAwardRecord } from '../render/attachments';
import { checkAward } from './check-award';

export interface RecomputeReport {
  /** True when the method matches its published hash and every recomputed number matches. */
  reproduced: boolean;
  lines: string[];
}

/**
 * Reads a dossier PDF's embedded award record, checks its method against the published method hash
 * and recomputes every score, knock-out, rank and sensitivity result with the scoring libraries.
 */
export async function recomputeDossier(pdf: Uint8Array): Promise<RecomputeReport> {
  const record = await readAwardRecord(pdf);
  const { methodProblems, differences, recomputed } = checkAward(record);
  const ranked = recomputed.comparison.ranked.map((p) => `${p.rank}. ${p.name} ${p.overall.toFixed(2)}`);
  // The questionnaire's own model: rank (or "-" under a pass/fail rule), value and level of each provider.
  const model = recomputed.comparison.model?.ranked
    .map(
      (p) =>
        `${p.rank ?? '-'}. ${p.name} ${p.value === null ? 'n/a' : Number(p.value.toFixed(6))} (${p.level ?? 'no level'})`,
    )
    .join('; ');
  const lines = [
    `Case ${record.method.caseReference}: method hash ${record.method.publishedMethodHash}`,
    `${record.method.amendments.length} amendment(s); ${record.answers.providers.length} provider(s) recomputed.`,
    ...(methodProblems.length
      ? methodProblems.map((problem) => `METHOD: ${problem}`)
      : ['Method matches its published hash.']),
    ...(differences.length
      ? [`${differences.length} difference(s) between the embedded and the recomputed results:`, ...differences]
      : ['Every embedded score, knock-out, rank and sensitivity result is reproduced.']),
    `Ranking: ${ranked.join('; ') || 'nobody ranked'}`,
    ...(model ? [`Scoring model ranking: ${model}`] : []),
  ];
  return { reproduced: methodProblems.length === 0 && differences.length === 0, lines };
}
