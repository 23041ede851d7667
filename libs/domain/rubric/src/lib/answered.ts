import { NOT_APPLICABLE } from './rubric-item';

/** Whether a value counts as an answer: not empty, not blank text, not an empty list or table. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** An answer with something in it to score or judge: given, and not "not applicable". */
export function isSubstantiveAnswer(value: unknown): boolean {
  return value !== NOT_APPLICABLE && isAnswered(value);
}
