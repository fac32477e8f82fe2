/**
 * What the check-in QR code carries: `zbxx:checkin:<eventId>:<code>`. The client parses it after scanCode and
 * sends both parts; the server verifies. A typed code (h5, fallback) needs the event from the page instead.
 */

export interface CheckinPayload {
  eventId: string;
  code: string;
}

const PREFIX = 'zbxx:checkin:';
const PAYLOAD = /^zbxx:checkin:([A-Za-z0-9_-]{1,64}):(\d{6})$/;

export function formatCheckinPayload(payload: CheckinPayload): string {
  if (parseCheckinPayload(`${PREFIX}${payload.eventId}:${payload.code}`) === null) {
    throw new Error(`cannot encode check-in payload for event ${payload.eventId}`);
  }
  return `${PREFIX}${payload.eventId}:${payload.code}`;
}

/** null for anything else a member might scan (a payment code, a web link, a code from another app). */
export function parseCheckinPayload(text: string): CheckinPayload | null {
  const match = PAYLOAD.exec(text.trim());
  if (match === null) return null;
  return { eventId: match[1] as string, code: match[2] as string };
}

/** A code typed by hand, tolerating spaces and full-width digits from Chinese keyboards; null if not 6 digits. */
export function normalizeTypedCode(text: string): string | null {
  const halfWidth = text.replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  const digits = halfWidth.replace(/\s+/gu, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
