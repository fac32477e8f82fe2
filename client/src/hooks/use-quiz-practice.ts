import { useCallback, useState } from 'react';
import type { QuizPracticeCard } from '@zbxx/contracts';
import { toAppError, type AppError } from '../services/app-error';
import { quizService } from '../services/quiz';
import { useAsync } from './use-async';

export type PracticeRating = 'again' | 'hard' | 'good' | 'easy';

/** 错题本: today's queue, one card at a time: answer, see the key, say how well it was remembered. */
export function useQuizPractice() {
  const { state, reload } = useAsync(() => quizService.practiceQueue(), []);
  const [done, setDone] = useState<string[]>([]);
  const [rateError, setRateError] = useState<AppError | null>(null);
  const cards: QuizPracticeCard[] = state.kind === 'ready' ? state.data.cards.filter((card) => !done.includes(card.questionId)) : [];
  const rate = useCallback(async (questionId: string, rating: PracticeRating) => {
    try {
      setRateError(null);
      await quizService.practiceRate(questionId, rating);
      setDone((list) => [...list, questionId]);
    } catch (error) {
      setRateError(toAppError(error));
    }
  }, []);
  return { state, reload, current: cards[0] ?? null, remaining: cards.length, practised: done.length, rate, rateError };
}
