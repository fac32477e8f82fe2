import { act, renderHook } from '@testing-library/react';
import type { ExportJob, ExportResult } from '@zbxx/contracts';
import { AppError } from '../../services/app-error';
import { exportProgressText, useStatsExport, type ExportDeps } from '../use-stats-export';

const file: ExportResult = {
  fileId: 'cloud://exports/x.xlsx',
  url: 'http://files/x.xlsx',
  fileName: '清河县统计_2026-01至2026-11.xlsx',
  bytes: 20480,
  sheets: [{ name: '汇总', rows: 12 }],
};
const progress = (done: number, total = 4) => ({ done, total, label: done < total ? `第${done + 1}步` : '已完成' });
const running = (done: number): ExportJob => ({ exportId: 'exp-1', status: 'running', progress: progress(done) });
const done: ExportJob = { exportId: 'exp-1', status: 'done', progress: progress(4), ...file };

/** A server whose job answers the scripted replies in turn (an error is a failed call); it records each call. */
function server(replies: (ExportJob | AppError)[]) {
  const calls: string[] = [];
  const next = async () => {
    // A turn of the event loop, as a network call takes: the page renders what it was told meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 1));
    const reply = replies.shift();
    if (!reply) throw new Error('no more replies');
    if (reply instanceof AppError) throw reply;
    return reply;
  };
  const value: ExportDeps = {
    exportWorkbook: async (input, requestId) => {
      calls.push(`start ${input.nodeId ?? '-'} ${input.fromMonth}..${input.toMonth} ${requestId}`);
      return next();
    },
    exportStep: async (exportId) => {
      calls.push(`step ${exportId}`);
      return next();
    },
    open: async (url) => {
      calls.push(`open ${url}`);
    },
    wait: async (ms) => {
      calls.push(`wait ${ms}`);
    },
  };
  return { value, calls };
}

const requestIdOf = (call: string) => call.split(' ').at(-1);

describe('useStatsExport', () => {
  it('starts the job, steps it to the end showing 正在导出（n/total 步）…, then opens (weapp) or downloads (h5) the file', async () => {
    // Each call waits until the test answers it, so what the page shows in between can be read.
    const pending: ((job: ExportJob) => void)[] = [];
    const { value, calls } = server([]);
    const gated = (record: (job?: string) => void) => (arg?: unknown) =>
      new Promise<ExportJob>((resolve) => {
        record(typeof arg === 'string' ? arg : undefined);
        pending.push(resolve);
      });
    value.exportWorkbook = gated(() => calls.push('start'));
    value.exportStep = gated((id) => calls.push(`step ${id}`));
    const { result } = renderHook(() => useStatsExport(value));
    const shown = () =>
      result.current.step.kind === 'generating' ? exportProgressText(result.current.step.progress) : result.current.step.kind;
    let finished: Promise<void> = Promise.resolve();
    act(() => {
      finished = result.current.generate({ nodeId: 'county', fromMonth: '2026-01', toMonth: '2026-11' });
    });
    const seen = [shown()];
    for (const reply of [running(1), running(2), running(3), done]) {
      await act(async () => pending.shift()!(reply));
      seen.push(shown());
    }
    await act(() => finished);
    expect(seen).toEqual(['正在导出…', '正在导出（1/4 步）…', '正在导出（2/4 步）…', '正在导出（3/4 步）…', 'done']);
    expect(result.current.step).toEqual({ kind: 'done', result: file, opened: true });
    expect(calls).toEqual(['start', 'step exp-1', 'step exp-1', 'step exp-1', 'open http://files/x.xlsx']);
  });

  it('a step that answers no progress (another step holds the job) is followed by a pause, not a burst of calls', async () => {
    const { value, calls } = server([running(1), running(1), running(2), done]);
    const { result } = renderHook(() => useStatsExport(value));
    await act(() => result.current.generate({ fromMonth: '2026-11', toMonth: '2026-11' }));
    expect(calls.filter((c) => !c.startsWith('start'))).toEqual([
      'step exp-1',
      'wait 3000',
      'step exp-1',
      'step exp-1',
      'open http://files/x.xlsx',
    ]);
  });

  it('a failed step keeps the job: 重试 sends the same requestId, which finds it where it stopped', async () => {
    const { value, calls } = server([running(1), running(2), new AppError('NETWORK.TIMEOUT'), running(3), done]);
    const { result } = renderHook(() => useStatsExport(value));
    await act(() => result.current.generate({ fromMonth: '2026-01', toMonth: '2026-11' }));
    expect(result.current.step).toEqual({
      kind: 'error',
      message: '网络不稳定，导出暂停了。已完成的部分已保存，请点“重试”继续',
      progress: progress(2),
      canRetry: true,
    });
    await act(() => result.current.retry());
    expect(result.current.step).toEqual({ kind: 'done', result: file, opened: true });
    const starts = calls.filter((c) => c.startsWith('start'));
    expect(starts).toHaveLength(2);
    expect(requestIdOf(starts[1]!)).toBe(requestIdOf(starts[0]!));
  });

  it('a new export after one finished is a new job (a new requestId)', async () => {
    const { value, calls } = server([done, done]);
    const { result } = renderHook(() => useStatsExport(value));
    await act(() => result.current.generate({ fromMonth: '2026-11', toMonth: '2026-11' }));
    await act(() => result.current.generate({ fromMonth: '2026-11', toMonth: '2026-11' }));
    const starts = calls.filter((c) => c.startsWith('start'));
    expect(requestIdOf(starts[1]!)).not.toBe(requestIdOf(starts[0]!));
  });

  it('keeps the generated file when only opening it failed, so the person can try again', async () => {
    const { value } = server([done]);
    value.open = async () => {
      throw new Error('openDocument:fail');
    };
    const { result } = renderHook(() => useStatsExport(value));
    await act(() => result.current.generate({ fromMonth: '2026-11', toMonth: '2026-11' }));
    expect(result.current.step).toEqual({ kind: 'done', result: file, opened: false });
  });

  it('refuses a range that ends before it starts without calling the server (nothing to retry)', async () => {
    const { value, calls } = server([]);
    const { result } = renderHook(() => useStatsExport(value));
    await act(() => result.current.generate({ fromMonth: '2026-11', toMonth: '2026-10' }));
    expect(result.current.step).toEqual({ kind: 'error', message: '起始月份不能晚于结束月份', progress: null, canRetry: false });
    expect(calls).toEqual([]);
  });

  it('says other errors in the server’s words', async () => {
    const { value } = server([new AppError('AUTH.FORBIDDEN', '只能导出您管理范围内的组织')]);
    const { result } = renderHook(() => useStatsExport(value));
    await act(() => result.current.generate({ fromMonth: '2026-01', toMonth: '2026-11' }));
    expect(result.current.step).toEqual({ kind: 'error', message: '导出失败：只能导出您管理范围内的组织', progress: null, canRetry: true });
  });
});
