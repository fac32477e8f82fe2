import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { CHECKIN_REMINDER_TEMPLATE_ID, type CheckInInput, type MemberEvent } from '@zbxx/contracts';
import { askReminderConsent, locateForCheckin, scanCheckinCode } from '../services/checkin-device';
import { checkinService } from '../services/checkin';
import { useAsync } from './use-async';

/** The member's 主题党日: the next event and recent ones; refreshed whenever the tab shows again. */
export function usePartyDay() {
  const result = useAsync(() => checkinService.myEvents(), []);
  useDidShow(() => {
    if (result.state.kind === 'ready') result.reload();
  });
  return result;
}

/** Milliseconds to `iso` by the server's clock (the phone's may be off), re-evaluated every second. */
export function useServerCountdown(iso: string | undefined, serverTime: string | undefined): number {
  const [offset] = useState(() => (serverTime ? new Date(serverTime).getTime() - Date.now() : 0));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return iso ? new Date(iso).getTime() - (now + offset) : 0;
}

/** Check-in: a scanned QR payload (weapp) or a typed code, with the position only when the event is fenced. */
export async function checkInTo(event: MemberEvent['event'], typed: string | null) {
  let input: CheckInInput;
  if (typed === null) {
    const payload = await scanCheckinCode();
    if (payload === null) return null;
    input = { payload };
  } else {
    input = { eventId: event.eventId, code: typed };
  }
  const position = event.geofence ? await locateForCheckin() : undefined;
  return checkinService.checkIn({ ...input, ...(position ? { position } : {}) });
}

/** 提醒我: WeChat's one-time consent first, then the server records who to remind. */
export async function subscribeToReminder(eventId: string): Promise<boolean> {
  if (!(await askReminderConsent(CHECKIN_REMINDER_TEMPLATE_ID))) return false;
  await checkinService.subscribeReminder(eventId);
  return true;
}
