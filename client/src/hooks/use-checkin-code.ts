import { useEffect, useRef, useState } from 'react';
import { checkinService } from '../services/checkin';
import { toAppError, type AppError } from '../services/app-error';

export interface ShownCode {
  code: string;
  payload: string;
  validUntil: string;
}

/**
 * The secretary's code page: fetches the current code from the server and again when it expires (the phone
 * never computes codes), with a seconds-left tick. A failed fetch keeps the last code on screen and retries.
 */
export function useCheckinCode(eventId: string) {
  const [shown, setShown] = useState<ShownCode | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const offset = useRef(0);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchCode = async () => {
      try {
        const next = await checkinService.currentCode(eventId);
        if (!alive) return;
        offset.current = new Date(next.serverTime).getTime() - Date.now();
        setShown(next);
        setError(null);
        const wait = new Date(next.validUntil).getTime() - (Date.now() + offset.current);
        timer = setTimeout(() => void fetchCode(), Math.max(wait, 0) + 300);
      } catch (caught) {
        if (!alive) return;
        setError(toAppError(caught));
        timer = setTimeout(() => void fetchCode(), 3000);
      }
    };
    void fetchCode();
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
      clearInterval(tick);
    };
  }, [eventId]);
  return { shown, error, now: now + offset.current };
}
