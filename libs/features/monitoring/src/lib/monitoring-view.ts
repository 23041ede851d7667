import { isOverdue } from '../model/monitoring-schedule';
import type { MonitoringCheck } from './monitoring.entities';

/** The schedule as the API returns it and the page shows it, with what is overdue today. */
export function monitoringView(checks: MonitoringCheck[], now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const rows = checks.map((check) => ({
    id: check.id,
    key: check.checkKey,
    kind: check.kind,
    title: check.title,
    basis: check.basis,
    because: check.because,
    owner: check.ownerName,
    ownerId: check.ownerId,
    dueOn: check.dueOn,
    done: check.doneAt !== null,
    doneAt: check.doneAt?.toISOString() ?? null,
    reminded: check.remindedAt !== null,
    overdue: isOverdue(check, today),
  }));
  return { started: rows.length > 0, checks: rows, overdue: rows.filter((row) => row.overdue) };
}
