import { createHash } from 'node:crypto';
import { checkAttempts, failuresInWindow, minutesUntil, strictestVerdict, type AttemptPolicy } from '@zbxx/domain';
import { AppError } from './app-error';
import type { Db } from './db';
import { isTransactionConflict } from './db-errors';
import { getAttemptFailures, putAttemptFailures, removeAttemptFailure } from './repositories/bind-attempts';

/**
 * Rate-limit keys. A claimed name is hashed so people's names do not become document ids (ids end up in logs).
 */
export function openidAttemptKey(openid: string): string {
  return `openid-${openid}`;
}

export function nameAttemptKey(nameKey: string): string {
  return `name-${createHash('sha256').update(nameKey).digest('hex').slice(0, 32)}`;
}

/** New join requests to one branch (invite codes): charged per branch, whoever sends them. */
export function branchRequestKey(branchId: string): string {
  return `invite-branch-${branchId}`;
}

export interface AttemptCharge {
  keys: readonly string[];
  at: number;
}

/**
 * Charges one attempt against every key before the guess is checked, in one transaction: parallel guesses
 * each see the others' charges, so a burst cannot slip past the limit. Refused with AUTH.RATE_LIMITED when
 * any key is exhausted. A successful attempt is refunded with `refundAttempt`; a failed one stays charged.
 */
export async function chargeAttempt(db: Db, keys: readonly string[], now: Date, policy: AttemptPolicy): Promise<AttemptCharge> {
  const at = now.getTime();
  const verdict = await db
    .runTransaction(async (tx) => {
      const histories = await Promise.all(keys.map((key) => getAttemptFailures(tx, key)));
      const verdict = strictestVerdict(histories.map((failures) => checkAttempts(failures, at, policy)));
      if (!verdict.allowed) return verdict;
      await Promise.all(keys.map((key, i) => putAttemptFailures(tx, key, [...failuresInWindow(histories[i] ?? [], at, policy), at], now)));
      return verdict;
    })
    .catch((error: unknown) => {
      // Many attempts racing on one key is itself a burst of guesses: refuse it like one.
      if (isTransactionConflict(error)) throw new AppError('AUTH.RATE_LIMITED', '操作过于频繁，请稍后再试');
      throw error;
    });
  if (!verdict.allowed) {
    throw new AppError('AUTH.RATE_LIMITED', `尝试次数过多，请${minutesUntil(verdict.lockedUntil ?? at, at)}分钟后再试`);
  }
  return { keys, at };
}

export async function refundAttempt(db: Db, charge: AttemptCharge): Promise<void> {
  await Promise.all(charge.keys.map((key) => removeAttemptFailure(db, key, charge.at)));
}
