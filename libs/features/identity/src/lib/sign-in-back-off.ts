/**
 * Per-account back-off after failed sign-ins (pure; the service stores the state on the account).
 * A few typos are free; from the fifth failure in a row the account is locked, for a minute at
 * first and twice as long after each further failure, up to an hour. During a lock even the right
 * password is refused, so guessing one account from many addresses gets nowhere; a successful
 * sign-in or a password reset starts the count again.
 */
export const FREE_FAILED_SIGN_INS = 4;
export const FIRST_LOCK_MS = 60_000;
export const LONGEST_LOCK_MS = 60 * 60_000;

export interface BackOffState {
  failedSignIns: number;
  lockedUntil: Date | null;
}

/** Whole seconds the account stays locked at `now`; 0 when it is not locked. */
export function lockedForSeconds(state: BackOffState, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
}

/** The state after one more failed sign-in, and whether that failure started a lock. */
export function afterFailedSignIn(state: BackOffState, now: Date): BackOffState & { lockMs: number } {
  const failedSignIns = state.failedSignIns + 1;
  const lockNumber = failedSignIns - FREE_FAILED_SIGN_INS;
  if (lockNumber <= 0) return { failedSignIns, lockedUntil: state.lockedUntil, lockMs: 0 };
  const lockMs = Math.min(FIRST_LOCK_MS * 2 ** (lockNumber - 1), LONGEST_LOCK_MS);
  return { failedSignIns, lockedUntil: new Date(now.getTime() + lockMs), lockMs };
}

export const NO_BACK_OFF: BackOffState = { failedSignIns: 0, lockedUntil: null };
