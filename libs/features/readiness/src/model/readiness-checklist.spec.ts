import {
  openMandatoryItems,
  READINESS_ITEMS,
  readinessChecklist,
  ReadinessRecord,
  readinessUpdateProblems,
} from './readiness-checklist';

describe('the agency readiness checklist', () => {
  const done = (key: string): ReadinessRecord => ({
    key,
    status: 'done',
    owner: 'A. Owner',
    dueOn: null,
    evidence: 'Ref 1',
  });

  it('covers Art. 26(2), 26(6), 26(7), 26(8)/49, the DPIA, the FRIA, monitoring, complaints, budget and skills', () => {
    const bases = READINESS_ITEMS.map((i) => i.basis).join(' | ');
    for (const article of ['26(2)', '26(6)', '26(7)', '26(8)', 'Art. 49', 'Art. 27', 'GDPR Art. 35'])
      expect(bases).toContain(article);
    expect(READINESS_ITEMS.map((i) => i.key)).toEqual([
      'human-oversight',
      'log-retention',
      'workers-informed',
      'registration',
      'dpia',
      'fria',
      'monitoring-plan',
      'complaints-route',
      'budget-skills',
    ]);
  });

  it('makes the Art. 26 and 27 items mandatory only for a high-risk use; budget and skills stay recommended', () => {
    const mandatory = (highRisk: boolean) =>
      readinessChecklist([], highRisk)
        .filter((r) => r.mandatory)
        .map((r) => r.key);
    expect(mandatory(true)).toHaveLength(8);
    expect(mandatory(true)).not.toContain('budget-skills');
    expect(mandatory(false)).toEqual(['dpia', 'monitoring-plan', 'complaints-route']);
  });

  it('lists the open mandatory items until each is done', () => {
    const open = (records: ReadinessRecord[]) =>
      openMandatoryItems(readinessChecklist(records, true)).map((r) => r.key);
    expect(open([])).toHaveLength(8);
    const allMandatory = READINESS_ITEMS.filter((i) => i.key !== 'budget-skills').map((i) => done(i.key));
    expect(open(allMandatory)).toEqual([]);
    expect(open([...allMandatory.slice(1), { ...done('human-oversight'), status: 'in-progress' }])).toEqual([
      'human-oversight',
    ]);
  });

  const facts = { highRisk: true, friaHeadingsWritten: 6 };
  it.each([
    ['dpia', { status: 'finished' }, 'Choose a status'],
    ['dpia', { status: 'done', owner: '', evidence: 'DPIA-7' }, 'Name the owner'],
    ['dpia', { status: 'done', owner: 'DPO', evidence: ' ' }, 'Record the evidence'],
    ['dpia', { status: 'in-progress', dueOn: '31-12-2026' }, 'real day'],
    ['log-retention', { status: 'not-applicable', owner: 'IT', evidence: 'n/a' }, 'mandatory for this case'],
    ['nope', { status: 'done' }, 'No such readiness item'],
  ])('refuses %s %p', (key, update, message) => {
    const problems = readinessUpdateProblems(key, update, facts);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('closes the FRIA item only once all six headings are written', () => {
    const closeFria = { status: 'done', owner: 'Olga', evidence: 'Notified 2026-12-01' };
    expect(readinessUpdateProblems('fria', closeFria, { highRisk: true, friaHeadingsWritten: 5 })).toEqual([
      'Write all six FRIA headings first (5 of 6 written).',
    ]);
    expect(readinessUpdateProblems('fria', closeFria, facts)).toEqual([]);
  });

  it('lets a recommended item, or an Art. 26 item of a use that is not high-risk, be set aside with a reason', () => {
    const setAside = { status: 'not-applicable', owner: 'Olga', evidence: 'Covered by the force budget.' };
    expect(readinessUpdateProblems('budget-skills', setAside, facts)).toEqual([]);
    expect(readinessUpdateProblems('log-retention', setAside, { highRisk: false, friaHeadingsWritten: 0 })).toEqual([]);
  });
});
