import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Download links as the platform hands them out (`getTempFileURL`): a file is reachable only through a URL
 * that names its expiry and carries a signature over the path and that expiry, so nobody can read a file by
 * guessing its path, and a leaked link stops working. The key lives for one run: links die on restart.
 */
export class UrlSigner {
  private readonly key = randomBytes(32);

  /** Query string (`sign=…&t=…`) for `cloudPath`, valid until `expiresAtMs`. */
  query(cloudPath: string, expiresAtMs: number): string {
    const t = Math.floor(expiresAtMs / 1000);
    return `sign=${this.sign(cloudPath, t)}&t=${t}`;
  }

  /** Whether `sign`/`t` from a URL are this run's signature for `cloudPath`, unexpired at `nowMs`. */
  verify(cloudPath: string, sign: string | null, t: string | null, nowMs: number): boolean {
    if (sign === null || t === null || !/^\d{1,12}$/.test(t)) return false;
    const seconds = Number(t);
    if (seconds * 1000 <= nowMs) return false;
    const expected = Buffer.from(this.sign(cloudPath, seconds));
    const given = Buffer.from(sign);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(cloudPath: string, expiresAtSeconds: number): string {
    return createHmac('sha256', this.key).update(`${cloudPath}\n${expiresAtSeconds}`).digest('base64url');
  }
}
