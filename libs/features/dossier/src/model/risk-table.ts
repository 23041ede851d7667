import { EN } from './catalogue/catalogue';
import type { DossierRiskRegister, RegisteredRisk } from './risk-register-view';

/** Headings of the register table, the same in the dossier and in the XLSX download. */
export const RISK_TABLE_HEADINGS = [
  'Ref',
  'Principle',
  'Risk',
  'Source',
  'Likelihood',
  'Impact',
  'Inherent',
  'Mitigation',
  'MCC-AI clause',
  'Residual',
  'Owner',
  'Decision',
] as const;

/** Template names of the same columns, in the same order. */
export const RISK_TABLE_KEYS = [
  'ref',
  'principle',
  'risk',
  'source',
  'likelihood',
  'impact',
  'inherent',
  'mitigation',
  'clause',
  'residual',
  'owner',
  'decision',
] as const;

/** The register's standing, printed above it (the dossier prints it in its own language). */
export const RISK_LABEL = EN.risk.label;

const DECISION_WORDS = { accept: 'Accept', mitigate: 'Mitigate', avoid: 'Avoid' } as const;

/** One register row as printed: every cell text, in heading order. */
export function riskTableCells(row: RegisteredRisk, index: number): string[] {
  // Titles, as people read them (the dossier never prints the questionnaire's internal keys).
  const questions = row.source.questions.map((q) => `“${q.title}”: ${q.answer}`).join('; ');
  return [
    `R${index + 1}`,
    row.principleName,
    row.description + (row.origin === 'proposed' ? '' : ` (${row.origin} by the officer: ${row.reason ?? ''})`),
    `${row.source.summary}${questions ? ` — ${questions}` : ''}`,
    `${row.likelihood.value}: ${row.likelihood.reason}`,
    `${row.impact.value}: ${row.impact.reason}`,
    String(row.inherent),
    `${row.mitigation.kind === 'contract-condition' ? 'Contract condition' : 'Agency measure'}: ${row.mitigation.text}`,
    row.mitigation.clause ?? '',
    `${row.residual} (${row.residualLikelihood}×${row.residualImpact})`,
    row.owner,
    DECISION_WORDS[row.decision],
  ];
}

/** Every provider's rows as printed, for the XLSX (and its test against the dossier). */
export function riskTable(
  register: DossierRiskRegister,
): Array<{ providerName: string; rank: number; cells: string[][] }> {
  return register.providers.map((provider) => ({
    providerName: provider.providerName,
    rank: provider.rank,
    cells: provider.rows.map(riskTableCells),
  }));
}

/** Counts of rows per likelihood (1–5) × impact (1–5) cell, by residual or inherent rating. */
export function heatCounts(rows: RegisteredRisk[], which: 'inherent' | 'residual'): number[][] {
  const grid = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => 0));
  for (const row of rows) {
    const likelihood = which === 'inherent' ? row.likelihood.value : row.residualLikelihood;
    const impact = which === 'inherent' ? row.impact.value : row.residualImpact;
    grid[likelihood - 1][impact - 1] += 1;
  }
  return grid;
}
