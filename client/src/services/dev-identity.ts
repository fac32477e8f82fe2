/**
 * The dev identity chosen in the h5 identity picker. devcloud takes the caller's OPENID from the
 * `X-Dev-Openid` header, because a browser has no WeChat to inject one. Only the h5 build uses this.
 */
export const DEV_OPENID_KEY = 'devcloud.openid';

export function getDevOpenid(): string | null {
  try {
    return globalThis.localStorage?.getItem(DEV_OPENID_KEY) || null;
  } catch {
    // Private mode or disabled storage: behave as if nobody was chosen.
    return null;
  }
}

export function setDevOpenid(openid: string): void {
  globalThis.localStorage?.setItem(DEV_OPENID_KEY, openid);
}

/** A fresh "WeChat user" nobody has bound yet, to try the bind flow. */
export function makeUnboundOpenid(random: () => number = Math.random): string {
  return `dev-new-${Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0')}`;
}
