import type { quizContract } from '@zbxx/contracts';
import { describeFairPlayFlag, gradeAttempts, roundFullScore, roundWindowState } from '@zbxx/domain';
import {
  AppError,
  membersRepo,
  quizAttemptsRepo,
  quizRoundsRepo,
  resolveViewableBranch,
  type FunctionHandler,
  type QuizAttemptDoc,
} from '@zbxx/server';

/**
 * 支部书记: every member of the branch with the grade that counts in a round (the newest reaching the branch
 * unless one is asked for) and the fair-play flags of that attempt. The branch's secretary, or an admin whose
 * subtree holds it. 5 database requests whatever the branch's size.
 */
export const branchResults: FunctionHandler<typeof quizContract, 'branchResults'> = async (input, { caller, db, now }) => {
  const { branch, branchPath } = await resolveViewableBranch(db, caller, input?.branchId, '只能查看本支部的答题情况');

  const rounds = await quizRoundsRepo.findPublishedRoundsForPath(db, branchPath);
  const round = input?.roundId ? rounds.find((r) => r._id === input.roundId) : rounds.find((r) => r.opensAt.getTime() <= now.getTime());
  if (input?.roundId && !round) throw new AppError('NOT_FOUND', '未找到该答题活动');
  const [roster, attempts] = await Promise.all([
    membersRepo.findMembersInBranch(db, branch._id),
    round ? quizAttemptsRepo.findRoundAttemptsInBranch(db, round._id, branch._id) : Promise.resolve([] as QuizAttemptDoc[]),
  ]);
  const byMember = new Map<string, QuizAttemptDoc[]>();
  for (const attempt of attempts) byMember.set(attempt.memberId, [...(byMember.get(attempt.memberId) ?? []), attempt]);

  const members = roster.map((person) => {
    const own = byMember.get(person._id) ?? [];
    const finished = own.filter((a) => a.finishedAt);
    const grade = round
      ? gradeAttempts(
          finished.map((a) => ({ attemptId: a._id, score: a.score ?? 0, finishedAt: a.finishedAt as Date })),
          round.grading,
          round.passMark,
        )
      : null;
    const graded = finished.find((a) => a._id === grade?.attemptId);
    return {
      memberId: person._id,
      name: person.name,
      attemptsUsed: own.length,
      inProgress: own.some((a) => !a.finishedAt),
      grade: grade ? { score: grade.score, passed: grade.passed } : null,
      flags: (graded?.flags ?? []).map(describeFairPlayFlag),
    };
  });
  const maxScore = round
    ? roundFullScore(
        round.quota.reduce((sum, q) => sum + q.count, 0),
        round.pointsPerQuestion,
      )
    : 0;
  return {
    branch: { id: branch._id, name: branch.name },
    rounds: rounds.map((r) => ({ roundId: r._id, title: r.title, month: r.month })),
    round: round
      ? {
          roundId: round._id,
          title: round.title,
          maxScore,
          passMark: round.passMark,
          window: roundWindowState({ opensAt: round.opensAt, closesAt: round.closesAt }, now),
        }
      : null,
    summary: {
      members: roster.length,
      participated: members.filter((m) => m.attemptsUsed > 0).length,
      passed: members.filter((m) => m.grade?.passed).length,
    },
    members,
  };
};
