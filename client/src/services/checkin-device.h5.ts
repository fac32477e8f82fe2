import type { CheckInInput } from '@zbxx/contracts';

/** In the browser the member types the 6-digit code shown on the secretary's phone. */
export const canScan = false;

export async function scanCheckinCode(): Promise<string | null> {
  return null;
}

/** The browser build sends no position: a fenced event flags (or, if strict, refuses) as the server decides. */
export async function locateForCheckin(): Promise<CheckInInput['position']> {
  return undefined;
}

/** devcloud has no consent dialog: the tap itself is the consent, and the outbox records the message. */
export async function askReminderConsent(_templateId: string): Promise<boolean> {
  return true;
}

/** The browser has no map picker: events created here have no geofence. */
export const canPickPlace = false;

export async function pickPlace(): Promise<{ name: string; latitude: number; longitude: number } | null> {
  return null;
}
