/**
 * Per-step timings of the autosave, read from the api's Server-Timing header (SERVER_TIMING=on):
 * where a save spends its time, step by step, under the same load as the end-to-end numbers.
 */

/**
 * Steps in the order a save passes them. `transaction` encloses everything from the link lookup to the
 * commit (one pool connection per save); `pool-wait` is that connection's checkout, inside it too.
 */
const STEP_LABELS: Array<[step: string, label: string]> = [
  ['body', 'cookies and body parsing, unstorable-input check (the JSON size)'],
  ['csrf', 'CSRF token (issue + check)'],
  ['rate-limit', 'rate limit (throttler guard, Redis)'],
  ['pool-wait', 'pool wait: checking out the database connection'],
  ['session', 'session: invite token → response and case'],
  ['questionnaire', 'questionnaire: visible sections'],
  ['revision', 'revision check (row lock + case)'],
  ['validate', 'answer validation'],
  ['write', 'UPDATE of the answers (JSON)'],
  ['audit', 'audit entry'],
  ['commit', 'BEGIN and COMMIT (transaction − its steps − pool wait)'],
  ['transaction', 'whole save transaction (link lookup to commit)'],
  ['other', 'everything else in the app (routing, other guards, JSON reply)'],
  ['app', 'whole request inside the api'],
];

export class StepTimings {
  private readonly samples = new Map<string, number[]>();

  /** Adds one response's header; derives `commit` and `other` from the measured steps. */
  add(header: string | null): void {
    if (!header) return;
    const steps = new Map<string, number>();
    for (const part of header.split(',')) {
      const [name, duration] = part.trim().split(';dur=');
      if (name && duration !== undefined) steps.set(name, Number(duration));
    }
    const get = (name: string) => steps.get(name) ?? 0;
    const inside = ['pool-wait', 'session', 'questionnaire', 'revision', 'validate', 'write', 'audit'];
    if (steps.has('transaction'))
      steps.set('commit', Math.max(0, get('transaction') - inside.reduce((sum, name) => sum + get(name), 0)));
    const measured = ['body', 'csrf', 'rate-limit', 'transaction'].reduce((sum, name) => sum + get(name), 0);
    steps.set('other', Math.max(0, get('app') - measured));
    for (const [name, value] of steps) {
      const list = this.samples.get(name) ?? [];
      list.push(value);
      this.samples.set(name, list);
    }
  }

  /** Markdown table rows: step, p50, p99 (ms). */
  table(): string[] {
    const rows = ['| step of a save | p50 ms | p99 ms |', '|---|---:|---:|'];
    for (const [step, label] of STEP_LABELS) {
      const values = [...(this.samples.get(step) ?? [])].sort((a, b) => a - b);
      if (!values.length) continue;
      const at = (p: number) => values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))].toFixed(2);
      rows.push(`| ${label} | ${at(50)} | ${at(99)} |`);
    }
    return rows;
  }
}
