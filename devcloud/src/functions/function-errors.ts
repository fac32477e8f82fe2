/** The platform-level failure of an invocation (not the function's own `{ ok:false }` answer). */
export type InvocationFailureCode = 'SYSTEM.INTERNAL' | 'SYSTEM.TIMEOUT' | 'INPUT.INVALID';

export class FunctionNotFoundError extends Error {
  constructor(readonly functionName: string) {
    super(`云函数不存在：${functionName}`);
    this.name = 'FunctionNotFoundError';
  }
}

export class FunctionInvocationError extends Error {
  constructor(
    readonly code: InvocationFailureCode,
    message: string,
    /** What went wrong, in the developer's words (the thrown message, the exit code…). */
    readonly detail: string,
    readonly dbRequests: number,
    readonly durationMs: number,
  ) {
    super(message);
    this.name = 'FunctionInvocationError';
  }
}

export const INVOCATION_FAILURE_MESSAGES: Record<InvocationFailureCode, string> = {
  'SYSTEM.INTERNAL': '云函数执行出错，请稍后重试',
  'SYSTEM.TIMEOUT': '云函数执行超时，请稍后重试',
  'INPUT.INVALID': '请求内容无法处理（嵌套过深或过大）',
};
