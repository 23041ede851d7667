import type { CaseStatus } from './case-lifecycle';

/**
 * When a case stopped taking responses, or null while it still takes them: the moment the officer
 * closed or cancelled it when that came before the deadline, else the deadline itself.
 */
export function responsesClosedAt(
  procurementCase: { status: CaseStatus; responsesDue: Date; responsesClosedAt: Date | null },
  now: Date = new Date(),
): Date | null {
  const { status, responsesDue, responsesClosedAt: leftOpenAt } = procurementCase;
  if (status === 'draft') return null;
  if (status === 'open') return responsesDue.getTime() <= now.getTime() ? responsesDue : null;
  return leftOpenAt && leftOpenAt.getTime() < responsesDue.getTime() ? leftOpenAt : responsesDue;
}
