import { act, renderHook } from '@testing-library/react';
import type { ImportPreview, RosterFile } from '@zbxx/contracts';
import { AppError } from '../../services/app-error';
import { useRosterImport, type RosterImportDeps } from '../use-roster-import';

const preview: ImportPreview = {
  importId: 'imp-abc',
  totalRows: 2,
  addCount: 2,
  updateCount: 0,
  unchangedCount: 0,
  errorCount: 0,
  toAdd: [],
  toUpdate: [],
  errors: [],
  warnings: [],
  canCommit: true,
};

function deps(overrides: Partial<RosterImportDeps['service']> = {}, file: RosterFile | null = { fileName: 'a.xlsx', base64: 'AAAA' }) {
  const calls: string[] = [];
  const value: RosterImportDeps = {
    pick: async () => file,
    open: async (url) => {
      calls.push(`open ${url}`);
    },
    service: {
      importPreview: async () => {
        calls.push('preview');
        return preview;
      },
      importCommit: async (importId) => {
        calls.push(`commit ${importId}`);
        return { importId, added: 2, updated: 0 };
      },
      rosterTemplate: async () => ({ fileID: 'cloud://t', url: 'http://files/t.xlsx', fileName: '模板.xlsx' }),
      ...overrides,
    },
  };
  return { value, calls };
}

describe('useRosterImport', () => {
  it('previews the picked file and commits exactly that import', async () => {
    const { value, calls } = deps();
    const { result } = renderHook(() => useRosterImport(value));
    await act(() => result.current.pick());
    expect(result.current.step).toEqual({ kind: 'preview', preview });
    await act(() => result.current.commit(preview));
    expect(result.current.step).toEqual({ kind: 'done', added: 2, updated: 0 });
    expect(calls).toEqual(['preview', 'commit imp-abc']);
  });

  it('does nothing when the person cancels the file picker', async () => {
    const { value, calls } = deps({}, null);
    const { result } = renderHook(() => useRosterImport(value));
    await act(() => result.current.pick());
    expect(result.current.step).toEqual({ kind: 'idle' });
    expect(calls).toEqual([]);
  });

  it('keeps the preview after a failed commit, so 重试 commits the same import', async () => {
    let fail = true;
    const { value, calls } = deps({
      importCommit: async (importId) => {
        calls.push(`commit ${importId}`);
        if (fail) throw new AppError('NETWORK.TIMEOUT');
        return { importId, added: 2, updated: 0 };
      },
    });
    const { result } = renderHook(() => useRosterImport(value));
    await act(() => result.current.pick());
    await act(() => result.current.commit(preview));
    expect(result.current.step).toMatchObject({ kind: 'error', preview, error: { code: 'NETWORK.TIMEOUT' } });
    fail = false;
    await act(() => result.current.commit(preview));
    expect(result.current.step).toEqual({ kind: 'done', added: 2, updated: 0 });
    expect(calls).toEqual(['preview', 'commit imp-abc', 'commit imp-abc']);
  });

  it('shows a refused file as an error, and opens the template link', async () => {
    const { value, calls } = deps({
      importPreview: async () => {
        throw new AppError('IMPORT.BAD_FILE', '没有找到花名册表头');
      },
    });
    const { result } = renderHook(() => useRosterImport(value));
    await act(() => result.current.pick());
    expect(result.current.step).toMatchObject({ kind: 'error', error: { message: '没有找到花名册表头' } });
    await act(() => result.current.downloadTemplate());
    expect(calls).toEqual(['open http://files/t.xlsx']);
  });
});
