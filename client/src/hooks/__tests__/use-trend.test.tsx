import { act, renderHook, waitFor } from '@testing-library/react';
import type { Trend } from '@zbxx/contracts';
import { AppError } from '../../services/app-error';
import { trendBatches, useTrend } from '../use-trend';

const node = { id: 'county', name: '清河县委组织部', type: 'county' as const };
const thresholds = { study: 80, quizParticipation: 80, quizPass: 80, partyDay: 80, completion: 80 };
// The hook only carries points through: their figures don't matter here.
const point = (month: string) => ({ month, totals: {}, rates: {} }) as unknown as Trend['points'][number];

/** The `count` months ending at `endMonth`, oldest first. */
const monthsOf = (endMonth: string, count: number) => Array.from({ length: count }, (_, i) => shift(endMonth, i - count + 1));
function shift(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A server answering each batch with its months; `fail` names calls (by number, from 1) that fail once. */
function server(fail: number[] = []) {
  const calls: string[] = [];
  const trend = async (input: { nodeId?: string; months: number; endMonth?: string }): Promise<Trend> => {
    calls.push(`${input.endMonth}/${input.months}`);
    if (fail.includes(calls.length)) throw new AppError('NETWORK.TIMEOUT');
    return { node, thresholds, points: monthsOf(input.endMonth!, input.months).map(point) };
  };
  return { trend, calls };
}

describe('trendBatches', () => {
  it('cuts 12 months into four calls of 3 and 6 into two, oldest first', () => {
    expect(trendBatches('2026-03', 12)).toEqual([
      { endMonth: '2025-06', months: 3 },
      { endMonth: '2025-09', months: 3 },
      { endMonth: '2025-12', months: 3 },
      { endMonth: '2026-03', months: 3 },
    ]);
    expect(trendBatches('2026-03', 6)).toEqual([
      { endMonth: '2025-12', months: 3 },
      { endMonth: '2026-03', months: 3 },
    ]);
    expect(trendBatches('2026-03', 5)).toEqual([
      { endMonth: '2025-12', months: 2 },
      { endMonth: '2026-03', months: 3 },
    ]);
  });
});

describe('useTrend', () => {
  it('fetches a year three months at a time, one call after another, the points growing as they arrive', async () => {
    const { trend, calls } = server();
    const { result } = renderHook(() => useTrend('county', { trend }, '2026-03'));
    await waitFor(() => expect(result.current.state.loaded).toBe(2));
    expect(result.current.state.points.map((p) => p.month)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    act(() => result.current.setMonths(12));
    await waitFor(() => expect(result.current.state.loaded).toBe(4));
    expect(calls).toEqual(['2025-12/3', '2026-03/3', '2025-06/3', '2025-09/3', '2025-12/3', '2026-03/3']);
    expect(result.current.state.points).toHaveLength(12);
    expect(result.current.state.points[0]?.month).toBe('2025-04');
    expect(result.current.state.data).toEqual({ node, thresholds });
    expect(result.current.state.error).toBeNull();
  });

  it('a failed batch stops the loading with what arrived kept; 重试 fetches that batch and the rest only', async () => {
    const { trend, calls } = server([2]);
    const { result } = renderHook(() => useTrend('county', { trend }, '2026-03'));
    act(() => result.current.setMonths(12));
    await waitFor(() => expect(result.current.state.error).not.toBeNull());
    const failedAt = result.current.state.loaded;
    expect(result.current.state.points).toHaveLength(3 * failedAt);
    const before = calls.length;
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.state.loaded).toBe(4));
    expect(calls.slice(before)).toEqual(
      trendBatches('2026-03', 12)
        .slice(failedAt)
        .map((b) => `${b.endMonth}/${b.months}`),
    );
    expect(result.current.state.points.map((p) => p.month)).toEqual(monthsOf('2026-03', 12));
  });
});
