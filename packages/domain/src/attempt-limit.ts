/**
 * Sliding-window limit on failed attempts (binding guesses). Pure: the history and the clock come in, the
 * verdict goes out. The caller records failures and keeps at most one window of history per key.
 */
export interface AttemptPolicy {
  maxFailures: number;
  windowMs: number;
}

/**
 * Binding: 5 wrong guesses per 15 minutes, counted per WeChat user and per claimed name, so the last four
 * digits of someone's phone (10,000 possibilities) cannot be guessed by switching WeChat accounts.
 */
export const BIND_ATTEMPT_POLICY: AttemptPolicy = { maxFailures: 5, windowMs: 15 * 60 * 1000 };

export interface AttemptVerdict {
  allowed: boolean;
  /** Failures still allowed in the current window. */
  remaining: number;
  /** Epoch ms when the next attempt will be allowed; null when allowed now. */
  lockedUntil: number | null;
}

/**
 * Failures inside the window ending at `now`, oldest first. A failure stamped after `now` counts (and is
 * kept): it was charged by a concurrent call whose clock read a moment later, and dropping it would hand a
 * burst its guesses back.
 */
export function failuresInWindow(failures: readonly number[], now: number, policy: AttemptPolicy): number[] {
  return failures.filter((at) => at > now - policy.windowMs).sort((a, b) => a - b);
}

export function checkAttempts(failures: readonly number[], now: number, policy: AttemptPolicy): AttemptVerdict {
  const recent = failuresInWindow(failures, now, policy);
  const remaining = Math.max(0, policy.maxFailures - recent.length);
  if (remaining > 0) return { allowed: true, remaining, lockedUntil: null };
  // Unlocks when enough of the oldest failures have left the window to bring the count below the limit.
  const unlockingFailure = recent[recent.length - policy.maxFailures] ?? now;
  return { allowed: false, remaining: 0, lockedUntil: unlockingFailure + policy.windowMs };
}

/** Several limits apply at once (per user, per name): the strictest wins. */
export function strictestVerdict(verdicts: readonly AttemptVerdict[]): AttemptVerdict {
  let result: AttemptVerdict = { allowed: true, remaining: Number.POSITIVE_INFINITY, lockedUntil: null };
  for (const verdict of verdicts) {
    const lockedUntil = verdict.lockedUntil === null ? result.lockedUntil : Math.max(verdict.lockedUntil, result.lockedUntil ?? 0);
    result = {
      allowed: result.allowed && verdict.allowed,
      remaining: Math.min(result.remaining, verdict.remaining),
      lockedUntil,
    };
  }
  return result;
}

/** Whole minutes until `lockedUntil`, at least 1, for a message like "请 15 分钟后再试". */
export function minutesUntil(lockedUntil: number, now: number): number {
  return Math.max(1, Math.ceil((lockedUntil - now) / 60_000));
}
