import { act, renderHook } from '@testing-library/react';
import type { RemindResult } from '@zbxx/contracts';
import { AppError } from '../../services/app-error';
import { aRow, anIncompleteRow } from '../../lib/__tests__/stats-mother';
import { useRemind, type RemindDeps } from '../use-remind';

const result: RemindResult = {
  month: '2026-11',
  counts: { sent: 1, alreadyToday: 0, noConsent: 1, complete: 0, notBound: 0, failed: 0 },
  results: [
    { memberId: 'm2', name: '张建国', outcome: 'sent' },
    { memberId: 'm3', name: '王芳', outcome: 'noConsent' },
  ],
};

function deps(fail: () => boolean = () => false) {
  const calls: Array<{ memberIds?: string[]; requestId: string; month?: string }> = [];
  let n = 0;
  const value: RemindDeps = {
    remind: async (input, requestId) => {
      calls.push({ memberIds: input.memberIds, requestId, month: input.month });
      if (fail()) throw new AppError('NETWORK.TIMEOUT');
      return result;
    },
    newId: () => `req-${++n}-abcdefgh`,
  };
  return { value, calls };
}

const rows = [aRow(), anIncompleteRow({ canRemind: true }), anIncompleteRow({ memberId: 'm3', name: '王芳' })];

describe('useRemind (催学)', () => {
  it('asks first with the number of members still missing something, then sends once', async () => {
    const { value, calls } = deps();
    const onSent = jest.fn();
    const { result: hook } = renderHook(() => useRemind({ month: '2026-11' }, onSent, value));
    act(() => hook.current.ask(rows));
    expect(hook.current.step).toEqual({ kind: 'confirm', memberIds: ['m2', 'm3'], consenting: 1 });
    expect(calls).toEqual([]);

    await act(async () => hook.current.confirm());
    expect(hook.current.step).toEqual({ kind: 'done', result });
    expect(calls).toEqual([{ memberIds: ['m2', 'm3'], requestId: 'req-1-abcdefgh', month: '2026-11' }]);
    expect(onSent).toHaveBeenCalledTimes(1);
  });

  it('retries a failed send with the same requestId, so nobody is reminded twice', async () => {
    let failing = true;
    const { value, calls } = deps(() => failing);
    const { result: hook } = renderHook(() => useRemind({ branchId: 'b1', month: '2026-11' }, () => {}, value));
    act(() => hook.current.ask(rows));
    await act(async () => hook.current.confirm());
    expect(hook.current.step).toMatchObject({ kind: 'error', requestId: 'req-1-abcdefgh', error: { code: 'NETWORK.TIMEOUT' } });

    failing = false;
    await act(async () => hook.current.retry());
    expect(hook.current.step).toEqual({ kind: 'done', result });
    expect(calls.map((call) => call.requestId)).toEqual(['req-1-abcdefgh', 'req-1-abcdefgh']);
  });

  it('a new tap is a new request', async () => {
    const { value, calls } = deps();
    const { result: hook } = renderHook(() => useRemind({ month: '2026-11' }, () => {}, value));
    for (let i = 0; i < 2; i++) {
      act(() => hook.current.ask(rows));
      await act(async () => hook.current.confirm());
      act(() => hook.current.close());
    }
    expect(calls.map((call) => call.requestId)).toEqual(['req-1-abcdefgh', 'req-2-abcdefgh']);
    expect(hook.current.step).toEqual({ kind: 'idle' });
  });

  it('has nobody to remind when everyone listed is complete', () => {
    const { value } = deps();
    const { result: hook } = renderHook(() => useRemind({ month: '2026-11' }, () => {}, value));
    act(() => hook.current.ask([aRow()]));
    expect(hook.current.step).toEqual({ kind: 'confirm', memberIds: [], consenting: 0 });
  });
});
