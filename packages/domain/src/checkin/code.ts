/**
 * Rotating check-in codes (签到码). The construction is TOTP exactly as RFC 6238 specifies it with its defaults
 * (HMAC-SHA1, T0 = 0, 30-second steps, RFC 4226 dynamic truncation), so the RFC's own test vectors check it.
 * Each 主题党日 event has its own random secret (20 bytes, hex) that never leaves the server: the secretary's
 * phone fetches the current code from the server and the client never computes one.
 *
 * This is the only file in packages/domain that imports node:crypto (crypto is not something we write
 * ourselves). It is deliberately NOT re-exported from checkin/index.ts, so the client bundle never reaches
 * node:crypto; cloud functions import it from '@zbxx/domain/src/checkin/code'.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CODE_STEP_SECONDS = 30;
export const CODE_DIGITS = 6;
/** 160 bits, the HMAC-SHA1 block-friendly size RFC 4226 recommends. */
export const EVENT_SECRET_BYTES = 20;

function secretBytes(secretHex: string): Buffer {
  if (!/^(?:[0-9a-fA-F]{2}){16,64}$/.test(secretHex)) {
    throw new Error('check-in secret must be 16–64 bytes of hex');
  }
  return Buffer.from(secretHex, 'hex');
}

/** The 30-second step a moment falls in (RFC 6238's T). */
export function timeStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / CODE_STEP_SECONDS);
}

/** HOTP (RFC 4226) of one step, zero-padded to `digits`. */
export function codeAtStep(secretHex: string, step: number, digits = CODE_DIGITS): string {
  if (!Number.isSafeInteger(step) || step < 0) throw new RangeError(`bad time step ${step}`);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secretBytes(secretHex)).update(counter).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export interface CurrentCode {
  code: string;
  step: number;
  /** When the phone should fetch the next code. */
  validUntil: Date;
}

/** What the secretary's code page shows now. */
export function currentCode(secretHex: string, now: Date): CurrentCode {
  const step = timeStep(now);
  return { code: codeAtStep(secretHex, step), step, validUntil: new Date((step + 1) * CODE_STEP_SECONDS * 1000) };
}

export type CodeVerification = { ok: true; step: number } | { ok: false };

function sameCode(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Accepts the code of the current step or the previous one (a member who read it at 29 s still gets in),
 * never an older or a future one, so a photo forwarded from the room stops working within a minute.
 */
export function verifyCode(secretHex: string, code: string, now: Date): CodeVerification {
  if (!/^\d{6}$/.test(code)) return { ok: false };
  const step = timeStep(now);
  for (const candidate of [step, step - 1]) {
    if (candidate >= 0 && sameCode(codeAtStep(secretHex, candidate), code)) return { ok: true, step: candidate };
  }
  return { ok: false };
}
