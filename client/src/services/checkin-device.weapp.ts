import Taro from '@tarojs/taro';
import type { CheckInInput } from '@zbxx/contracts';

export const canScan = true;

/** WeChat's scanner, camera only (a saved photo of the code is exactly what check-in must not accept). */
export async function scanCheckinCode(): Promise<string | null> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result;
  } catch {
    return null; // cancelled
  }
}

/**
 * Asked only when the event has a geofence, right at check-in (WeChat's privacy rules: declared in app.json's
 * requiredPrivateInfos and asked when needed). A refusal is not an error: the server flags or refuses.
 */
export async function locateForCheckin(): Promise<CheckInInput['position']> {
  try {
    const { latitude, longitude, accuracy } = await Taro.getLocation({ type: 'gcj02' });
    return { latitude, longitude, ...(accuracy ? { accuracyMetres: Math.min(accuracy, 10_000) } : {}) };
  } catch {
    return undefined;
  }
}

/** One-time subscribe consent: one reminder message per tap. */
export async function askReminderConsent(templateId: string): Promise<boolean> {
  try {
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: [templateId],
      entityIds: [],
    } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    return answer[templateId] === 'accept';
  } catch {
    return false;
  }
}

export const canPickPlace = true;

/** The secretary picks the meeting place on WeChat's map (GCJ-02, the same datum as members' getLocation). */
export async function pickPlace(): Promise<{ name: string; latitude: number; longitude: number } | null> {
  try {
    const { name, address, latitude, longitude } = await Taro.chooseLocation({});
    return { name: name || address, latitude, longitude };
  } catch {
    return null; // cancelled
  }
}
