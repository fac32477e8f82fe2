import { getDevOpenid } from './dev-identity';

/** In the browser someone must first pick who to be in the dev identity picker. */
export function hasLoginIdentity(): boolean {
  return getDevOpenid() !== null;
}
