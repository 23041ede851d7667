import { NOT_APPLICABLE } from '@probity/rubric';
import type { Answers } from '@probity/questionnaires';
import type { FormSection } from './portal-form';

/**
 * Turns a submitted HTML form of one section back into answers: strings to the types the
 * questionnaire expects, empty fields to `null` (which clears an answer), "not applicable" boxes to
 * the N/A marker. Fields that are not questions of the section are ignored.
 */
export function answersFromForm(section: FormSection, form: Record<string, unknown>): Answers {
  const changes: Answers = {};
  for (const question of section.questions) {
    // Files arrive through their own form; a disabled question (`enableIf`) keeps its answer, as in SurveyJS.
    if (question.kind === 'file' || !question.enabled) continue;
    if (question.naAllowed && form[`${question.name}__na`] !== undefined) {
      changes[question.name] = NOT_APPLICABLE;
      continue;
    }
    const raw = form[question.name];
    switch (question.kind) {
      case 'boolean':
        changes[question.name] = raw === 'true' ? true : raw === 'false' ? false : null;
        break;
      case 'multiple': {
        const values = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
        changes[question.name] = values.length ? values : null;
        break;
      }
      case 'number': {
        const text = typeof raw === 'string' ? raw.trim() : '';
        const number = Number(text);
        changes[question.name] = text === '' ? null : Number.isFinite(number) ? number : text;
        break;
      }
      case 'matrix': {
        const cells: Record<string, string> = {};
        for (const row of question.matrix?.rows ?? []) {
          const cell = form[`${question.name}__${row.value}`];
          if (typeof cell === 'string' && cell !== '') cells[row.value] = cell;
        }
        changes[question.name] = Object.keys(cells).length ? cells : null;
        break;
      }
      default: {
        const text = typeof raw === 'string' ? raw : '';
        changes[question.name] = text.trim() === '' ? null : text;
      }
    }
  }
  return changes;
}
