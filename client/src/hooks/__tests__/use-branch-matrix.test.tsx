import { act, renderHook, waitFor } from '@testing-library/react';
import { aMatrix } from '../../lib/__tests__/stats-mother';
import { shanghaiMonth, shiftMonth } from '../../lib/month-step';
import { useBranchMatrix } from '../use-branch-matrix';

function service() {
  const calls: unknown[] = [];
  return {
    calls,
    value: {
      branchMatrix: async (input: { branchId?: string; month?: string; filter?: string }) => {
        calls.push(input);
        return aMatrix();
      },
    },
  };
}

describe('useBranchMatrix', () => {
  it('asks the server for the month and the filter tab, never for a month after the running one', async () => {
    const { value, calls } = service();
    const now = shanghaiMonth();
    const { result } = renderHook(() => useBranchMatrix('b1', undefined, value));
    await waitFor(() => expect(result.current.state.kind).toBe('ready'));
    expect(result.current.canNext).toBe(false);

    act(() => result.current.next());
    expect(result.current.month).toBe(now);
    act(() => result.current.previous());
    await waitFor(() => expect(result.current.state.kind).toBe('ready'));
    act(() => result.current.setFilter('incomplete'));
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls).toEqual([
      { branchId: 'b1', month: now, filter: 'all' },
      { branchId: 'b1', month: shiftMonth(now, -1), filter: 'all' },
      { branchId: 'b1', month: shiftMonth(now, -1), filter: 'incomplete' },
    ]);
    expect(result.current.canNext).toBe(true);
  });

  it('opens at the month it was sent to (from the dashboard), but not a future one', async () => {
    const { value, calls } = service();
    renderHook(() => useBranchMatrix(undefined, '2026-03', value));
    const future = renderHook(() => useBranchMatrix(undefined, shiftMonth(shanghaiMonth(), 2), value));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]).toMatchObject({ month: '2026-03' });
    expect(future.result.current.month).toBe(shanghaiMonth());
  });
});
