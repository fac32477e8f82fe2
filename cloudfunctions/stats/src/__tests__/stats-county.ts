import { DEMO_ROUND_ID, generateCounty, seededRandom, type CountyOptions } from '@zbxx/demo-data';
import { monthBounds, monthOf, monthsEndingWith } from '@zbxx/domain';
import type { QuizAttemptDoc } from '@zbxx/server';
import type { RawCollections } from './independent-month';

/**
 * A demo county with the statistics edge cases and quiz attempts (the demo has none): about 60 % of members
 * finished this month's round, 70 % last month's, some twice (graded best), some left an attempt unfinished.
 */
export function statsCounty(options: CountyOptions & { today: Date }): RawCollections {
  const month = monthOf(options.today);
  const [previous] = monthsEndingWith(month, 2) as [string, string];
  const county = generateCounty({ studyMonth: month, statsEdgeCases: true, ...options }).collections;
  const random = seededRandom((options.seed ?? 1) ^ 0x9a17);
  const quizAttempts: QuizAttemptDoc[] = [];
  const attempt = (
    memberId: string,
    branchId: string,
    roundMonth: string,
    n: number,
    score: number | null,
    finishedAt: Date | null,
  ): QuizAttemptDoc =>
    ({
      _id: `${DEMO_ROUND_ID(roundMonth)}_${memberId}_${n}`,
      roundId: DEMO_ROUND_ID(roundMonth),
      roundTitle: '答题',
      memberId,
      branchId,
      attemptNumber: n,
      seed: 1,
      startedAt: finishedAt ?? monthBounds(roundMonth).start,
      deadline: monthBounds(roundMonth).end,
      rules: {},
      items: [],
      answers: {},
      firstAnsweredAt: {},
      pageHiddenCount: 0,
      finishedAt,
      closedByDeadline: false,
      score,
      maxScore: 100,
      correctCount: null,
      passed: score === null ? null : score >= 60,
      outcomes: null,
      updatedAt: finishedAt ?? monthBounds(roundMonth).start,
    }) as unknown as QuizAttemptDoc;
  for (const member of county.members) {
    for (const [roundMonth, share] of [
      [month, 0.6],
      [previous, 0.7],
    ] as const) {
      const { start } = monthBounds(roundMonth);
      const at = (hours: number) => new Date(Math.min(start.getTime() + hours * 3_600_000, options.today.getTime() - 60_000));
      const roll = random();
      if (roll < share) {
        const first = 40 + 5 * Math.floor(random() * 13);
        quizAttempts.push(attempt(member._id, member.branchId, roundMonth, 1, first, at(2 + random() * 48)));
        if (random() < 0.25)
          quizAttempts.push(
            attempt(member._id, member.branchId, roundMonth, 2, 40 + 5 * Math.floor(random() * 13), at(60 + random() * 24)),
          );
      } else if (roll < share + 0.1) {
        quizAttempts.push(attempt(member._id, member.branchId, roundMonth, 1, null, null));
      }
    }
  }
  return { ...county, quizAttempts };
}
