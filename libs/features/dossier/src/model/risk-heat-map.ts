import type { RegisteredRisk } from './risk-register-view';
import { heatCounts } from './risk-table';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Band of a likelihood × impact score on the 5 × 5 grid (1–25). */
export function riskBand(score: number): 'low' | 'medium' | 'high' | 'very high' {
  if (score >= 15) return 'very high';
  if (score >= 8) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

const BAND_FILL = { low: '#dcefe0', medium: '#fbf0c9', high: '#f8d3a9', 'very high': '#f2b3b3' } as const;

/**
 * A 5 × 5 likelihood × impact heat map as inline SVG (no fonts, links or images to fetch): each cell is
 * coloured by band and shows how many risks sit there, residual after mitigation with the inherent count
 * beside it. Cells above the appetite get a heavy outline.
 */
export function riskHeatMapSvg(providerName: string, rows: RegisteredRisk[], appetite: number): string {
  const inherent = heatCounts(rows, 'inherent');
  const residual = heatCounts(rows, 'residual');
  const cell = 34;
  const left = 46;
  const top = 10;
  const parts: string[] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    for (let impact = 1; impact <= 5; impact++) {
      const x = left + (impact - 1) * cell;
      const y = top + (5 - likelihood) * cell;
      const score = likelihood * impact;
      const r = residual[likelihood - 1][impact - 1];
      const i = inherent[likelihood - 1][impact - 1];
      parts.push(
        `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${BAND_FILL[riskBand(score)]}" stroke="${score > appetite ? '#5b1010' : '#ffffff'}" stroke-width="${score > appetite ? 1.5 : 1}"/>`,
      );
      if (r > 0)
        parts.push(
          `<text x="${x + cell / 2}" y="${y + cell / 2 + 1}" font-size="12" font-weight="700" text-anchor="middle" dominant-baseline="middle" fill="#1b1f24">${r}</text>`,
        );
      if (i > 0)
        parts.push(`<text x="${x + cell - 3}" y="${y + 9}" font-size="7" text-anchor="end" fill="#4a5360">${i}</text>`);
    }
    parts.push(
      `<text x="${left - 6}" y="${top + (5 - likelihood) * cell + cell / 2 + 1}" font-size="9" text-anchor="end" dominant-baseline="middle" fill="#1b1f24">${likelihood}</text>`,
    );
  }
  for (let impact = 1; impact <= 5; impact++)
    parts.push(
      `<text x="${left + (impact - 1) * cell + cell / 2}" y="${top + 5 * cell + 12}" font-size="9" text-anchor="middle" fill="#1b1f24">${impact}</text>`,
    );
  parts.push(
    `<text x="${left + 2.5 * cell}" y="${top + 5 * cell + 26}" font-size="9" text-anchor="middle" fill="#1b1f24">Impact</text>`,
    `<text x="12" y="${top + 2.5 * cell}" font-size="9" text-anchor="middle" fill="#1b1f24" transform="rotate(-90 12 ${top + 2.5 * cell})">Likelihood</text>`,
  );
  const label = `${providerName}: risk heat map, ${rows.length} risks; large numbers residual, small numbers inherent`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${left + 5 * cell + 8} ${top + 5 * cell + 32}" width="${left + 5 * cell + 8}" height="${top + 5 * cell + 32}" role="img" aria-label="${escapeXml(label)}"><title>${escapeXml(label)}</title>${parts.join('')}</svg>`;
}
