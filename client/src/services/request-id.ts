/**
 * Id that makes a write idempotent on the server: a retried submission with the same id never counts twice.
 * Matches the event contract (8–64 chars of [A-Za-z0-9_-]).
 */
export function newRequestId(now: () => number = Date.now, random: () => number = Math.random): string {
  const rand = Array.from({ length: 3 }, () =>
    Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0'),
  ).join('');
  return `r${now().toString(36)}${rand}`;
}
