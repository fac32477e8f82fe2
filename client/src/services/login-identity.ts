/** In the mini-program WeChat always supplies the caller's identity. */
export function hasLoginIdentity(): boolean {
  return true;
}
