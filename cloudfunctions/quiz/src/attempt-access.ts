import { needsClosing } from '@zbxx/domain';
import { AppError, quizAttemptsRepo, type Db, type MemberDoc, type QuizAttemptDoc } from '@zbxx/server';
import { finishedFields } from './attempt-view';

/** The caller's own attempt; someone else's is NOT_FOUND, exactly like one that does not exist. */
export async function loadOwnAttempt(db: Db, member: MemberDoc, attemptId: string): Promise<QuizAttemptDoc> {
  const attempt = await quizAttemptsRepo.getAttempt(db, attemptId);
  if (!attempt || attempt.memberId !== member._id) throw new AppError('NOT_FOUND', '未找到这次答题');
  return attempt;
}

/**
 * An unfinished attempt past deadline + grace is closed with what was saved and scored, finished at its
 * deadline. Whoever closes it first wins; the others read the stored result. Costs requests only when needed.
 */
export async function closeIfExpired(db: Db, attempt: QuizAttemptDoc, now: Date): Promise<QuizAttemptDoc> {
  if (
    !needsClosing({ attemptId: attempt._id, startedAt: attempt.startedAt, deadline: attempt.deadline, finishedAt: attempt.finishedAt }, now)
  ) {
    return attempt;
  }
  const fields = finishedFields(attempt, attempt.answers ?? {}, attempt.firstAnsweredAt ?? {}, {
    at: attempt.deadline,
    closedByDeadline: true,
    pageHiddenCount: attempt.pageHiddenCount,
    now,
  });
  if (await quizAttemptsRepo.finishAttempt(db, attempt._id, fields)) return { ...attempt, ...fields };
  return (await quizAttemptsRepo.getAttempt(db, attempt._id)) ?? attempt;
}
