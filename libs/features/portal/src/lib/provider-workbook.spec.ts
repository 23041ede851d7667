import ExcelJS from 'exceljs';
import type { QuestionnaireDefinition } from '@probity/questionnaires';
import { EN } from './i18n/en';
import { messagesFor, missingMessages, PORTAL_LANGUAGES } from './i18n/catalog';
import { providerWorkbook } from './provider-workbook';

const DEFINITION = {
  title: { default: 'Assessment', fr: 'Évaluation' },
  pages: [
    {
      name: 'oversight',
      title: { default: 'Human oversight', fr: 'Contrôle humain' },
      elements: [
        {
          type: 'radiogroup',
          name: 'review',
          title: { default: 'Who reviews an alert?', fr: 'Qui examine une alerte ?' },
          isRequired: true,
          choices: [
            { value: 'officer', text: { default: 'An officer', fr: 'Un agent' } },
            { value: 'nobody', text: { default: 'Nobody', fr: 'Personne' } },
          ],
        },
        { type: 'comment', name: 'notes', title: { default: 'Notes', fr: 'Remarques' } },
      ],
    },
  ],
} as unknown as QuestionnaireDefinition;

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const [sheet] = workbook.worksheets;
  const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((value) => String(value ?? ''));
  return { name: sheet.name, header: row(1), first: row(2), second: row(3) };
}

describe("the provider's offline workbook speaks the provider's language (issue 18)", () => {
  it.each(PORTAL_LANGUAGES.filter((language) => language !== 'en'))(
    '%s has every label of the workbook, none left empty',
    (language) => {
      expect(Object.keys(EN.workbook).length).toBeGreaterThan(20);
      expect(missingMessages(language).filter((key) => key.startsWith('workbook.'))).toEqual([]);
    },
  );

  it('gives a French provider French column labels, sheet name, answer formats and yes/no', async () => {
    const french = await readBack(await providerWorkbook(DEFINITION, 'fr'));
    const labels = messagesFor('fr').workbook;
    expect(french.name).toBe(labels.sheet);
    expect(french.header).toEqual([
      'Partie',
      'Identifiant de la question',
      'Question',
      'Aide',
      'Format de réponse',
      'Obligatoire',
      'Justificatif demandé',
      'Affichée si',
      'Votre réponse',
    ]);
    expect(french.first.slice(0, 7)).toEqual([
      'Contrôle humain',
      'review',
      'Qui examine une alerte ?',
      '',
      'Une réponse parmi : Un agent | Personne',
      'oui',
      'non',
    ]);
    expect(french.second[4]).toBe('Texte libre');
  });

  it('keeps English for an English provider, and every language names its columns differently from English', async () => {
    const english = await readBack(await providerWorkbook(DEFINITION, 'en'));
    expect(english.header[0]).toBe('Section');
    expect(english.first[4]).toBe('One of: An officer | Nobody');
    for (const language of ['es', 'ar'] as const) {
      const other = await readBack(await providerWorkbook(DEFINITION, language));
      expect(other.header.filter((label, index) => label === english.header[index])).toEqual([]);
    }
  });
});
