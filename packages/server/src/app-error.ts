import { DEFAULT_ERROR_MESSAGES, type AppErrorBody, type ErrorCode } from '@zbxx/contracts';

/**
 * An expected failure with a stable code: what the handler wants the client to see. Anything else thrown is a
 * bug and becomes SYSTEM.INTERNAL (logged, never shown).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_ERROR_MESSAGES[code],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): AppErrorBody {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
