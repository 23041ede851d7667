import { DossierCatalogue, EN } from './catalogue/catalogue';
import { principleNamer } from './dossier-wording';
import { riskBand, riskHeatMapSvg } from './risk-heat-map';
import { contractConditions, DossierRiskRegister } from './risk-register-view';
import { RISK_TABLE_HEADINGS, RISK_TABLE_KEYS, riskTableCells } from './risk-table';
import { sanitiseSvg } from './svg-sanitizer';

/** The risk register chapter as the dossier (and the register page) prints it, or null without a register. */
export function riskRegisterView(
  register: DossierRiskRegister | undefined,
  recommendedProviderId: string | null,
  t: DossierCatalogue = EN,
) {
  if (!register) return null;
  const principle = principleNamer(t);
  const decision = { accept: t.risk.accept, mitigate: t.risk.mitigate, avoid: t.risk.avoid };
  return {
    label: t.risk.label,
    appetite: register.appetite,
    headings: [...RISK_TABLE_HEADINGS],
    providers: register.providers.map((provider) => ({
      name: provider.providerName,
      rank: provider.rank,
      recommended: provider.providerId === recommendedProviderId,
      count: provider.rows.length,
      aboveAppetite: provider.rows.filter((row) => row.residual > register.appetite && row.decision !== 'avoid').length,
      heatMap: sanitiseSvg(riskHeatMapSvg(provider.providerName, provider.rows, register.appetite)),
      rows: provider.rows.map((row, index) => ({
        cells: riskTableCells(row, index),
        // The same cells, named for the dossier's compact layout (the XLSX keeps one column per heading).
        // The register's fixed words in the dossier's language; the risk, source and reasons as generated or written.
        named: {
          ...(Object.fromEntries(riskTableCells(row, index).map((cell, i) => [RISK_TABLE_KEYS[i], cell])) as Record<
            (typeof RISK_TABLE_KEYS)[number],
            string
          >),
          principle: principle(row.principleName),
          mitigation: `${row.mitigation.kind === 'contract-condition' ? t.risk.contractCondition : t.risk.agencyMeasure}: ${row.mitigation.text}`,
          decision: decision[row.decision],
        },
        band: riskBand(row.residual).replace(' ', '-'),
        aboveAppetite: row.residual > register.appetite && row.decision !== 'avoid',
      })),
      conditions: contractConditions(provider.rows).map((condition) => ({
        ...condition,
        refs: condition.risks.map((key) => `R${provider.rows.findIndex((row) => row.key === key) + 1}`).join(', '),
      })),
    })),
  };
}
