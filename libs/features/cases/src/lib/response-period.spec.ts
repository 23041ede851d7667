import { responsesClosedAt } from './response-period';

describe('responsesClosedAt', () => {
  const responsesDue = new Date('2027-01-15T23:59:00Z');
  const now = new Date('2026-12-03T10:00:00Z');

  it('is null while the case is open before its deadline, and the deadline once that has passed', () => {
    expect(responsesClosedAt({ status: 'open', responsesDue, responsesClosedAt: null }, now)).toBeNull();
    expect(
      responsesClosedAt({ status: 'open', responsesDue, responsesClosedAt: null }, new Date('2027-01-16T00:00:00Z')),
    ).toEqual(responsesDue);
  });

  it('is the moment of an early close or cancellation, not the original deadline', () => {
    const closedAt = new Date('2026-12-03T09:45:00Z');
    for (const status of ['closed', 'evaluation', 'cancelled'] as const)
      expect(responsesClosedAt({ status, responsesDue, responsesClosedAt: closedAt }, now)).toEqual(closedAt);
  });

  it('is the deadline when the officer closed the case only after it', () => {
    const closedAt = new Date('2027-01-20T08:00:00Z');
    expect(responsesClosedAt({ status: 'closed', responsesDue, responsesClosedAt: closedAt }, now)).toEqual(
      responsesDue,
    );
    expect(responsesClosedAt({ status: 'closed', responsesDue, responsesClosedAt: null }, now)).toEqual(responsesDue);
  });
});
