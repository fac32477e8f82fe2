import { useCallback, useEffect, useRef, useState } from 'react';
import type { Trend } from '@zbxx/contracts';
import { shanghaiMonth, shiftMonth } from '../lib/month-step';
import { toAppError, type AppError } from '../services/app-error';
import { statsService } from '../services/stats';

/** Months per call: a county roll-up takes seconds a month, and one call has 60 s at most. */
export const TREND_BATCH_MONTHS = 3;

export interface TrendBatch {
  endMonth: string;
  months: number;
}

/** The months ending at `endMonth`, cut into calls of `size` months, oldest first (bars fill left to right). */
export function trendBatches(endMonth: string, months: number, size = TREND_BATCH_MONTHS): TrendBatch[] {
  const batches: TrendBatch[] = [];
  for (let newest = 0; newest < months; newest += size) {
    batches.unshift({ endMonth: shiftMonth(endMonth, -newest), months: Math.min(size, months - newest) });
  }
  return batches;
}

export interface TrendState {
  /** Node and thresholds arrive with the first batch. */
  data: Omit<Trend, 'points'> | null;
  /** Months arrived so far, oldest first. */
  points: Trend['points'];
  loaded: number;
  batches: number;
  /** The batch that failed; 重试 asks for it and those after it, never again for the ones that arrived. */
  error: AppError | null;
}

/** The last 6 or 12 months of a node's rates, fetched a few months per call, one call after another. */
export function useTrend(nodeId?: string, service: Pick<typeof statsService, 'trend'> = statsService, endMonth: string = shanghaiMonth()) {
  const [months, setMonths] = useState<6 | 12>(6);
  const [round, setRound] = useState(0);
  const arrived = useRef<{ key: string; results: Trend[] }>({ key: '', results: [] });
  const batches = trendBatches(endMonth, months);
  const key = `${nodeId ?? ''}|${endMonth}|${months}`;
  if (arrived.current.key !== key) arrived.current = { key, results: [] };
  const [state, setState] = useState<TrendState>(() => stateOf(arrived.current.results, batches.length, null));

  useEffect(() => {
    let alive = true;
    const mine = arrived.current;
    setState(stateOf(mine.results, batches.length, null));
    void (async () => {
      for (let i = mine.results.length; i < batches.length && alive; i += 1) {
        let result: Trend;
        try {
          result = await service.trend({ nodeId, ...(batches[i] as TrendBatch) });
        } catch (error) {
          if (alive) setState(stateOf(mine.results, batches.length, toAppError(error)));
          return;
        }
        // A superseded loop (another node or range, or an effect run again) keeps nothing.
        if (!alive) return;
        mine.results.push(result);
        setState(stateOf(mine.results, batches.length, null));
      }
    })();
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);

  const retry = useCallback(() => setRound((n) => n + 1), []);
  return { state, retry, months, setMonths };
}

function stateOf(results: readonly Trend[], batches: number, error: AppError | null): TrendState {
  const first = results[0];
  return {
    data: first ? { node: first.node, thresholds: first.thresholds } : null,
    points: results.flatMap((r) => r.points),
    loaded: results.length,
    batches,
    error,
  };
}
