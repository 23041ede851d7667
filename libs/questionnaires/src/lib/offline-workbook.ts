import ExcelJS from 'exceljs';
import type { ElementDefinition, PageDefinition, QuestionnaireDefinition } from './definition';
import { localised } from './localise';
import { htmlOf, panelHeadingOf } from './provider-html';
import { choiceValue } from './walk';

/** A read-only row's look: the information the portal shows between questions, not a question. */
const INFORMATION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };

/**
 * A blank questionnaire as a spreadsheet, so a provider's team can prepare answers offline before
 * entering them in the portal. Scores and rules stay internal; the published weights do not appear
 * per choice. The questionnaire's information (`html` blocks, panel headings) is there in place, as
 * read-only rows, so the offline copy says what the portal says; only the answer cells can be typed in.
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
  for (const { element, page, condition, information } of itemsInOrder(definition, locale)) {
    const section = localised(page.title, locale) || page.name;
    if (information !== undefined) {
      // The instructions and lead-ins the portal shows, in place and read-only: no answer goes here.
      const row = sheet.addRow({
        section,
        name: element.name,
        title: information,
        format: 'Information (no answer)',
        condition,
      });
      row.font = { italic: true };
      for (let column = 1; column <= sheet.columnCount; column++) row.getCell(column).fill = INFORMATION_FILL;
      continue;
    }
    const question = element;
    const row = sheet.addRow({
      section,
      name: question.name,
      title: localised(question.title, locale) || question.name,
      help: localised(question.description, locale),
      format: answerFormat(question, locale),
      required: question.isRequired ? 'yes' : question.requiredIf ? 'conditional' : 'no',
      evidence: question.evidenceRequired ? 'yes' : 'no',
      condition,
    });
    row.getCell('answer').protection = { locked: false };
  }
  // Only the answer cells of questions can be typed in; everything else says what the portal says.
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  sheet.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Questions and information in questionnaire order, as the portal lists them: each `html` block
 * and each titled panel's heading as plain text (`information`), each answerable question as itself.
 */
function itemsInOrder(definition: QuestionnaireDefinition, locale: string) {
  const items: Array<{ element: ElementDefinition; page: PageDefinition; condition: string; information?: string }> =
    [];
  // An element inside a conditional panel is shown only when the panel is: both conditions hold.
  const visit = (elements: ElementDefinition[] | undefined, page: PageDefinition, enclosing: string[]) => {
    for (const element of elements ?? []) {
      const conditions = element.visibleIf ? [...enclosing, element.visibleIf] : enclosing;
      const item = { element, page, condition: conditions.join(' and ') };
      if (element.type === 'panel') {
        const heading = plainText(panelHeadingOf(element, locale));
        if (heading) items.push({ ...item, information: heading });
        visit(element.elements, page, conditions);
      } else if (element.type === 'html') {
        const text = plainText(htmlOf(element, locale));
        if (text) items.push({ ...item, information: text });
      } else if (!['image', 'expression'].includes(element.type)) items.push(item);
    }
  };
  for (const page of definition.pages) visit(page.elements, page, page.visibleIf ? [page.visibleIf] : []);
  return items;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Sanitised questionnaire HTML as a cell's text: blocks on their own lines, list items bulleted. */
export function plainText(html: string): string {
  return html
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[3-6]|tr|dt|dd|blockquote|pre|caption)>/gi, '\n')
    .replace(/<\/t[dh]>/gi, '\t')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
      if (code[0] !== '#') return ENTITIES[code.toLowerCase()] ?? entity;
      const point = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return String.fromCodePoint(point);
    })
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
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
