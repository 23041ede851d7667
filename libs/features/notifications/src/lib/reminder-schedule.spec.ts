import { DAY_MS, dueReminder } from './reminder-schedule';

const now = new Date('2026-11-23T12:00:00Z');
const dueIn = (days: number) => new Date(now.getTime() + days * DAY_MS);

describe('dueReminder', () => {
  it('sends nothing while more than 7 days are left', () => {
    expect(dueReminder(dueIn(7.01), now, [])).toBeNull();
    expect(dueReminder(dueIn(30), now, [])).toBeNull();
  });

  it('sends the 7-day reminder from 7 days before the deadline', () => {
    expect(dueReminder(dueIn(7), now, [])).toEqual({ daysBefore: 7, daysLeft: 7 });
    expect(dueReminder(dueIn(6.5), now, [])).toEqual({ daysBefore: 7, daysLeft: 7 });
    expect(dueReminder(dueIn(5), now, [])).toEqual({ daysBefore: 7, daysLeft: 5 });
  });

  it('sends the 3-day reminder with 2.5 days left, even if the 7-day one was missed', () => {
    expect(dueReminder(dueIn(2.5), now, [7])).toEqual({ daysBefore: 3, daysLeft: 3 });
    expect(dueReminder(dueIn(2.5), now, [])).toEqual({ daysBefore: 3, daysLeft: 3 });
  });

  it('sends the 1-day reminder in the last day', () => {
    expect(dueReminder(dueIn(1), now, [7, 3])).toEqual({ daysBefore: 1, daysLeft: 1 });
    expect(dueReminder(dueIn(0.1), now, [7, 3])).toEqual({ daysBefore: 1, daysLeft: 1 });
  });

  it('never repeats a reminder and never sends a stale larger one instead', () => {
    expect(dueReminder(dueIn(6), now, [7])).toBeNull();
    expect(dueReminder(dueIn(2.5), now, [7, 3])).toBeNull();
    expect(dueReminder(dueIn(2.5), now, [3])).toBeNull();
    expect(dueReminder(dueIn(0.5), now, [1])).toBeNull();
  });

  it('sends nothing at or after the deadline', () => {
    expect(dueReminder(dueIn(0), now, [])).toBeNull();
    expect(dueReminder(dueIn(-1), now, [])).toBeNull();
    expect(dueReminder(new Date('invalid'), now, [])).toBeNull();
  });

  it('starts again after a deadline extension, for the thresholds not yet used', () => {
    expect(dueReminder(dueIn(6), now, [1])).toEqual({ daysBefore: 7, daysLeft: 6 });
  });
});
