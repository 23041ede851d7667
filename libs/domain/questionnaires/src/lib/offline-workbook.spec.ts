import ExcelJS from 'exceljs';
import { IMPACT_ASSESSMENT } from '../fixtures/impact-assessment';
import { offlineWorkbook, plainText } from './offline-workbook';

async function sheetOf(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.getWorksheet('Questionnaire')!;
}

/** Rows as [question id, question or information text, answer format, shown when]. */
function rowsOf(sheet: ExcelJS.Worksheet) {
  const rows: Array<[string, string, string, string]> = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push([2, 3, 5, 8].map((cell) => String(row.getCell(cell).value ?? '')) as never);
  });
  return rows;
}

describe('the offline workbook says what the portal says', () => {
  it('keeps the html blocks and panel headings in place as read-only information rows, in the language asked', async () => {
    const sheet = await sheetOf(await offlineWorkbook(IMPACT_ASSESSMENT, 'fr'));
    const rows = rowsOf(sheet);
    expect(rows.slice(0, 2)).toEqual([
      [
        'intro',
        'Cette évaluation mesure l’impact d’un système de décision automatisé et les mesures d’atténuation prévues. Répondez pour le système tel qu’il sera déployé.',
        'Information (no answer)',
        '',
      ],
      ['agency_name', 'Nom de l’agence', 'Short text', ''],
    ]);
    // The panel's heading and the block inside it are shown only when the panel is.
    const panel = rows.findIndex(([name]) => name === 'biometrics_panel');
    expect(rows.slice(panel, panel + 2)).toEqual([
      ['biometrics_panel', 'Usage biométrique', 'Information (no answer)', '{uses_biometrics} = true'],
      [
        'biometrics_intro',
        'L’identification en temps réel dans l’espace public présente le risque le plus élevé.',
        'Information (no answer)',
        '{uses_biometrics} = true',
      ],
    ]);
    expect(rows[panel + 2][3]).toBe('{uses_biometrics} = true');
    const information = rows.filter(([, , format]) => format === 'Information (no answer)').map(([name]) => name);
    expect(information).toEqual(['intro', 'impact_intro', 'biometrics_panel', 'biometrics_intro', 'mitigation_intro']);
  });

  it('lets only the answer cells of questions be typed in', async () => {
    const sheet = await sheetOf(await offlineWorkbook(IMPACT_ASSESSMENT));
    const intro = sheet.getRow(2);
    const question = sheet.getRow(3);
    expect(intro.getCell(9).protection?.locked).not.toBe(false);
    expect(intro.getCell(3).font?.italic).toBe(true);
    expect(question.getCell(9).protection?.locked).toBe(false);
    expect(question.getCell(3).protection?.locked).not.toBe(false);
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  });

  it('turns sanitised HTML into cell text: blocks on lines, list items bulleted, entities decoded', () => {
    expect(plainText('<p>A &amp; B</p><ul><li>one</li><li>two &lt;3</li></ul><p>x&#x2019;y&#39;</p>')).toBe(
      "A & B\n• one\n• two <3\nx’y'",
    );
  });
});
