import { CONSULTED_GROUP_LABELS, CONSULTED_GROUPS, ConsultedGroup, MAX_FRIA_TEXT_LENGTH } from './fria-headings';

export interface ConsultationInput {
  group: string;
  stakeholder: string;
  heldOn: string;
  said: string;
  changed: string;
}

export const MAX_STAKEHOLDER_LENGTH = 300;

/** The problems with the text written under one heading, as shown above the form (none means valid). */
export function friaTextProblems(text: unknown): string[] {
  if (typeof text !== 'string') return ['Write the heading’s text as plain text.'];
  if (text.length > MAX_FRIA_TEXT_LENGTH)
    return [`The text under one heading can be at most ${MAX_FRIA_TEXT_LENGTH} characters.`];
  return [];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * The problems with a consultation record, in form order. A consultation is recorded once it happened:
 * a date in the future (after `today`, YYYY-MM-DD) is refused.
 */
export function consultationProblems(
  input: Partial<Record<keyof ConsultationInput, unknown>>,
  today: string,
): string[] {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const problems: string[] = [];
  if (!(CONSULTED_GROUPS as readonly string[]).includes(text(input.group)))
    problems.push(`Choose who was consulted: ${CONSULTED_GROUPS.map((g) => CONSULTED_GROUP_LABELS[g]).join(', ')}.`);
  const stakeholder = text(input.stakeholder);
  if (!stakeholder) problems.push('Name the organisation or person consulted.');
  else if (stakeholder.length > MAX_STAKEHOLDER_LENGTH)
    problems.push(`The name of who was consulted can be at most ${MAX_STAKEHOLDER_LENGTH} characters.`);
  const heldOn = text(input.heldOn);
  if (!isRealDay(heldOn)) problems.push('Give the date of the consultation as a real day (YYYY-MM-DD).');
  else if (heldOn > today) problems.push('Record a consultation once it has taken place: its date is in the future.');
  if (!text(input.said)) problems.push('Write what the stakeholders said.');
  if (!text(input.changed))
    problems.push('Write what the agency changed as a result (or that nothing changed, and why).');
  for (const field of ['said', 'changed'] as const)
    if (text(input[field]).length > MAX_FRIA_TEXT_LENGTH)
      problems.push(
        `“What ${field === 'said' ? 'was said' : 'changed'}” can be at most ${MAX_FRIA_TEXT_LENGTH} characters.`,
      );
  return problems;
}

/** A checked consultation input, trimmed. Call only when `consultationProblems` returned none. */
export function cleanConsultation(input: ConsultationInput): ConsultationInput & { group: ConsultedGroup } {
  return {
    group: input.group.trim() as ConsultedGroup,
    stakeholder: input.stakeholder.trim(),
    heldOn: input.heldOn.trim(),
    said: input.said.trim(),
    changed: input.changed.trim(),
  };
}
