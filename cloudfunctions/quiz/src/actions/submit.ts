import type { quizContract } from '@zbxx/contracts';
import { acceptsAnswers } from '@zbxx/domain';
import { AppError, quizAttemptsRepo, requireBound, type FunctionHandler } from '@zbxx/server';
import { canonicalAnswers, newFirstAnswers } from '../answer-labels';
import { loadOwnAttempt } from '../attempt-access';
import { finishedFields, toAttemptResult } from '../attempt-view';

/**
 * Finishes and scores on the server (3 database requests: caller, attempt, conditional update). Idempotent:
 * a finished attempt answers its stored result (2 requests); of two concurrent submits the conditional update
 * lets one finish it and the other reads what it stored. Past deadline + grace, answers sent now are ignored
 * and the attempt is closed with what was saved, finished at its deadline.
 */
export const submit: FunctionHandler<typeof quizContract, 'submit'> = async (
  { attemptId, answers, pageHiddenCount },
  { caller, db, now },
) => {
  const { member } = requireBound(caller);
  const attempt = await loadOwnAttempt(db, member, attemptId);
  if (attempt.finishedAt) return toAttemptResult(attempt);

  const inTime = acceptsAnswers(attempt.deadline, now);
  const late = inTime && answers ? canonicalAnswers(attempt, answers) : {};
  const fields = finishedFields(
    attempt,
    { ...attempt.answers, ...late },
    { ...attempt.firstAnsweredAt, ...newFirstAnswers(attempt, late, now) },
    {
      at: inTime ? now : attempt.deadline,
      closedByDeadline: !inTime,
      pageHiddenCount: Math.max(attempt.pageHiddenCount, pageHiddenCount),
      now,
    },
  );
  if (await quizAttemptsRepo.finishAttempt(db, attempt._id, fields)) return toAttemptResult({ ...attempt, ...fields });
  const stored = await quizAttemptsRepo.getAttempt(db, attempt._id);
  if (!stored?.finishedAt) throw new AppError('CONFLICT');
  return toAttemptResult(stored);
};
