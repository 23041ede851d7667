import ExcelJS from 'exceljs';
import type { QuestionnaireDefinition } from './definition';
import { localised } from './localise';
import { choiceValue, questionsOf } from './walk';

/**
 * A blank questionnaire as a spreadsheet, so a provider's team can prepare answers offline before
 * entering them in the portal. Scores and rules stay internal; the published weights do not appear
 * per choice.
 */
export async function offlineWorkbook(definition: QuestionnaireDefinition, locale = 'default'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Probity';
  const sheet = workbook.addWorksheet('Questionnaire', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Section', key: 'section', width: 28 },
    { header: 'Question id', key: 'name', width: 22 },
    { header: 'Question', key: 'title', width: 60 },
    { header: 'Guidance', key: 'help', width: 50 },
    { header: 'Answer format', key: 'format', width: 40 },
    { header: 'Required', key: 'required', width: 10 },
    { header: 'Evidence requested', key: 'evidence', width: 12 },
    { header: 'Shown when', key: 'condition', width: 30 },
    { header: 'Your answer', key: 'answer', width: 50 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const { question, page } of questionsOf(definition)) {
    sheet.addRow({
      section: localised(page.title, locale) || page.name,
      name: question.name,
      title: localised(question.title, locale) || question.name,
      help: localised(question.description, locale),
      format: answerFormat(question, locale),
      required: question.isRequired ? 'yes' : question.requiredIf ? 'conditional' : 'no',
      evidence: question.evidenceRequired ? 'yes' : 'no',
      condition: question.visibleIf ?? '',
    });
  }
  sheet.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function answerFormat(question: QuestionnaireDefinition['pages'][number]['elements'][number], locale: string): string {
  const choices = (question.choices ?? [])
    .map((choice) =>
      typeof choice === 'object' ? localised(choice.text, locale) || choiceValue(choice) : String(choice),
    )
    .join(' | ');
  switch (question.type) {
    case 'radiogroup':
    case 'dropdown':
      return `One of: ${choices}`;
    case 'checkbox':
    case 'tagbox':
      return `Any of: ${choices}`;
    case 'boolean':
      return 'Yes or no';
    case 'matrix':
      return `For each of ${(question.rows ?? []).map(choiceValue).join(', ')}: one of ${(question.columns ?? []).map(choiceValue).join(', ')}`;
    case 'file':
      return 'Evidence file(s)';
    case 'comment':
      return 'Free text';
    case 'text':
      if (question.inputType === 'number') {
        return `Number${question.unit ? ` in ${localised(question.unit)}` : ''}${question.min !== undefined ? `, from ${question.min}` : ''}${question.max !== undefined ? ` to ${question.max}` : ''}`;
      }
      return question.inputType === 'date' ? 'Date (YYYY-MM-DD)' : 'Short text';
    default:
      return question.type;
  }
}
