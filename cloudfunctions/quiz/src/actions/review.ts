import type { QuizReviewItem, quizContract } from '@zbxx/contracts';
import { displayLabel, reviewVisibility, toDisplayLabels } from '@zbxx/domain';
import { AppError, quizAttemptsRepo, requireBound, type FunctionHandler } from '@zbxx/server';
import { closeIfExpired, loadOwnAttempt } from '../attempt-access';
import { shuffleOf, toAttemptResult } from '../attempt-view';

/**
 * A finished attempt, showing only what the round's review policy allows now (3 database requests: caller,
 * attempt, the member's attempts in the round for the attempts left). Keys and explanations are added field by
 * field when visible, never sent and hidden on the phone.
 */
export const review: FunctionHandler<typeof quizContract, 'review'> = async ({ attemptId }, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const attempt = await closeIfExpired(db, await loadOwnAttempt(db, member, attemptId), now);
  if (!attempt.finishedAt || !attempt.outcomes) throw new AppError('AUTH.FORBIDDEN', '交卷后才能查看答题情况');
  const started = await quizAttemptsRepo.findMemberAttemptSummaries(db, member._id, [attempt.roundId]);
  const visibility = reviewVisibility(attempt.rules.review, {
    now,
    roundClosesAt: attempt.rules.roundClosesAt,
    attemptFinished: true,
    attemptsLeft: attempt.rules.attemptsAllowed - started.length,
  });
  const outcomeById = new Map(attempt.outcomes.map((outcome) => [outcome.questionId, outcome]));
  const items = attempt.items.map((item): QuizReviewItem => {
    const shuffle = shuffleOf(item);
    const textById = new Map(item.options.map((option) => [option.id, option.text]));
    const outcome = outcomeById.get(item.questionId);
    return {
      questionId: item.questionId,
      type: item.type,
      stem: item.stem,
      options: item.order.map((id, position) => ({ id: displayLabel(position), text: textById.get(id) ?? '' })),
      points: item.points,
      ...(visibility.ownAnswers ? { yourAnswer: toDisplayLabels(shuffle, attempt.answers[item.questionId] ?? []) } : {}),
      ...(visibility.correctAnswers && outcome
        ? { correctAnswer: toDisplayLabels(shuffle, item.key), outcome: outcome.outcome, earned: outcome.earned }
        : {}),
      ...(visibility.explanations
        ? { explanation: item.explanation, citation: `${item.citation.regulation}${item.citation.article}` }
        : {}),
    };
  });
  return {
    result: toAttemptResult(attempt),
    title: attempt.roundTitle,
    visibility: { ownAnswers: visibility.ownAnswers, correctAnswers: visibility.correctAnswers, explanations: visibility.explanations },
    notice: reviewNotice(visibility.correctAnswers, attempt.rules.review.correctAnswers),
    items,
  };
};

function reviewNotice(keysShown: boolean, timing: string): string | null {
  if (keysShown || timing === 'never') return keysShown ? null : '本次答题不公布答案';
  return timing === 'afterRoundCloses' ? '答题结束后公布正确答案和解析' : '答题次数用完后公布正确答案和解析';
}
