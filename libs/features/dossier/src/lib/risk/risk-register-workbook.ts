import ExcelJS from 'exceljs';
import type { DossierRiskRegister } from '../../model/risk-register-view';
import { RISK_LABEL, RISK_TABLE_HEADINGS, riskTable } from '../../model/risk-table';

/**
 * The register as an XLSX workbook: one sheet per ranked provider, with the same rows and cell texts
 * as the dossier's register table, and the label saying what the register is and is not.
 */
export async function riskRegisterWorkbook(caseReference: string, register: DossierRiskRegister): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Probity';
  const about = workbook.addWorksheet('About');
  about.addRows([
    [`Risk register of case ${caseReference}`],
    [RISK_LABEL],
    [`Agency risk appetite (residual score a legal reviewer must accept explicitly above): ${register.appetite}`],
  ]);
  about.getColumn(1).width = 120;
  const used = new Set<string>();
  for (const provider of riskTable(register)) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ], unique.
    let name = `${provider.rank} ${provider.providerName}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
    while (used.has(name)) name = `${name.slice(0, 28)} ${used.size}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([...RISK_TABLE_HEADINGS]);
    sheet.getRow(1).font = { bold: true };
    for (const cells of provider.cells) sheet.addRow(cells);
    sheet.columns.forEach((column, index) => (column.width = [6, 22, 50, 60, 40, 60, 9, 60, 40, 12, 22, 10][index]));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
