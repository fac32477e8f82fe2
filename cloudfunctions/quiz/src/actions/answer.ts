import type { quizContract } from '@zbxx/contracts';
import { acceptsAnswers } from '@zbxx/domain';
import { AppError, quizAttemptsRepo, requireBound, type FunctionHandler } from '@zbxx/server';
import { canonicalAnswers, newFirstAnswers } from '../answer-labels';
import { loadOwnAttempt } from '../attempt-access';

/** Autosave (3 database requests: caller, attempt, conditional update). Refused once the attempt is over. */
export const answer: FunctionHandler<typeof quizContract, 'answer'> = async ({ attemptId, answers }, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const attempt = await loadOwnAttempt(db, member, attemptId);
  if (attempt.finishedAt || !acceptsAnswers(attempt.deadline, now)) throw new AppError('QUIZ.ATTEMPT_FINISHED');
  const canonical = canonicalAnswers(attempt, answers);
  const saved = await quizAttemptsRepo.saveAnswers(
    db,
    attempt._id,
    { answers: canonical, firstAnsweredAt: newFirstAnswers(attempt, canonical, now) },
    now,
  );
  if (!saved) throw new AppError('QUIZ.ATTEMPT_FINISHED');
  return { saved: Object.keys(canonical).length, deadline: attempt.deadline.toISOString(), serverNow: now.toISOString() };
};
