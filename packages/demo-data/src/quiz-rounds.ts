import type { OrgDoc, QuizQuestionDoc, QuizRoundDoc } from '@zbxx/server';
import { stemKeyOf } from '@zbxx/server/src/repositories/quiz-questions';
import { parseDemoBank } from './quiz-bank';
import { monthBefore } from './study-plans';

export interface DemoQuizCollections {
  quizQuestions: QuizQuestionDoc[];
  quizRounds: QuizRoundDoc[];
}

export interface DemoQuizOptions {
  orgs: readonly OrgDoc[];
  currentMonth: string;
}

/** The first instant of a month in Asia/Shanghai. */
function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+08:00`);
}

function nextMonth(month: string): string {
  return monthBefore(month, -1);
}

export const DEMO_ROUND_ID = (month: string) => `round-demo-${month}`;

/**
 * 党内法规答题 of the demo county: the county's bank (163 questions: 151 in the 7 categories the rounds draw from, and 12 in 党史, drawn by no round: the make-up (补学) quiz draws from it) and two rounds published
 * to the whole county: this month's, open all month so the demo can be played any day, and last month's,
 * closed, whose keys may be reviewed.
 */
export function generateQuiz({ orgs, currentMonth }: DemoQuizOptions): DemoQuizCollections {
  const county = orgs.find((org) => org.type === 'county');
  if (!county) throw new Error('generateQuiz: the county is needed');
  const createdAt = monthStart(monthBefore(currentMonth, 2));
  const quizQuestions: QuizQuestionDoc[] = parseDemoBank().map(({ id, ...question }) => ({
    _id: id,
    ...question,
    bankOrgId: county._id,
    stemKey: stemKeyOf(question.stem),
    active: true,
    createdAt,
    updatedAt: createdAt,
  }));
  const round = (month: string, title: string): QuizRoundDoc => ({
    _id: DEMO_ROUND_ID(month),
    title,
    month,
    orgId: county._id,
    orgName: county.name,
    orgPath: [county._id],
    opensAt: monthStart(month),
    closesAt: monthStart(nextMonth(month)),
    quota: [
      { category: '党章', count: 4 },
      { category: '纪律处分条例', count: 4 },
      { category: '支部工作条例', count: 4 },
      { category: '发展党员', count: 2 },
      { category: '廉洁自律', count: 2 },
      { category: '党员教育管理', count: 2 },
      { category: '问责与监督', count: 2 },
    ],
    pointsPerQuestion: 5,
    timeLimitSeconds: 20 * 60,
    attemptsAllowed: 3,
    grading: 'best',
    passMark: 60,
    multipleChoice: 'partial',
    review: { ownAnswers: 'afterSubmit', correctAnswers: 'afterSubmit', explanations: 'afterSubmit' },
    status: 'published',
    createdBy: 'demo-admin',
    createdAt,
    updatedAt: createdAt,
  });
  const [year, mon] = currentMonth.split('-').map(Number) as [number, number];
  const previous = monthBefore(currentMonth, 1);
  const [prevYear, prevMon] = previous.split('-').map(Number) as [number, number];
  return {
    quizQuestions,
    quizRounds: [round(currentMonth, `${year}年${mon}月党内法规知识答题`), round(previous, `${prevYear}年${prevMon}月党内法规知识答题`)],
  };
}
