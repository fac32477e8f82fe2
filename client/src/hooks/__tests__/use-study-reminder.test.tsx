import { act, renderHook, waitFor } from '@testing-library/react';
import { STUDY_REMINDER_TEMPLATE_ID } from '@zbxx/contracts';
import { useStudyReminder, type StudyReminderDeps } from '../use-study-reminder';

function deps(accepted: boolean) {
  const subscribed: unknown[] = [];
  let credits = 1;
  const value: StudyReminderDeps = {
    subscription: async () => ({ credits }),
    subscribe: async (results, requestId) => {
      subscribed.push({ results, requestId });
      if (results[STUDY_REMINDER_TEMPLATE_ID] === 'accept') credits += 1;
      return { credits };
    },
    askConsent: async () => accepted,
    newId: () => 'req-consent-1',
  };
  return { value, subscribed };
}

describe('useStudyReminder (开启学习提醒)', () => {
  it('shows the remaining credits and adds one per accepted consent', async () => {
    const { value, subscribed } = deps(true);
    const { result } = renderHook(() => useStudyReminder(value));
    await waitFor(() => expect(result.current.credits).toBe(1));
    await act(() => result.current.enable());
    expect(result.current.credits).toBe(2);
    expect(result.current.message).toContain('已开启');
    expect(subscribed).toEqual([{ results: { [STUDY_REMINDER_TEMPLATE_ID]: 'accept' }, requestId: 'req-consent-1' }]);
  });

  it('reports a refusal to the server and tells the member nothing was enabled', async () => {
    const { value, subscribed } = deps(false);
    const { result } = renderHook(() => useStudyReminder(value));
    await waitFor(() => expect(result.current.credits).toBe(1));
    await act(() => result.current.enable());
    expect(result.current.credits).toBe(1);
    expect(result.current.message).toBe('您没有允许接收提醒，未开启');
    expect(subscribed).toEqual([{ results: { [STUDY_REMINDER_TEMPLATE_ID]: 'reject' }, requestId: 'req-consent-1' }]);
  });
});
