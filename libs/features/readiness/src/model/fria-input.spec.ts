import { MAX_FRIA_TEXT_LENGTH } from './fria-headings';
import { cleanConsultation, consultationProblems, friaTextProblems } from './fria-input';

describe('FRIA input checks', () => {
  const valid = {
    group: 'civil-society',
    stakeholder: ' Rights Watch NL ',
    heldOn: '2026-11-20',
    said: 'Bystanders appear in the footage.',
    changed: 'Bystanders are blurred before analysts see the footage.',
  };

  it('accepts a complete consultation and trims it', () => {
    expect(consultationProblems(valid, '2026-12-03')).toEqual([]);
    expect(cleanConsultation(valid).stakeholder).toBe('Rights Watch NL');
  });

  it.each([
    [{ group: 'press' }, 'Choose who was consulted'],
    [{ stakeholder: '   ' }, 'Name the organisation or person consulted.'],
    [{ stakeholder: 'x'.repeat(301) }, 'at most 300 characters'],
    [{ heldOn: '2026-02-30' }, 'real day'],
    [{ heldOn: '20/11/2026' }, 'real day'],
    [{ heldOn: '2026-12-04' }, 'date is in the future'],
    [{ said: '' }, 'Write what the stakeholders said.'],
    [{ changed: ' ' }, 'Write what the agency changed'],
  ])('refuses %p', (change, message) => {
    const problems = consultationProblems({ ...valid, ...change }, '2026-12-03');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('allows an empty heading text (clears it) but not an over-long one or a non-string', () => {
    expect(friaTextProblems('')).toEqual([]);
    expect(friaTextProblems('x'.repeat(MAX_FRIA_TEXT_LENGTH))).toEqual([]);
    expect(friaTextProblems('x'.repeat(MAX_FRIA_TEXT_LENGTH + 1))[0]).toContain('at most');
    expect(friaTextProblems(42)).toEqual(['Write the heading’s text as plain text.']);
  });
});
