import { createHash } from 'node:crypto';
import { checkAttempts, failuresInWindow, minutesUntil, strictestVerdict, type AttemptPolicy } from '@zbxx/domain';
import { AppError } from './app-error';
import type { Db, DocStore } from './db';
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
    .catch(refuseRacingAttempts);
  if (!verdict.allowed) {
    throw new AppError('AUTH.RATE_LIMITED', `尝试次数过多，请${minutesUntil(verdict.lockedUntil ?? at, at)}分钟后再试`);
  }
  return { keys, at };
}

export async function refundAttempt(db: Db, charge: AttemptCharge): Promise<void> {
  await Promise.all(charge.keys.map((key) => removeAttemptFailure(db, key, charge.at)));
}

/**
 * The same charge-first rule inside a caller's own transaction, for a guess checked in that transaction (the
 * 签到码): `readAttemptGate` reads the key's history; `refuseIfExhausted` refuses when the limit is reached;
 * then exactly one of `charge` (the guess was wrong) or `refund` (it was right: the charge is not kept) writes
 * the key back. Writing on both paths puts every guess on the key's document, so parallel guesses conflict
 * and are checked one at a time.
 */
export interface AttemptGate {
  refuseIfExhausted(): void;
  charge(): Promise<void>;
  refund(): Promise<void>;
}

export async function readAttemptGate(tx: DocStore, key: string, now: Date, policy: AttemptPolicy): Promise<AttemptGate> {
  const at = now.getTime();
  const recent = failuresInWindow(await getAttemptFailures(tx, key), at, policy);
  const verdict = checkAttempts(recent, at, policy);
  return {
    refuseIfExhausted() {
      if (verdict.allowed) return;
      throw new AppError('AUTH.RATE_LIMITED', `尝试次数过多，请${minutesUntil(verdict.lockedUntil ?? at, at)}分钟后再试`);
    },
    charge: () => putAttemptFailures(tx, key, [...recent, at], now),
    refund: () => putAttemptFailures(tx, key, recent, now),
  };
}

/** Many guesses racing on one key's document is itself a burst of guesses: refused like one. */
export function refuseRacingAttempts(error: unknown): never {
  if (isTransactionConflict(error)) throw new AppError('AUTH.RATE_LIMITED', '操作过于频繁，请稍后再试');
  throw error;
}
