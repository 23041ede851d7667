import { riskBand, riskHeatMapSvg } from './risk-heat-map';
import { contractConditions, DossierRiskRegister } from './risk-register-view';
import { RISK_LABEL, RISK_TABLE_HEADINGS, RISK_TABLE_KEYS, riskTableCells } from './risk-table';
import { sanitiseSvg } from './svg-sanitizer';

/** The risk register chapter as the dossier (and the register page) prints it, or null without a register. */
export function riskRegisterView(register: DossierRiskRegister | undefined, recommendedProviderId: string | null) {
  if (!register) return null;
  return {
    label: RISK_LABEL,
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
        named: Object.fromEntries(riskTableCells(row, index).map((cell, i) => [RISK_TABLE_KEYS[i], cell])) as Record<
          (typeof RISK_TABLE_KEYS)[number],
          string
        >,
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
