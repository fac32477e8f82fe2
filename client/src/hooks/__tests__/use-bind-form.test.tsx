import { act, renderHook } from '@testing-library/react';
import type { BindInput, BindResult } from '@zbxx/contracts';
import { AppError } from '../../services/app-error';
import { useBindForm } from '../use-bind-form';

function fakeBind(...outcomes: Array<BindResult | AppError>) {
  const calls: Array<{ input: BindInput; requestId?: string }> = [];
  const bind = async (input: BindInput, requestId?: string) => {
    calls.push({ input, requestId });
    const outcome = outcomes.shift();
    if (!outcome || outcome instanceof AppError) throw outcome ?? new AppError('SYSTEM.INTERNAL');
    return outcome;
  };
  return { bind, calls };
}

function fill(result: { current: ReturnType<typeof useBindForm> }, name: string, phoneLast4: string) {
  act(() => {
    result.current.setField('name', name);
    result.current.setField('phoneLast4', phoneLast4);
  });
}

describe('useBindForm', () => {
  it('shows field messages and does not call the server for an invalid form', async () => {
    const { bind, calls } = fakeBind();
    const { result } = renderHook(() => useBindForm({ bind }));

    let outcome: BindResult | null = null;
    await act(async () => {
      outcome = await result.current.submit();
    });

    expect(outcome).toBeNull();
    expect(result.current.errors).toEqual({ name: '请填写姓名', phoneLast4: '请填写手机号后四位' });
    expect(calls).toHaveLength(0);
  });

  it("shows the server's refusal (BIND.NO_MATCH, AUTH.RATE_LIMITED) as it was worded", async () => {
    const { bind } = fakeBind(
      new AppError('BIND.NO_MATCH', '未找到匹配的党员信息，请核对后重试'),
      new AppError('AUTH.RATE_LIMITED', '尝试次数过多，请30分钟后再试'),
    );
    const { result } = renderHook(() => useBindForm({ bind }));
    fill(result, '王建国', '1234');

    await act(async () => void (await result.current.submit()));
    expect(result.current.serverError?.message).toBe('未找到匹配的党员信息，请核对后重试');

    await act(async () => void (await result.current.submit()));
    expect(result.current.serverError?.code).toBe('AUTH.RATE_LIMITED');
    expect(result.current.serverError?.message).toBe('尝试次数过多，请30分钟后再试');
  });

  it('resends the same answers after a network failure under the same requestId', async () => {
    const { bind, calls } = fakeBind(new AppError('NETWORK.TIMEOUT'), { status: 'pending', branchName: '城关镇第一党支部' });
    const { result } = renderHook(() => useBindForm({ bind }));
    fill(result, '王建国', '1234');

    await act(async () => void (await result.current.submit()));
    let outcome: BindResult | null = null;
    await act(async () => {
      outcome = await result.current.submit();
    });

    expect(outcome).toEqual({ status: 'pending', branchName: '城关镇第一党支部' });
    expect(calls).toHaveLength(2);
    expect(calls[0]?.requestId).toBeDefined();
    expect(calls[1]?.requestId).toBe(calls[0]?.requestId);
  });

  it('uses a new requestId once the answers change', async () => {
    const { bind, calls } = fakeBind(new AppError('NETWORK.TIMEOUT'), new AppError('BIND.NO_MATCH'));
    const { result } = renderHook(() => useBindForm({ bind }));
    fill(result, '王建国', '1234');
    await act(async () => void (await result.current.submit()));
    fill(result, '王建国', '5678');
    await act(async () => void (await result.current.submit()));

    expect(calls[1]?.requestId).not.toBe(calls[0]?.requestId);
  });

  it('tells the page its session is stale when the server says this user is already bound', async () => {
    const { bind } = fakeBind(new AppError('BIND.ALREADY_BOUND'));
    let stale = 0;
    const { result } = renderHook(() => useBindForm({ bind, onStale: () => stale++ }));
    fill(result, '王建国', '1234');

    await act(async () => void (await result.current.submit()));

    expect(stale).toBe(1);
  });

  it('clears field messages when switching between the two ways to bind', async () => {
    const { bind } = fakeBind();
    const { result } = renderHook(() => useBindForm({ bind }));
    await act(async () => void (await result.current.submit()));
    act(() => result.current.setMethod('invite'));

    expect(result.current.form.method).toBe('invite');
    expect(result.current.errors).toEqual({});
  });
});
