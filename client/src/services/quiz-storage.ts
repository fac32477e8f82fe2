import Taro from '@tarojs/taro';
import type { AnswerMap } from '../lib/quiz-answers';

/**
 * What an attempt keeps on the phone until it is submitted: answers not yet acknowledged by the server and how
 * often the page was left. A killed app or a dropped connection loses nothing: the next start merges them.
 */
export interface StoredAttempt {
  unsent: AnswerMap;
  hiddenCount: number;
}

const KEY = (attemptId: string) => `quiz:attempt:${attemptId}`;

export const quizStorage = {
  load(attemptId: string): StoredAttempt {
    try {
      const value = Taro.getStorageSync(KEY(attemptId)) as StoredAttempt | '' | undefined;
      return value ? value : { unsent: {}, hiddenCount: 0 };
    } catch {
      return { unsent: {}, hiddenCount: 0 };
    }
  },
  save(attemptId: string, stored: StoredAttempt): void {
    try {
      Taro.setStorageSync(KEY(attemptId), stored);
    } catch {
      // Storage full: answers still go to the server as the member taps.
    }
  },
  clear(attemptId: string): void {
    try {
      Taro.removeStorageSync(KEY(attemptId));
    } catch {
      // Nothing to clear.
    }
  },
};
