import { useCallback, useEffect, useState } from 'react';
import type { ActionOutput, checkinContract } from '@zbxx/contracts';
import { checkinService } from '../services/checkin';
import { toAppError } from '../services/app-error';
import type { AsyncState } from './use-async';

type Sheet = ActionOutput<typeof checkinContract, 'sheet'>;

const LIVE_REFRESH_MS = 5000;

/**
 * The secretary's sheet. While check-in runs it refreshes itself so arrivals appear without a tap; a refresh
 * keeps the sheet on screen (no skeleton flash) and a failed one keeps the last good sheet.
 */
export function useAttendanceSheet(eventId: string) {
  const [state, setState] = useState<AsyncState<Sheet>>({ kind: 'loading' });
  const reload = useCallback(() => {
    checkinService.sheet(eventId).then(
      (data) => setState({ kind: 'ready', data }),
      (error: unknown) => setState((previous) => (previous.kind === 'ready' ? previous : { kind: 'error', error: toAppError(error) })),
    );
  }, [eventId]);
  useEffect(reload, [reload]);
  const live = state.kind === 'ready' && state.data.event.phase === 'open';
  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(reload, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, reload]);
  return { state, reload };
}
