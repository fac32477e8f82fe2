import { act, renderHook } from '@testing-library/react';
import type { AdminPlan } from '@zbxx/contracts';
import { AppError } from '../../services/app-error';
import { studyService } from '../../services/study';
import { usePlanForm } from '../use-plan-form';
import { COUNTY_ADMIN_ME } from '../../../test/me-fixtures';

jest.mock('../../services/study', () => ({ studyService: { savePlan: jest.fn() } }));
const savePlan = studyService.savePlan as jest.Mock;

const me = COUNTY_ADMIN_ME;

describe('usePlanForm', () => {
  beforeEach(() => savePlan.mockReset().mockResolvedValue({}));

  it('cycles a material 必学 → 选学 → 不选', () => {
    const { result } = renderHook(() => usePlanForm(me, jest.fn()));
    act(() => result.current.cycle('mat-1'));
    expect(result.current.roleOf('mat-1')).toBe('required');
    act(() => result.current.cycle('mat-1'));
    expect(result.current.roleOf('mat-1')).toBe('optional');
    expect(result.current.fields.required).toEqual([]);
    act(() => result.current.cycle('mat-1'));
    expect(result.current.roleOf('mat-1')).toBe('none');
    expect(result.current.fields.optional).toEqual([]);
  });

  it('saves required and optional materials, and edits a listed plan under its id', async () => {
    const onSaved = jest.fn();
    const plan: AdminPlan = {
      planId: 'plan-1',
      month: '2026-10',
      org: { id: 'county', name: '清河县委组织部', type: 'county' },
      theme: '学习支部工作条例',
      dueDate: '2026-10-25',
      requiredMaterialIds: ['mat-1'],
      optionalMaterialIds: [],
      status: 'draft',
    };
    const { result } = renderHook(() => usePlanForm(me, onSaved));
    act(() => result.current.load(plan));
    expect(result.current.editing).toBe(true);
    act(() => result.current.cycle('mat-2'));
    act(() => result.current.cycle('mat-2'));
    await act(() => result.current.save('published'));

    expect(savePlan).toHaveBeenCalledWith(
      {
        planId: 'plan-1',
        orgId: 'county',
        month: '2026-10',
        theme: '学习支部工作条例',
        dueDate: '2026-10-25',
        requiredMaterialIds: ['mat-1'],
        optionalMaterialIds: ['mat-2'],
        status: 'published',
      },
      expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    );
    expect(onSaved).toHaveBeenCalled();
    expect(result.current.editing).toBe(false);
  });

  it('keeps the form and shows the server’s message when saving fails', async () => {
    savePlan.mockRejectedValue(new AppError('AUTH.FORBIDDEN', '没有权限进行此操作'));
    const { result } = renderHook(() => usePlanForm(me, jest.fn()));
    act(() => result.current.change({ theme: '主题' }));
    act(() => result.current.cycle('mat-1'));
    await act(() => result.current.save('draft'));
    expect(result.current.error?.message).toBe('没有权限进行此操作');
    expect(result.current.fields.theme).toBe('主题');
  });

  it('sends 重试 after a network failure with the same requestId, and the next new plan with a new one', async () => {
    savePlan.mockRejectedValueOnce(new AppError('NETWORK.TIMEOUT'));
    const { result } = renderHook(() => usePlanForm(me, jest.fn()));
    const fill = () => {
      act(() => result.current.change({ theme: '主题' }));
      act(() => result.current.cycle('mat-1'));
    };
    fill();
    await act(() => result.current.save('published'));
    expect(result.current.error?.retryable).toBe(true);
    await act(() => result.current.save('published'));
    fill();
    await act(() => result.current.save('published'));

    const [lost, retried, next] = savePlan.mock.calls.map((call: unknown[]) => call[1]);
    expect(retried).toBe(lost);
    expect(next).not.toBe(lost);
    expect(savePlan.mock.calls[2]![0]).toEqual(savePlan.mock.calls[0]![0]);
  });
});
