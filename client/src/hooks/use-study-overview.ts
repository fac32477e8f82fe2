import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { flushReports } from '../services/progress-queue';
import { studyService } from '../services/study';
import { useAsync } from './use-async';

/** The 学习 tab: a month's plans with statuses; refreshed (after sending queued progress) whenever shown again. */
export function useStudyOverview() {
  const [month, setMonth] = useState<string | undefined>(undefined);
  const { state, reload } = useAsync(async () => {
    await flushReports();
    return studyService.overview(month);
  }, [month]);
  useDidShow(() => {
    if (state.kind === 'ready') reload();
  });
  return { state, reload, month, setMonth };
}
