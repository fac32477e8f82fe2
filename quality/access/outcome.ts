import type { Access, Envelope, ErrorCode } from '@zbxx/contracts';

/**
 * The codes that mean "not for you": no roster identity, a role or scope refusal, and NOT_FOUND for a record
 * that exists but lies outside the caller's scope (the probes only name existing records, so for them
 * NOT_FOUND can only be scope hiding).
 */
export const DENIAL_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'AUTH.NOT_BOUND',
  'AUTH.FORBIDDEN',
  'ATTENDANCE.FORBIDDEN',
  'NOT_FOUND',
]);

/** Codes that say nothing about access: the probe or the server is broken, never an expected answer. */
const BROKEN_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'INPUT.INVALID',
  'INPUT.UNKNOWN_ACTION',
  'AUTH.NO_IDENTITY',
  'SYSTEM.INTERNAL',
  'SYSTEM.TIMEOUT',
]);

export type Outcome = { access: Access; code: ErrorCode | 'ok' } | { access: 'broken'; code: ErrorCode; message: string };

/**
 * allowed: ok, or a domain refusal that only a caller past the access checks can get (QUIZ.ROUND_CLOSED,
 * ORG.NOT_EMPTY, BIND.ALREADY_BOUND, ATTENDANCE.ILLEGAL_TRANSITION …). denied: one of DENIAL_CODES.
 */
export function outcomeOf(reply: Envelope<unknown>): Outcome {
  if (reply.ok) return { access: 'allowed', code: 'ok' };
  const { code, message } = reply.error;
  if (DENIAL_CODES.has(code)) return { access: 'denied', code };
  if (BROKEN_CODES.has(code)) return { access: 'broken', code, message };
  return { access: 'allowed', code };
}
