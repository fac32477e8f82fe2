import { act, renderHook } from '@testing-library/react';
import { AppError } from '../../services/app-error';
import { studyService } from '../../services/study';
import { useMaterialEditor } from '../use-material-editor';

jest.mock('../../services/study', () => ({ studyService: { saveMaterial: jest.fn() } }));
const saveMaterial = studyService.saveMaterial as jest.Mock;

describe('useMaterialEditor', () => {
  beforeEach(() => saveMaterial.mockReset().mockResolvedValue({}));

  it('sends 重试 after a network failure with the same requestId, and the next new material with a new one', async () => {
    saveMaterial.mockRejectedValueOnce(new AppError('NETWORK.UNREACHABLE'));
    const onSaved = jest.fn();
    const { result } = renderHook(() => useMaterialEditor('county', onSaved));
    const write = () => {
      act(() => result.current.startNew());
      act(() => result.current.change({ title: '学习党章', body: '# 党章\n\n第一条' }));
    };
    write();
    await act(() => result.current.save());
    expect(result.current.error?.retryable).toBe(true);
    expect(result.current.draft?.title).toBe('学习党章');
    await act(() => result.current.save());
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(result.current.draft).toBeNull();
    write();
    await act(() => result.current.save());

    const draft = { orgId: 'county', title: '学习党章', source: '', estimatedMinutes: 5, body: '# 党章\n\n第一条' };
    expect(saveMaterial.mock.calls.map((call: unknown[]) => call[0])).toEqual([draft, draft, draft]);
    const [lost, retried, next] = saveMaterial.mock.calls.map((call: unknown[]) => call[1]);
    expect(lost).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(retried).toBe(lost);
    expect(next).not.toBe(lost);
  });
});
