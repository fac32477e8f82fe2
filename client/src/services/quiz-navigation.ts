import Taro from '@tarojs/taro';

/** Quiz pages outside the tab bar (they take a parameter, so they are not in ROUTES). */
export const QUIZ_ROUTES = {
  play: '/subpackages/quiz/play',
  review: '/subpackages/quiz/review',
  practice: '/subpackages/quiz/practice',
  leaderboard: '/subpackages/quiz/leaderboard',
} as const;

export function openQuizLeaderboard(roundId: string): void {
  void Taro.navigateTo({ url: `${QUIZ_ROUTES.leaderboard}?round=${encodeURIComponent(roundId)}` });
}

export function openQuizPractice(): void {
  void Taro.navigateTo({ url: QUIZ_ROUTES.practice });
}

export function openQuizPlay(roundId: string): void {
  void Taro.navigateTo({ url: `${QUIZ_ROUTES.play}?round=${encodeURIComponent(roundId)}` });
}

export function openQuizReview(attemptId: string, replace = false): void {
  const url = `${QUIZ_ROUTES.review}?attempt=${encodeURIComponent(attemptId)}`;
  void (replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }));
}
