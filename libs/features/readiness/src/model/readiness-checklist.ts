/**
 * The agency's readiness to use the system it procures, as deployer: the AI Act Art. 26 and 27 duties
 * and the Toolkit's organisational readiness dimensions (governance, people and skills, resources).
 * Award is possible with open items; use is not, while a mandatory item is open.
 */
export const READINESS_STATUSES = ['not-started', 'in-progress', 'done', 'not-applicable'] as const;
export type ReadinessStatus = (typeof READINESS_STATUSES)[number];

export const READINESS_STATUS_LABELS: Record<ReadinessStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  'not-applicable': 'Not applicable',
};

/** When an item is mandatory: always, only for a high-risk use (Art. 26 and 27), or never (recommended). */
export type Obligation = 'always' | 'high-risk' | 'recommended';

export interface ReadinessItemDefinition {
  key: string;
  title: string;
  /** The rule or framework the item comes from, as printed. */
  basis: string;
  obligation: Obligation;
  /** What closes the item: the evidence the agency records. */
  evidenceHint: string;
}

export const READINESS_ITEMS: readonly ReadinessItemDefinition[] = [
  {
    key: 'human-oversight',
    title: 'Named and trained human overseers',
    basis: 'AI Act Art. 26(2); Toolkit: people and skills',
    obligation: 'high-risk',
    evidenceHint: 'Who oversees the output, their training and their authority to override or stop the system.',
  },
  {
    key: 'log-retention',
    title: 'Logs kept for at least six months',
    basis: 'AI Act Art. 26(6)',
    obligation: 'high-risk',
    evidenceHint: 'Where the automatically generated logs are kept and for how long (at least six months).',
  },
  {
    key: 'workers-informed',
    title: 'Workers’ representatives informed',
    basis: 'AI Act Art. 26(7)',
    obligation: 'high-risk',
    evidenceHint: 'When and how staff and their representatives were told the system will be used.',
  },
  {
    key: 'registration',
    title: 'Registration of the use in the EU database, or its verification',
    basis: 'AI Act Art. 26(8), Art. 49',
    obligation: 'high-risk',
    evidenceHint: 'The registration reference (secure non-public section for law enforcement) or the check made.',
  },
  {
    key: 'dpia',
    title: 'Data-protection impact assessment',
    basis: 'GDPR Art. 35 / LED Art. 27; AI Act Art. 26(9)',
    obligation: 'always',
    evidenceHint: 'The DPIA’s reference, its date and the data-protection officer’s opinion.',
  },
  {
    key: 'fria',
    title: 'Fundamental rights impact assessment written and notified',
    basis: 'AI Act Art. 27',
    obligation: 'high-risk',
    evidenceHint:
      'All six headings written on the FRIA page, and the notification to the market surveillance authority.',
  },
  {
    key: 'monitoring-plan',
    title: 'Monitoring plan',
    basis: 'AI Act Art. 26(5), Art. 72–73; Toolkit: governance',
    obligation: 'always',
    evidenceHint: 'Who reviews performance, drift and bias, how often, and how incidents are reported.',
  },
  {
    key: 'complaints-route',
    title: 'Complaints and redress route',
    basis: 'AI Act Art. 26(11), Art. 86; Toolkit: governance',
    obligation: 'always',
    evidenceHint: 'How affected people complain, ask for an explanation and obtain correction.',
  },
  {
    key: 'budget-skills',
    title: 'Budget and skills to run the system',
    basis: 'Toolkit: resources, people and skills',
    obligation: 'recommended',
    evidenceHint: 'The running budget for the contract term and the staff who operate and maintain the system.',
  },
];

/** What the agency recorded for one item (untouched items have no record). */
export interface ReadinessRecord {
  key: string;
  status: ReadinessStatus;
  owner: string | null;
  dueOn: string | null;
  evidence: string;
}

export interface ReadinessRow extends ReadinessItemDefinition, ReadinessRecord {
  mandatory: boolean;
  closed: boolean;
}

export function isMandatory(item: Pick<ReadinessItemDefinition, 'obligation'>, highRisk: boolean): boolean {
  return item.obligation === 'always' || (item.obligation === 'high-risk' && highRisk);
}

const isClosed = (status: ReadinessStatus) => status === 'done' || status === 'not-applicable';

/** Every item of the checklist with what was recorded for it, in checklist order. */
export function readinessChecklist(records: readonly ReadinessRecord[], highRisk: boolean): ReadinessRow[] {
  const byKey = new Map(records.map((r) => [r.key, r]));
  return READINESS_ITEMS.map((item) => {
    const record = byKey.get(item.key) ?? {
      key: item.key,
      status: 'not-started',
      owner: null,
      dueOn: null,
      evidence: '',
    };
    return { ...item, ...record, mandatory: isMandatory(item, highRisk), closed: isClosed(record.status) };
  });
}

/** The mandatory items still open: while any is, the system may not be put into use. */
export function openMandatoryItems(rows: readonly ReadinessRow[]): ReadinessRow[] {
  return rows.filter((row) => row.mandatory && !row.closed);
}

export interface ReadinessUpdate {
  status?: unknown;
  owner?: unknown;
  dueOn?: unknown;
  evidence?: unknown;
}

export const MAX_READINESS_EVIDENCE_LENGTH = 5000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The problems with an update of one item (none means valid). Closing an item needs an owner and the
 * evidence; a mandatory item cannot be set aside as not applicable; the FRIA item is done only once
 * all six headings are written.
 */
export function readinessUpdateProblems(
  key: string,
  update: ReadinessUpdate,
  facts: { highRisk: boolean; friaHeadingsWritten: number },
): string[] {
  const item = READINESS_ITEMS.find((i) => i.key === key);
  if (!item) return [`No such readiness item: ${key}.`];
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const problems: string[] = [];
  const status = text(update.status);
  if (!(READINESS_STATUSES as readonly string[]).includes(status))
    problems.push(`Choose a status: ${READINESS_STATUSES.map((s) => READINESS_STATUS_LABELS[s]).join(', ')}.`);
  const owner = text(update.owner);
  if (owner.length > 300) problems.push('The owner’s name can be at most 300 characters.');
  const dueOn = text(update.dueOn);
  if (dueOn && (!ISO_DAY.test(dueOn) || Number.isNaN(Date.parse(`${dueOn}T00:00:00Z`))))
    problems.push('Give the due date as a real day (YYYY-MM-DD).');
  const evidence = text(update.evidence);
  if (evidence.length > MAX_READINESS_EVIDENCE_LENGTH)
    problems.push(`The evidence note can be at most ${MAX_READINESS_EVIDENCE_LENGTH} characters.`);
  if (status === 'done' || status === 'not-applicable') {
    if (!owner) problems.push(`Name the owner before closing “${item.title}”.`);
    if (!evidence) problems.push(`Record the evidence before closing “${item.title}”: ${item.evidenceHint}`);
  }
  if (status === 'not-applicable' && isMandatory(item, facts.highRisk))
    problems.push(`“${item.title}” is mandatory for this case and cannot be set aside as not applicable.`);
  if (status === 'done' && item.key === 'fria' && facts.friaHeadingsWritten < 6)
    problems.push(`Write all six FRIA headings first (${facts.friaHeadingsWritten} of 6 written).`);
  return problems;
}
