import { accountContract, type BindInput, type BindResult, type LoginResult } from '@zbxx/contracts';
import { callAction } from './transport';

/** Who am I: bound member, unbound WeChat user, or waiting for approval. Safe to retry. */
export function login(): Promise<LoginResult> {
  return callAction(accountContract, 'login', undefined);
}

/** Claim a roster entry. Pass the same requestId again when the person presses 重试 after a network failure. */
export function bind(input: BindInput, requestId?: string): Promise<BindResult> {
  return callAction(accountContract, 'bind', input, { write: true, requestId });
}
