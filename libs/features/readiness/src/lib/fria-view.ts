import {
  CONSULTED_GROUP_LABELS,
  CONSULTED_GROUPS,
  ConsultedGroup,
  FRIA_HEADING_DEFINITIONS,
} from '../model/fria-headings';
import type { CaseFria } from './fria.service';

/** The FRIA as the API returns it and the page shows it: every heading, written or not, and the consultations. */
export function friaView({ headings, consultations }: CaseFria) {
  const written = new Map(headings.map((h) => [h.headingKey, h]));
  return {
    headings: FRIA_HEADING_DEFINITIONS.map(({ key, heading, prompt }) => {
      const own = written.get(key);
      return {
        key,
        heading,
        prompt,
        text: own?.text ?? null,
        writtenBy: own?.writtenByName ?? null,
        writtenAt: own?.writtenAt.toISOString() ?? null,
      };
    }),
    consultations: consultations.map((c) => ({
      id: c.id,
      group: c.consultedGroup,
      groupLabel: CONSULTED_GROUP_LABELS[c.consultedGroup as ConsultedGroup] ?? c.consultedGroup,
      stakeholder: c.stakeholder,
      heldOn: c.heldOn,
      said: c.said,
      changed: c.changed,
      recordedBy: c.recordedByName,
      recordedAt: c.recordedAt.toISOString(),
    })),
  };
}

export const CONSULTED_GROUP_CHOICES = CONSULTED_GROUPS.map((value) => ({
  value,
  label: CONSULTED_GROUP_LABELS[value],
}));
