import { AppError } from './app-error';

const CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';

/**
 * A transaction lost to a concurrent writer even after the SDK's retries. The SDK surfaces it either raw
 * (`{ code }`, from commit) or wrapped by wx-server-sdk (`errMsg` naming the code), so both are checked.
 */
export function isTransactionConflict(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, errMsg, message } = error as { code?: unknown; errMsg?: unknown; message?: unknown };
  return code === CONFLICT_CODE || [errMsg, message].some((text) => typeof text === 'string' && text.includes(CONFLICT_CODE));
}

/** Platform errors with a meaning for the user; everything else stays SYSTEM.INTERNAL. */
export function classifyPlatformError(error: unknown): AppError | null {
  return isTransactionConflict(error) ? new AppError('CONFLICT') : null;
}
