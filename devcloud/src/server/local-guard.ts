import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Keeps web pages away from devcloud's control surface (`/admin`, `/api/dev/*`). Any page a developer opens
 * can send a "simple" cross-origin POST (text/plain, form data) to 127.0.0.1 without a preflight; it cannot
 * read a secret it was never given, and the browser always names its origin. So a guarded request must:
 * - carry no `Origin` header (browsers add it to every cross-origin request and to same-origin POSTs; the
 *   SDK and scripts never send one);
 * - have a JSON body if it has a body (multipart for the SDK's wx.openApi upload);
 * - carry this run's token: as the SecretId of the SDK's signed `Authorization` header (devcloud's SDK
 *   environment sets TENCENTCLOUD_SECRETID to it, see sdk-env.ts) or as `X-Devcloud-Token` (scripts, tests).
 */
export const TOKEN_HEADER = 'x-devcloud-token';

export function newDevToken(): string {
  return randomBytes(18).toString('base64url');
}

/** Why a guarded request is refused, or null when it may pass. */
export function refusalOf(req: IncomingMessage, token: string): string | null {
  if (req.headers.origin !== undefined) return 'requests from a web page (Origin header) are refused';
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
  if (hasBody && type !== 'application/json' && type !== 'multipart/form-data') return `content type "${type}" is refused: JSON only`;
  if (!carriesToken(req, token)) return 'missing or wrong devcloud token (see sdkEnv() or X-Devcloud-Token)';
  return null;
}

function carriesToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string' && sameSecret(header, token)) return true;
  // TC3-HMAC-SHA256 Credential=<SecretId>/<date>/tcb/tc3_request, …
  const credential = /Credential=([^/,\s]+)\//.exec(req.headers.authorization ?? '');
  return credential !== null && sameSecret(credential[1]!, token);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The function gateway serves the h5 page devcloud itself hosts: same origin only. No Origin (curl, tests) is
 * fine; an Origin naming another site is refused, so no other page can call functions as a picked identity.
 */
export function isForeignOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  return origin !== `http://${req.headers.host ?? ''}`;
}
