import { useDidShow } from '@tarojs/taro';
import { quizService } from '../services/quiz';
import { useAsync } from './use-async';

/** 答题 tab: the rounds, refreshed whenever the tab is shown again (after an attempt). */
export function useQuizRounds() {
  const result = useAsync(() => quizService.rounds(), []);
  useDidShow(() => {
    if (result.state.kind === 'ready') result.reload();
  });
  return result;
}

/** Result and review of one finished attempt. */
export function useQuizReview(attemptId: string) {
  return useAsync(() => quizService.review(attemptId), [attemptId]);
}
