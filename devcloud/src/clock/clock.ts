/** devcloud's clock; the test clock (branch `clock`) replaces this with a settable one. */
export function devcloudNow(): number {
  return Date.now();
}
