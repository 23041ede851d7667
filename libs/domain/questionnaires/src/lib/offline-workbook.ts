import ExcelJS from 'exceljs';
import type { ElementDefinition, PageDefinition, QuestionnaireDefinition } from './definition';
import { localised } from './localise';
import { htmlOf, panelHeadingOf } from './provider-html';
import { choiceValue } from './walk';

/**
 * The workbook's own words (sheet name, column labels, answer formats), in the provider's language: the
 * portal passes its catalogue's; `{name}` marks a value filled in. English is the default.
 */
export const OFFLINE_WORKBOOK_LABELS = {
  sheet: 'Questionnaire',
  section: 'Section',
  questionId: 'Question id',
  question: 'Question',
  guidance: 'Guidance',
  answerFormat: 'Answer format',
  required: 'Required',
  evidence: 'Evidence requested',
  shownWhen: 'Shown when',
  answer: 'Your answer',
  information: 'Information (no answer)',
  yes: 'yes',
  no: 'no',
  conditional: 'conditional',
  oneOf: 'One of: {choices}',
  anyOf: 'Any of: {choices}',
  yesOrNo: 'Yes or no',
  matrix: 'For each of {rows}: one of {columns}',
  evidenceFiles: 'Evidence file(s)',
  freeText: 'Free text',
  number: 'Number',
  numberUnit: 'Number in {unit}',
  numberFrom: ', from {min}',
  numberTo: ' to {max}',
  date: 'Date (YYYY-MM-DD)',
  shortText: 'Short text',
  rating: 'A whole number from {min} to {max}',
};
export type OfflineWorkbookLabels = typeof OFFLINE_WORKBOOK_LABELS;

const fill = (template: string, values: Record<string, unknown>) =>
  template.replace(/\{([a-zA-Z]+)\}/g, (placeholder, name: string) =>
    values[name] === undefined ? placeholder : String(values[name]),
  );

/** A read-only row's look: the information the portal shows between questions, not a question. */
const INFORMATION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };

/**
 * A blank questionnaire as a spreadsheet, so a provider's team can prepare answers offline before
 * entering them in the portal. Scores and rules stay internal; the published weights do not appear
 * per choice. The questionnaire's information (`html` blocks, panel headings) is there in place, as
 * read-only rows, so the offline copy says what the portal says; only the answer cells can be typed in.
 */
export async function offlineWorkbook(
  definition: QuestionnaireDefinition,
  locale = 'default',
  labels: OfflineWorkbookLabels = OFFLINE_WORKBOOK_LABELS,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Probity';
  const sheet = workbook.addWorksheet(labels.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: labels.section, key: 'section', width: 28 },
    { header: labels.questionId, key: 'name', width: 22 },
    { header: labels.question, key: 'title', width: 60 },
    { header: labels.guidance, key: 'help', width: 50 },
    { header: labels.answerFormat, key: 'format', width: 40 },
    { header: labels.required, key: 'required', width: 10 },
    { header: labels.evidence, key: 'evidence', width: 12 },
    { header: labels.shownWhen, key: 'condition', width: 30 },
    { header: labels.answer, key: 'answer', width: 50 },
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
        format: labels.information,
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
      format: answerFormat(question, locale, labels),
      required: question.isRequired ? labels.yes : question.requiredIf ? labels.conditional : labels.no,
      evidence: question.evidenceRequired ? labels.yes : labels.no,
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

function answerFormat(
  question: QuestionnaireDefinition['pages'][number]['elements'][number],
  locale: string,
  labels: OfflineWorkbookLabels,
): string {
  const labelOf = (choice: unknown) =>
    choice !== null && typeof choice === 'object'
      ? localised((choice as { text?: unknown }).text as never, locale) || choiceValue(choice as never)
      : String(choice);
  const choices = (question.choices ?? []).map(labelOf).join(' | ');
  switch (question.type) {
    case 'radiogroup':
    case 'dropdown':
      return fill(labels.oneOf, { choices });
    case 'checkbox':
    case 'tagbox':
      return fill(labels.anyOf, { choices });
    case 'boolean':
      return labels.yesOrNo;
    case 'matrix':
      return fill(labels.matrix, {
        rows: (question.rows ?? []).map(labelOf).join(', '),
        columns: (question.columns ?? []).map(labelOf).join(', '),
      });
    case 'file':
      return labels.evidenceFiles;
    case 'comment':
      return labels.freeText;
    case 'rating':
      return fill(labels.rating, { min: question.rateMin ?? 1, max: question.rateMax ?? 5 });
    case 'text':
      if (question.inputType === 'number') {
        const unit = localised(question.unit, locale);
        return [
          unit ? fill(labels.numberUnit, { unit }) : labels.number,
          question.min !== undefined ? fill(labels.numberFrom, { min: question.min }) : '',
          question.max !== undefined ? fill(labels.numberTo, { max: question.max }) : '',
        ].join('');
      }
      return question.inputType === 'date' ? labels.date : labels.shortText;
    default:
      return question.type;
  }
}
