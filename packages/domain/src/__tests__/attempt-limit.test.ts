import { BIND_ATTEMPT_POLICY, checkAttempts, failuresInWindow, minutesUntil, strictestVerdict } from '../attempt-limit';

const policy = { maxFailures: 3, windowMs: 10_000 };
const now = 100_000;

describe('attempt limit', () => {
  it('allows the first attempt with the whole budget left', () => {
    expect(checkAttempts([], now, policy)).toEqual({ allowed: true, remaining: 3, lockedUntil: null });
  });

  it('counts only failures inside the window', () => {
    expect(failuresInWindow([80_000, 90_000, 95_000, 99_000], now, policy)).toEqual([95_000, 99_000]);
    expect(checkAttempts([80_000, 95_000, 99_000], now, policy).remaining).toBe(1);
  });

  it('counts and keeps failures a concurrent call stamped a moment later than now', () => {
    expect(failuresInWindow([100_400, 99_000, 80_000], now, policy)).toEqual([99_000, 100_400]);
    expect(checkAttempts([100_400, 100_200, 99_000], now, policy)).toEqual({ allowed: false, remaining: 0, lockedUntil: 109_000 });
  });

  it('locks after the limit until the oldest counted failure leaves the window', () => {
    const verdict = checkAttempts([99_000, 95_000, 97_000], now, policy);
    expect(verdict).toEqual({ allowed: false, remaining: 0, lockedUntil: 105_000 });
    expect(checkAttempts([99_000, 95_000, 97_000], 105_000, policy).allowed).toBe(true);
  });

  it('with more failures than the limit, waits until enough have expired', () => {
    const verdict = checkAttempts([91_000, 92_000, 93_000, 94_000], now, policy);
    expect(verdict.lockedUntil).toBe(102_000);
  });

  it('takes the strictest of several limits', () => {
    const open = checkAttempts([99_000], now, policy);
    const locked = checkAttempts([95_000, 96_000, 97_000], now, policy);
    expect(strictestVerdict([open, locked])).toEqual({ allowed: false, remaining: 0, lockedUntil: 105_000 });
    expect(strictestVerdict([open, checkAttempts([], now, policy)])).toEqual(open);
  });

  it('refuses the sixth wrong binding guess within 15 minutes', () => {
    const guesses = [0, 1, 2, 3, 4].map((i) => now - i * 60_000);
    expect(checkAttempts(guesses.slice(0, 4), now, BIND_ATTEMPT_POLICY).allowed).toBe(true);
    expect(checkAttempts(guesses, now, BIND_ATTEMPT_POLICY).allowed).toBe(false);
  });

  it('rounds the wait up to whole minutes, at least one', () => {
    expect(minutesUntil(now + 61_000, now)).toBe(2);
    expect(minutesUntil(now + 1, now)).toBe(1);
    expect(minutesUntil(now - 5, now)).toBe(1);
  });
});
