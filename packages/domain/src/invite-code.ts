import type { AttemptPolicy } from './attempt-limit';

/**
 * Branch invite codes: read aloud at a meeting or copied from a group chat, so the alphabet drops characters
 * that are easy to confuse (0/O, 1/I/L). 8 characters of 31 give ~8.5e11 codes: not guessable within the
 * attempt limit.
 */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;

/** `random` returns a float in [0, 1), like Math.random or a seeded generator. */
export function generateInviteCode(random: () => number, length = INVITE_CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i += 1) {
    code += INVITE_CODE_ALPHABET[Math.floor(random() * INVITE_CODE_ALPHABET.length)];
  }
  return code;
}

/** People type codes in lower case and with stray spaces. */
export function normalizeInviteCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

export function isInviteCode(code: string): boolean {
  return code.length === INVITE_CODE_LENGTH && [...code].every((char) => INVITE_CODE_ALPHABET.includes(char));
}

/**
 * Join requests by invite code wait for the branch secretary. A leaked code must not let anyone flood that list:
 * at most 10 new requests per branch in any 24 hours (charged before the request is written, refunded when it
 * fails), and at most 20 waiting at once. A branch has a few dozen members, most of whom bind by phone.
 */
export const INVITE_REQUEST_POLICY: { perBranch: AttemptPolicy; maxPendingPerBranch: number } = {
  perBranch: { maxFailures: 10, windowMs: 24 * 60 * 60 * 1000 },
  maxPendingPerBranch: 20,
};
