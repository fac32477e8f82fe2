import type { MemberRound, quizContract } from '@zbxx/contracts';
import { acceptsAnswers, gradeAttempts, roundFullScore, roundWindowState } from '@zbxx/domain';
import { quizAttemptsRepo, quizRoundsRepo, requireBound, type FunctionHandler, type QuizAttemptDoc, type QuizRoundDoc } from '@zbxx/server';
import { closeIfExpired } from '../attempt-access';

/**
 * 答题 tab: every published round reaching the member, newest first, with attempts used and the grade that
 * counts. 3 database requests (caller, rounds, the member's attempt summaries); an attempt left open past its
 * deadline is closed on the way (2 more each, once).
 */
export const rounds: FunctionHandler<typeof quizContract, 'rounds'> = async (_input, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const list = await quizRoundsRepo.findPublishedRoundsForPath(db, member.orgPath);
  const summaries = await quizAttemptsRepo.findMemberAttemptSummaries(
    db,
    member._id,
    list.map((round) => round._id),
  );
  const attempts = await Promise.all(
    summaries.map(async (summary) => {
      if (summary.finishedAt || acceptsAnswers(summary.deadline, now)) return summary;
      const full = await quizAttemptsRepo.getAttempt(db, summary._id);
      return full ? closeIfExpired(db, full, now) : summary;
    }),
  );
  return {
    rounds: list.map((round) =>
      memberRound(
        round,
        attempts.filter((a) => a.roundId === round._id),
        now,
      ),
    ),
  };
};

function memberRound(round: QuizRoundDoc, attempts: readonly QuizAttemptDoc[], now: Date): MemberRound {
  const finished = attempts.filter((a) => a.finishedAt).sort((a, b) => b.attemptNumber - a.attemptNumber);
  const grade = gradeAttempts(
    finished.map((a) => ({ attemptId: a._id, score: a.score ?? 0, finishedAt: a.finishedAt as Date })),
    round.grading,
    round.passMark,
  );
  const open = attempts.find((a) => !a.finishedAt);
  const questionCount = round.quota.reduce((sum, entry) => sum + entry.count, 0);
  return {
    roundId: round._id,
    title: round.title,
    month: round.month,
    orgName: round.orgName,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    window: roundWindowState({ opensAt: round.opensAt, closesAt: round.closesAt }, now),
    questionCount,
    maxScore: roundFullScore(questionCount, round.pointsPerQuestion),
    passMark: round.passMark,
    timeLimitSeconds: round.timeLimitSeconds,
    attemptsAllowed: round.attemptsAllowed,
    attemptsUsed: attempts.length,
    grading: round.grading,
    openAttemptId: open?._id ?? null,
    grade: grade ? { attemptId: grade.attemptId, score: grade.score, passed: grade.passed } : null,
    attempts: finished.map((a) => ({
      attemptId: a._id,
      attemptNumber: a.attemptNumber,
      score: a.score ?? 0,
      passed: a.passed ?? false,
      finishedAt: (a.finishedAt as Date).toISOString(),
    })),
  };
}
