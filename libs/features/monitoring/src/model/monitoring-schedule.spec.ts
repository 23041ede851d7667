import { isDue, isOverdue, monitoringSchedule } from './monitoring-schedule';

describe('the post-award monitoring schedule', () => {
  const count = (checks: ReturnType<typeof monitoringSchedule>, kind: string) =>
    checks.filter((c) => c.kind === kind).length;

  it('schedules the first year at standard frequencies when the contract needed no extra clause', () => {
    const checks = monitoringSchedule('2027-01-31', []);
    expect(count(checks, 'performance-review')).toBe(2);
    expect(count(checks, 'drift-review')).toBe(2);
    expect(count(checks, 'bias-retest')).toBe(1);
    expect(count(checks, 'change-notification')).toBe(4);
    expect(count(checks, 'incident-reporting')).toBe(12);
    expect(count(checks, 'fria-review')).toBe(1);
    // Month ends are kept within the month; checks come in due order.
    expect(
      checks
        .filter((c) => c.kind === 'incident-reporting')
        .map((c) => c.dueOn)
        .slice(0, 3),
    ).toEqual(['2027-02-28', '2027-03-31', '2027-04-30']);
    expect([...checks].sort((a, b) => a.dueOn.localeCompare(b.dueOn)).map((c) => c.dueOn)).toEqual(
      checks.map((c) => c.dueOn),
    );
    expect(checks.find((c) => c.kind === 'fria-review')).toMatchObject({
      dueOn: '2028-01-31',
      because: 'Every 12 months (standard)',
    });
  });

  it.each([
    ['MCC-AI Art. 8 — Accuracy, robustness and cybersecurity', 'performance-review', 4],
    ['MCC-AI Art. 3 — Data and data governance', 'bias-retest', 2],
    ['MCC-AI Art. 3 — Data and data governance', 'drift-review', 4],
    ['MCC-AI Art. 4 — Technical documentation and instructions for use', 'change-notification', 12],
    ['MCC-AI Section C — Cooperation on the fundamental rights impact assessment', 'fria-review', 2],
  ])('tightens the checks when the contract includes %s', (clause, kind, expected) => {
    const checks = monitoringSchedule('2027-01-01', [clause]);
    expect(count(checks, kind)).toBe(expected);
    expect(checks.find((c) => c.kind === kind)!.because).toContain(clause.split(' — ')[0]);
  });

  it('takes extra reviews from the risk register through the same rule shape', () => {
    const checks = monitoringSchedule(
      '2027-01-01',
      [],
      [
        {
          kind: 'risk-R3',
          title: 'Review of risk R3: misidentification of minors',
          basis: 'Risk register',
          everyMonths: 4,
        },
      ],
    );
    expect(checks.filter((c) => c.kind === 'risk-R3').map((c) => c.dueOn)).toEqual([
      '2027-05-01',
      '2027-09-01',
      '2028-01-01',
    ]);
  });

  it('calls a check due on its day and overdue the day after, until it is done', () => {
    const check = { dueOn: '2027-03-01', doneAt: null };
    expect([isDue(check, '2027-02-28'), isOverdue(check, '2027-02-28')]).toEqual([false, false]);
    expect([isDue(check, '2027-03-01'), isOverdue(check, '2027-03-01')]).toEqual([true, false]);
    expect([isDue(check, '2027-03-02'), isOverdue(check, '2027-03-02')]).toEqual([true, true]);
    expect(isOverdue({ ...check, doneAt: new Date() }, '2027-04-01')).toBe(false);
  });
});
