import type { HomeQuiz } from '@zbxx/contracts';
import { formatEventTime } from './party-day-format';

/** 首页 党规答题 card's line: the round and where its window stands (times in Asia/Shanghai). */
export function quizHomeLine(quiz: HomeQuiz | null): string {
  if (!quiz) return '本月暂无答题';
  switch (quiz.window) {
    case 'open':
      return `${quiz.title} · 进行中，${formatEventTime(quiz.closesAt)} 截止`;
    case 'upcoming':
      return `${quiz.title} · ${formatEventTime(quiz.opensAt)} 开始`;
    case 'closed':
      return `${quiz.title} · 已结束`;
  }
}
