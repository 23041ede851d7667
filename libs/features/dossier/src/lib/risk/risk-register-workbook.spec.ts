import ExcelJS from 'exceljs';
import { sampleDossierInput } from '../../fixtures/sample-dossier-input';
import type { DossierInput } from '../../model/dossier-input';
import { buildDossierView } from '../../model/dossier-view';
import { proposeRisks, riskFactsFromDossier } from '../../model/risk-register';
import { DossierRiskRegister, eligibleProviders, mergeRegister } from '../../model/risk-register-view';
import { RISK_TABLE_HEADINGS } from '../../model/risk-table';
import { riskRegisterWorkbook } from './risk-register-workbook';

const meta = { version: 1, status: 'draft' as const, contentHash: 'c'.repeat(64), generatedAt: '2026-11-20T10:00:00Z' };

function withRegister(input: DossierInput, appetite = 12): DossierInput {
  const register: DossierRiskRegister = {
    appetite,
    providers: eligibleProviders(input.providers).map((p) => ({
      providerId: p.id,
      providerName: p.name,
      rank: p.rank,
      rows: mergeRegister(p.id, proposeRisks(riskFactsFromDossier(input, p.id)), []),
    })),
  };
  return { ...input, riskRegister: register };
}

describe('the risk register in the dossier and as XLSX', () => {
  const input = withRegister(sampleDossierInput());
  const view = buildDossierView(input, meta);

  it('prints a chapter per ranked provider with a sanitised 5 × 5 heat map and the contract conditions', () => {
    const chapter = view.riskRegister!;
    expect(chapter.label).toMatch(/based on the Toolkit’s risk assessment approach/i);
    expect(chapter.label).toMatch(/not an award criterion/i);
    expect(chapter.providers.map((p) => p.rank)).toEqual([1, 2]);
    for (const provider of chapter.providers) {
      expect((provider.heatMap.match(/<rect /g) ?? []).length).toBe(25);
      expect(provider.heatMap).not.toMatch(/href|url\(|<image|<script/);
    }
    const helios = chapter.providers.find((p) => p.name === 'Helios Forensic AI')!;
    expect(helios.rows.length).toBeGreaterThanOrEqual(6);
    expect(helios.conditions.length).toBeGreaterThan(0);
    expect(helios.conditions.every((c) => /^R\d+(, R\d+)*$/.test(c.refs))).toBe(true);
    expect(view.sections.map((s) => s.key)).toContain('risk');
  });

  it('never changes a score, a rank or the comparison the dossier prints', () => {
    const without = buildDossierView(sampleDossierInput(), meta);
    expect(view.summary.ranked).toEqual(without.summary.ranked);
    expect(view.matrix).toEqual(without.matrix);
    expect(view.providers.map((p) => [p.overall, p.standingText])).toEqual(
      without.providers.map((p) => [p.overall, p.standingText]),
    );
  });

  it('downloads as an XLSX that ExcelJS opens, with exactly the rows the dossier prints', async () => {
    const bytes = await riskRegisterWorkbook(input.case.reference, input.riskRegister!);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const about = workbook.getWorksheet('About')!;
    expect(String(about.getCell('A2').value)).toMatch(/Not an award criterion/);
    expect(String(about.getCell('A3').value)).toMatch(/12$/);
    const chapter = view.riskRegister!;
    expect(workbook.worksheets.length).toBe(1 + chapter.providers.length);
    chapter.providers.forEach((provider, index) => {
      const sheet = workbook.worksheets[index + 1];
      expect(sheet.name).toBe(`${provider.rank} ${provider.name}`.slice(0, 31));
      const values = (rowNumber: number) =>
        (sheet.getRow(rowNumber).values as unknown[])
          .slice(1)
          .map((v) => (v === null || v === undefined ? '' : String(v)));
      expect(values(1)).toEqual([...RISK_TABLE_HEADINGS]);
      expect(sheet.rowCount).toBe(1 + provider.rows.length);
      provider.rows.forEach((row, r) => expect(values(r + 2)).toEqual(row.cells.map((c) => c)));
    });
  });
});
