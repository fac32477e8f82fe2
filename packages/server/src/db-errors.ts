import { AppError } from './app-error';
import type { Db, DbTransaction } from './db';

const CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';
/** The platform's text for a transaction lock conflict (云开发 › 数据库 › 事务: "其它事务的写入会直接失败"). */
const CONFLICT_TEXT = '[ResourceUnavailable.TransactionConflict]';

/**
 * A transaction lost to a concurrent writer. The SDK surfaces it raw (`{ code }`, from commit) or wrapped by
 * wx-server-sdk: a write inside the transaction to a document another transaction holds fails with
 * `errMsg: 'document.update:fail -501001 resource system error. [ResourceUnavailable.TransactionConflict] …'`
 * and no `code`. All three forms are checked.
 */
export function isTransactionConflict(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, errMsg, message } = error as { code?: unknown; errMsg?: unknown; message?: unknown };
  return (
    code === CONFLICT_CODE ||
    [errMsg, message].some((text) => typeof text === 'string' && (text.includes(CONFLICT_CODE) || text.includes(CONFLICT_TEXT)))
  );
}

/** Attempts of a transaction in all. */
const TRANSACTION_ATTEMPTS = 6;
/** First pause before a retry; doubled each time, with jitter (20, 40, 80, 160, 320 ms: ~0.6 s in all). */
const RETRY_BASE_MS = 20;

/** The loser of a lock conflict must let the winner commit first: retrying at once would meet the same lock. */
function backoff(attempt: number): Promise<void> {
  const ms = RETRY_BASE_MS * 2 ** (attempt - 1) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The database with a `runTransaction` that retries every kind of conflict. wx-server-sdk 4.0.2's own retry
 * looks at `error.code` only, which its wrapper strips from a conflict on a write inside the transaction (the
 * usual kind under transaction locks: the second writer fails at once), so without this a concurrent update of
 * the same document fails instead of running again on fresh data. Each attempt is one SDK transaction without
 * SDK retries (`times = 0`: rolled back on any error, then retried here on a conflict, after a growing pause).
 */
export function withConflictRetry(db: Db): Db {
  const wrapped = Object.create(db) as Db;
  wrapped.runTransaction = async <T>(work: (tx: DbTransaction) => Promise<T>, attempts = TRANSACTION_ATTEMPTS): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.runTransaction(work, 0);
      } catch (error) {
        if (attempt >= attempts || !isTransactionConflict(error)) throw error;
      }
      await backoff(attempt);
    }
  };
  return wrapped;
}

/** Platform errors with a meaning for the user; everything else stays SYSTEM.INTERNAL. */
export function classifyPlatformError(error: unknown): AppError | null {
  return isTransactionConflict(error) ? new AppError('CONFLICT') : null;
}
