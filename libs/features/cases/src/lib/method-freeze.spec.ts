import { amendmentProblems, methodChange, methodHash } from './method-freeze';

const NOW = new Date('2026-05-10T12:00:00Z');
const DUE = new Date('2026-05-20T12:00:00Z');

describe('methodChange', () => {
  it('lets a draft be set up freely', () => {
    expect(methodChange({ status: 'draft', responsesDue: DUE, responsesClosedAt: null }, NOW)).toEqual({
      kind: 'set-up',
    });
  });

  it('makes a change of a published tender before its deadline an amendment', () => {
    expect(methodChange({ status: 'open', responsesDue: DUE, responsesClosedAt: null }, NOW).kind).toBe('amendment');
  });

  it('freezes the method once responses are due, even while the case is still open', () => {
    const after = new Date(DUE.getTime() + 1);
    const change = methodChange({ status: 'open', responsesDue: DUE, responsesClosedAt: null }, after);
    expect(change).toEqual({
      kind: 'frozen',
      reason: expect.stringContaining('froze when responses closed on 2026-05-20'),
    });
  });

  it.each(['closed', 'evaluation', 'dossier_review', 'signed_off', 'awarded', 'cancelled'] as const)(
    'freezes the method of a %s case',
    (status) => {
      const closedEarly = new Date('2026-05-15T00:00:00Z');
      const change = methodChange({ status, responsesDue: DUE, responsesClosedAt: closedEarly }, NOW);
      expect(change).toEqual({ kind: 'frozen', reason: expect.stringContaining('2026-05-15') });
    },
  );
});

describe('methodHash', () => {
  const parts = {
    questionnaireHash: 'a'.repeat(64),
    criteriaWeights: { fairness: 60, lawfulness: 40 },
    priceWeight: null,
  };

  it('does not depend on key order', () => {
    expect(methodHash(parts)).toBe(methodHash({ ...parts, criteriaWeights: { lawfulness: 40, fairness: 60 } }));
  });

  it('changes with any weight, the price weight or the questionnaire', () => {
    const hash = methodHash(parts);
    expect(methodHash({ ...parts, criteriaWeights: { fairness: 59, lawfulness: 41 } })).not.toBe(hash);
    expect(methodHash({ ...parts, priceWeight: 30 })).not.toBe(hash);
    expect(methodHash({ ...parts, questionnaireHash: 'b'.repeat(64) })).not.toBe(hash);
  });
});

describe('amendmentProblems', () => {
  it('asks for the reason providers will read', () => {
    expect(amendmentProblems({ reason: '  ' }, DUE, NOW)).toEqual([expect.stringContaining('published amendment')]);
    expect(amendmentProblems({ reason: 'Typo in the fairness weight.' }, DUE, NOW)).toEqual([]);
  });

  it('accepts only a later deadline as an extension', () => {
    const earlier = new Date(DUE.getTime() - 1000);
    expect(amendmentProblems({ reason: 'r', responsesDue: earlier }, DUE, NOW)).toEqual([
      expect.stringContaining('later than the current one'),
    ]);
    expect(amendmentProblems({ reason: 'r', responsesDue: new Date('nope') }, DUE, NOW)).toEqual([
      'The new response deadline is not a date.',
    ]);
    expect(amendmentProblems({ reason: 'r', responsesDue: new Date('2026-06-01T00:00:00Z') }, DUE, NOW)).toEqual([]);
  });
});
