/** Who calls a function: what the platform injects and `cloud.getWXContext()` returns. */
export interface CallerIdentity {
  openid: string;
  appid?: string;
  unionid?: string;
}

/** The mini-program's appid in devcloud (the platform injects the real one). */
export const DEV_APPID = 'wx0000000000000000';

/** How the call reached the function; `cloud.getWXContext().SOURCE` reports it. */
export type InvocationSource = 'wx_client' | 'wx_function';

/**
 * wx-server-sdk's getWXContext reads only `process.env`: the comma-separated keys in WX_CONTEXT_KEYS,
 * each `WX_<KEY>` reported as `<KEY>`, plus ENV (TCB_ENV) and SOURCE (TCB_SOURCE). Every key the worker
 * ever sets is listed here so a reused worker can clear the previous caller's values.
 */
const CONTEXT_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP'] as const;

export function identityEnv(identity: CallerIdentity | null, source: InvocationSource): Record<string, string> {
  const env: Record<string, string> = {
    WX_CONTEXT_KEYS: CONTEXT_KEYS.join(','),
    WX_APPID: identity?.appid ?? DEV_APPID,
    WX_CLIENTIP: '127.0.0.1',
    TCB_SOURCE: source,
  };
  if (identity) {
    env.WX_OPENID = identity.openid;
    if (identity.unionid) env.WX_UNIONID = identity.unionid;
  }
  return env;
}

/**
 * A client call's event carries `userInfo` injected by the platform (the docs: "外加后端自动注入的小程序用户的
 * openid 和小程序的 appid"); functions must tolerate it, so devcloud injects it too.
 */
export function withUserInfo(event: unknown, identity: CallerIdentity | null): unknown {
  if (!identity || event === null || typeof event !== 'object' || Array.isArray(event)) return event;
  return { ...(event as Record<string, unknown>), userInfo: { appId: identity.appid ?? DEV_APPID, openId: identity.openid } };
}
