import { DEFAULT_ERROR_MESSAGES, ERROR_CODES, type ErrorCode } from '@zbxx/contracts';

/** Failures that never reach a function: the phone's network, or a reply we cannot read. */
export type ClientErrorCode = 'NETWORK.UNREACHABLE' | 'NETWORK.TIMEOUT' | 'RESPONSE.INVALID';

export type AppErrorCode = ErrorCode | ClientErrorCode;

const CLIENT_MESSAGES: Record<ClientErrorCode, string> = {
  'NETWORK.UNREACHABLE': '网络不可用，请检查网络后重试',
  'NETWORK.TIMEOUT': '网络较慢，请求超时了，请稍后点击“重试”',
  'RESPONSE.INVALID': '服务返回的数据有误，请稍后重试或更新小程序',
};

/** Codes where trying the same thing again may well succeed. */
const RETRYABLE: ReadonlySet<AppErrorCode> = new Set<AppErrorCode>([
  'NETWORK.UNREACHABLE',
  'NETWORK.TIMEOUT',
  'SYSTEM.TIMEOUT',
  'SYSTEM.INTERNAL',
  'CONFLICT',
]);

/** The one error type pages and hooks see: a stable code plus Chinese text for the person holding the phone. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  /** True when a 重试 button makes sense. */
  readonly retryable: boolean;

  constructor(code: AppErrorCode, message?: string) {
    super(message || defaultMessage(code));
    this.name = 'AppError';
    this.code = code;
    this.retryable = RETRYABLE.has(code);
  }
}

export function defaultMessage(code: AppErrorCode): string {
  return isServerCode(code) ? DEFAULT_ERROR_MESSAGES[code] : CLIENT_MESSAGES[code];
}

export function isServerCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** Anything thrown below the UI becomes an AppError, so pages never show "undefined" or English stack text. */
export function toAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('SYSTEM.INTERNAL');
}
