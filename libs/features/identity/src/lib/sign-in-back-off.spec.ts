import { afterFailedSignIn, BackOffState, lockedForSeconds, NO_BACK_OFF } from './sign-in-back-off';

const NOW = new Date('2026-12-01T09:00:00Z');

describe('sign-in back-off', () => {
  it('lets four failures pass, locks at the fifth and doubles the lock with each further failure up to an hour', () => {
    let state: BackOffState = NO_BACK_OFF;
    const locks: number[] = [];
    for (let failure = 1; failure <= 12; failure++) {
      const next = afterFailedSignIn(state, NOW);
      locks.push(next.lockMs / 60_000);
      state = next;
    }
    expect(locks).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('counts the remaining lock in whole seconds, and nothing once it has passed', () => {
    const locked = afterFailedSignIn({ failedSignIns: 4, lockedUntil: null }, NOW);
    expect(lockedForSeconds(locked, NOW)).toBe(60);
    expect(lockedForSeconds(locked, new Date(NOW.getTime() + 59_500))).toBe(1);
    expect(lockedForSeconds(locked, new Date(NOW.getTime() + 60_000))).toBe(0);
    expect(lockedForSeconds(NO_BACK_OFF, NOW)).toBe(0);
  });
});
