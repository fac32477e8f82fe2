import { act, renderHook } from '@testing-library/react';
import type { ExportResult } from '@zbxx/contracts';
import { AppError } from '../../services/app-error';
import { useStatsExport, type ExportDeps } from '../use-stats-export';

const file: ExportResult = {
  fileId: 'cloud://exports/x.xlsx',
  url: 'http://files/x.xlsx',
  fileName: '清河县统计_2026-01至2026-11.xlsx',
  bytes: 20480,
  sheets: [{ name: '汇总', rows: 12 }],
};

function deps(overrides: Partial<ExportDeps> = {}) {
  const calls: string[] = [];
  const value: ExportDeps = {
    exportWorkbook: async (input) => {
      calls.push(`export ${input.nodeId ?? '-'} ${input.fromMonth}..${input.toMonth}`);
      return file;
    },
    open: async (url) => {
      calls.push(`open ${url}`);
    },
    ...overrides,
  };
  return { value, calls };
}

describe('useStatsExport', () => {
  it('generates the workbook, then opens (weapp) or downloads (h5) its link', async () => {
    const { value, calls } = deps();
    const { result } = renderHook(() => useStatsExport(value));
    await act(() => result.current.generate({ nodeId: 'county', fromMonth: '2026-01', toMonth: '2026-11' }));
    expect(result.current.step).toEqual({ kind: 'done', result: file, opened: true });
    expect(calls).toEqual(['export county 2026-01..2026-11', 'open http://files/x.xlsx']);
  });

  it('keeps the generated file when only opening it failed, so the person can try again', async () => {
    const { value } = deps({
      open: async () => {
        throw new Error('openDocument:fail');
      },
    });
    const { result } = renderHook(() => useStatsExport(value));
    await act(() => result.current.generate({ fromMonth: '2026-11', toMonth: '2026-11' }));
    expect(result.current.step).toEqual({ kind: 'done', result: file, opened: false });
  });

  it('refuses a range that ends before it starts without calling the server', async () => {
    const { value, calls } = deps();
    const { result } = renderHook(() => useStatsExport(value));
    await act(() => result.current.generate({ fromMonth: '2026-11', toMonth: '2026-10' }));
    expect(result.current.step).toEqual({ kind: 'error', message: '起始月份不能晚于结束月份' });
    expect(calls).toEqual([]);
  });

  it('explains a timeout as a scope too large, and other errors with the server’s words', async () => {
    const slow = deps({
      exportWorkbook: async () => {
        throw new AppError('NETWORK.TIMEOUT');
      },
    });
    const { result } = renderHook(() => useStatsExport(slow.value));
    await act(() => result.current.generate({ fromMonth: '2026-01', toMonth: '2026-11' }));
    expect(result.current.step).toEqual({ kind: 'error', message: '生成时间过长，请缩短月份范围或选择下级组织后重试' });

    const forbidden = deps({
      exportWorkbook: async () => {
        throw new AppError('AUTH.FORBIDDEN', '只能导出您管理范围内的组织');
      },
    });
    const second = renderHook(() => useStatsExport(forbidden.value));
    await act(() => second.result.current.generate({ fromMonth: '2026-01', toMonth: '2026-11' }));
    expect(second.result.current.step).toEqual({ kind: 'error', message: '导出失败：只能导出您管理范围内的组织' });
  });
});
