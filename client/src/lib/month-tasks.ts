import { ROUTES, type Route } from './routes';

export interface MonthTask {
  key: 'study' | 'quiz' | 'party-day';
  title: string;
  description: string;
  route: Route;
  /** False until the feature's issue lands; the card then says 即将上线. */
  available: boolean;
}

/** A member's month is complete when all three are done (DESIGN.md, the monthly cycle). */
export const MONTH_TASKS: readonly MonthTask[] = [
  {
    key: 'study',
    title: '每月一学',
    description: '阅读本月学习材料，读到哪里自动记住',
    route: ROUTES.study,
    available: false,
  },
  {
    key: 'quiz',
    title: '党规答题',
    description: '完成本月党内法规答题，达到合格分',
    route: ROUTES.quiz,
    available: false,
  },
  {
    key: 'party-day',
    title: '主题党日',
    description: '参加本月主题党日活动，现场扫码签到',
    route: ROUTES.partyDay,
    available: false,
  },
];
