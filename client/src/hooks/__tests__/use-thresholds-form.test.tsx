import { act, renderHook, waitFor } from '@testing-library/react';
import type { ActionOutput, statsContract } from '@zbxx/contracts';
import { AppError } from '../../services/app-error';
import { useThresholdsForm } from '../use-thresholds-form';

type Settings = ActionOutput<typeof statsContract, 'thresholds'>;

const inherited: Settings = {
  node: { id: 'town-1', name: '城关镇党委', type: 'committee' },
  thresholds: { study: 80, quizParticipation: 80, quizPass: 80, partyDay: 80, completion: 80 },
  source: 'default',
  reminderDays: [5, 15],
};

function service(fail = false) {
  const saved: unknown[] = [];
  return {
    saved,
    value: {
      thresholds: async () => inherited,
      saveThresholds: async (input: { nodeId: string; thresholds: Settings['thresholds']; reminderDays: number[] }) => {
        saved.push(input);
        if (fail) throw new AppError('AUTH.FORBIDDEN', '只能设置您管理范围内的组织');
        return { ...inherited, ...input, node: inherited.node, source: 'node' as const };
      },
    },
  };
}

describe('useThresholdsForm (达标线与自动催学)', () => {
  it('loads what applies, saves the edited values for the loaded node', async () => {
    const { value, saved } = service();
    const { result } = renderHook(() => useThresholdsForm(undefined, value));
    await waitFor(() => expect(result.current.form?.reminderDays).toBe('5, 15'));
    act(() => result.current.setThreshold('partyDay', '90'));
    act(() => result.current.setReminderDays('10'));
    await act(() => result.current.submit());
    expect(saved).toEqual([{ nodeId: 'town-1', thresholds: { ...inherited.thresholds, partyDay: 90 }, reminderDays: [10] }]);
    expect(result.current.save).toEqual({ kind: 'saved' });
    expect(result.current.settings?.source).toBe('node');
  });

  it('does not call the server with an invalid form, and shows the server’s refusal', async () => {
    const { value, saved } = service(true);
    const { result } = renderHook(() => useThresholdsForm('town-1', value));
    await waitFor(() => expect(result.current.form).not.toBeNull());
    act(() => result.current.setThreshold('study', 'abc'));
    await act(() => result.current.submit());
    expect(result.current.save).toEqual({ kind: 'invalid', message: '学习完成率的达标线请填写 0 到 100 之间的整数' });
    expect(saved).toEqual([]);

    act(() => result.current.setThreshold('study', '70'));
    await act(() => result.current.submit());
    expect(result.current.save).toEqual({ kind: 'invalid', message: '只能设置您管理范围内的组织' });
  });
});
