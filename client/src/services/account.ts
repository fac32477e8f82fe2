import { accountContract, type BindInput, type BindResult, type HomeResult, type LoginResult } from '@zbxx/contracts';
import { callAction } from './transport';

/** Who am I: bound member, unbound WeChat user, or waiting for approval. Safe to retry. */
export function login(): Promise<LoginResult> {
  return callAction(accountContract, 'login', undefined);
}

/** 首页 in one call: who I am plus this month's study, 主题党日 and quiz cards. Safe to retry. */
export function home(): Promise<HomeResult> {
  return callAction(accountContract, 'home', undefined);
}

/** The part of a home reply the session keeps: what login would have answered. */
export function loginOf(result: HomeResult): LoginResult {
  return result.status === 'bound' ? { status: 'bound', me: result.me } : result;
}

/** Claim a roster entry. Pass the same requestId again when the person presses 重试 after a network failure. */
export function bind(input: BindInput, requestId?: string): Promise<BindResult> {
  return callAction(accountContract, 'bind', input, { write: true, requestId });
}
