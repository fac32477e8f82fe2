import { testClockNow } from '@zbxx/testing';

/** Valid inputs of the admins' create actions, shared by the fault tests (each test picks its own titles). */
const HOUR = 3_600_000;

/** A 答题活动 (times relative to the test clock) open since an hour ago for three days: three 党章 questions, two attempts, best counts. */
export const quizRoundInput = (orgId: string, title: string, month: string) => ({
  orgId,
  title,
  month,
  opensAt: new Date(testClockNow().getTime() - HOUR).toISOString(),
  closesAt: new Date(testClockNow().getTime() + 72 * HOUR).toISOString(),
  quota: [{ category: '党章', count: 3 }],
  timeLimitSeconds: 900,
  attemptsAllowed: 2,
  grading: 'best' as const,
  passMark: 60,
  multipleChoice: 'partial' as const,
  review: { ownAnswers: 'afterSubmit' as const, correctAnswers: 'afterRoundCloses' as const, explanations: 'afterRoundCloses' as const },
});
