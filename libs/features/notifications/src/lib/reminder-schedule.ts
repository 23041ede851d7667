/** Reminders go out this many days before responses are due, largest first. */
export const REMINDER_DAYS = [7, 3, 1] as const;
export type ReminderDays = (typeof REMINDER_DAYS)[number];

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface DueReminder {
  daysBefore: ReminderDays;
  /** Whole days left, rounded up: "due within N days" is then always true. */
  daysLeft: number;
}

/**
 * Which reminder, if any, a response should get now: the reminder for the smallest threshold that
 * is at least the time left, unless it was already sent. Earlier thresholds that were missed (the
 * job did not run, or the response was invited late) are skipped rather than sent out of order, and
 * nothing is sent once the deadline has passed.
 */
export function dueReminder(responsesDue: Date, now: Date, alreadySent: readonly number[]): DueReminder | null {
  const msLeft = responsesDue.getTime() - now.getTime();
  if (!(msLeft > 0)) return null;
  const daysLeft = msLeft / DAY_MS;
  const threshold = [...REMINDER_DAYS].reverse().find((days) => days >= daysLeft);
  if (threshold === undefined || alreadySent.includes(threshold)) return null;
  return { daysBefore: threshold, daysLeft: Math.ceil(daysLeft) };
}
