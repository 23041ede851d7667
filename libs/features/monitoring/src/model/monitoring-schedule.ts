/**
 * Post-award monitoring: what the agency checks, how often, for the first year of use. Frequencies are
 * tightened where the contract conditions (the MCC-AI clauses the dossier lists because of gaps in the
 * chosen provider's answers) show the risk is higher.
 */
export const MONITORING_KINDS = [
  'performance-review',
  'drift-review',
  'bias-retest',
  'change-notification',
  'incident-reporting',
  'fria-review',
] as const;
export type MonitoringKind = (typeof MONITORING_KINDS)[number];

export interface MonitoringRule {
  kind: MonitoringKind | string;
  title: string;
  basis: string;
  everyMonths: number;
  /** Contract clauses (by prefix) that tighten the frequency, and the tighter frequency. */
  tightenedBy?: { clauses: string[]; everyMonths: number };
}

export const MONITORING_RULES: readonly MonitoringRule[] = [
  {
    kind: 'performance-review',
    title: 'Performance review against the contracted accuracy',
    basis: 'AI Act Art. 26(5); MCC-AI Art. 8',
    everyMonths: 6,
    tightenedBy: { clauses: ['MCC-AI Art. 8'], everyMonths: 3 },
  },
  {
    kind: 'drift-review',
    title: 'Drift review: input data and accuracy over time',
    basis: 'AI Act Art. 26(4)–(5), Art. 72',
    everyMonths: 6,
    tightenedBy: { clauses: ['MCC-AI Art. 3', 'MCC-AI Art. 8'], everyMonths: 3 },
  },
  {
    kind: 'bias-retest',
    title: 'Bias re-test across groups of people',
    basis: 'AI Act Art. 10; MCC-AI Art. 3',
    everyMonths: 12,
    tightenedBy: { clauses: ['MCC-AI Art. 2', 'MCC-AI Art. 3'], everyMonths: 6 },
  },
  {
    kind: 'change-notification',
    title: 'Check of the provider’s change notifications (updates, substantial modifications)',
    basis: 'AI Act Art. 25, Art. 43(4); MCC-AI Art. 4',
    everyMonths: 3,
    tightenedBy: { clauses: ['MCC-AI Art. 4'], everyMonths: 1 },
  },
  {
    kind: 'incident-reporting',
    title: 'Incident log review and serious-incident reporting',
    basis: 'AI Act Art. 26(5), Art. 73',
    everyMonths: 1,
  },
  {
    kind: 'fria-review',
    title: 'Review of the fundamental rights impact assessment',
    basis: 'AI Act Art. 27(2)',
    everyMonths: 12,
    tightenedBy: { clauses: ['MCC-AI Section C'], everyMonths: 6 },
  },
];

export interface ScheduledCheck {
  key: string;
  kind: string;
  title: string;
  basis: string;
  /** Why this frequency: the contract clauses that tightened it, or the standard frequency. */
  because: string;
  dueOn: string;
}

/** The first year of checks is scheduled at once; the plan is renewed on the FRIA review. */
export const SCHEDULE_MONTHS = 12;

function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The dated checks of the first year from `startsOn` (YYYY-MM-DD), in due order. `contractConditions`
 * are the clause names the dossier lists ("MCC-AI Art. 8 — …"). `extraRules` is the hook for the risk
 * register: each risk accepted or mitigated there may add its own review (same shape as the rules).
 */
export function monitoringSchedule(
  startsOn: string,
  contractConditions: readonly string[],
  extraRules: readonly MonitoringRule[] = [],
): ScheduledCheck[] {
  const checks: ScheduledCheck[] = [];
  for (const rule of [...MONITORING_RULES, ...extraRules]) {
    const tightening = (rule.tightenedBy?.clauses ?? []).filter((prefix) =>
      contractConditions.some((condition) => condition.startsWith(prefix)),
    );
    const every = rule.tightenedBy && tightening.length > 0 ? rule.tightenedBy.everyMonths : rule.everyMonths;
    const because =
      tightening.length > 0
        ? `Every ${every} month${every === 1 ? '' : 's'}: the contract includes ${tightening.join(' and ')}`
        : `Every ${every} month${every === 1 ? '' : 's'} (standard)`;
    for (let n = 1; n * every <= SCHEDULE_MONTHS; n++)
      checks.push({
        key: `${rule.kind}-${n}`,
        kind: rule.kind,
        title: rule.title,
        basis: rule.basis,
        because,
        dueOn: addMonths(startsOn, n * every),
      });
  }
  return checks.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.key.localeCompare(b.key));
}

/** Checks not done whose due day has come (today included): what the owner is reminded of. */
export function isDue(check: { dueOn: string; doneAt: Date | null }, today: string): boolean {
  return check.doneAt === null && check.dueOn <= today;
}

/** Checks not done whose due day has passed. */
export function isOverdue(check: { dueOn: string; doneAt: Date | null }, today: string): boolean {
  return check.doneAt === null && check.dueOn < today;
}
