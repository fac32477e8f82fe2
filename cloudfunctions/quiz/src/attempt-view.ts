import type { QuizAttemptResult, QuizPlayAttempt } from '@zbxx/contracts';
import { fairPlayFlags, scoreAttempt, toDisplayLabels, toPublicQuestion, type OptionShuffle } from '@zbxx/domain';
import type { QuizAttemptDoc, QuizAttemptItem, quizAttemptsRepo } from '@zbxx/server';

type FinishedFields = quizAttemptsRepo.FinishedFields;

export const shuffleOf = (item: QuizAttemptItem): OptionShuffle => ({ questionId: item.questionId, order: item.order });

/** The paper as the phone may see it before submission: public questions and the saved answers as labels. */
export function toPlayAttempt(attempt: QuizAttemptDoc, now: Date): QuizPlayAttempt {
  const answers: Record<string, string[]> = {};
  for (const item of attempt.items) {
    const saved = attempt.answers[item.questionId];
    if (saved && saved.length > 0) answers[item.questionId] = toDisplayLabels(shuffleOf(item), saved);
  }
  return {
    attemptId: attempt._id,
    roundId: attempt.roundId,
    title: attempt.roundTitle,
    attemptNumber: attempt.attemptNumber,
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline.toISOString(),
    serverNow: now.toISOString(),
    questions: attempt.items.map((item) =>
      toPublicQuestion({ id: item.questionId, type: item.type, stem: item.stem, options: item.options }, shuffleOf(item), item.points),
    ),
    answers,
  };
}

/** Scores the paper against its snapshotted keys: the fields that finish an attempt. */
export function finishedFields(
  attempt: QuizAttemptDoc,
  answers: QuizAttemptDoc['answers'],
  firstAnsweredAt: QuizAttemptDoc['firstAnsweredAt'],
  finish: { at: Date; closedByDeadline: boolean; pageHiddenCount: number; now: Date },
): FinishedFields {
  const scored = scoreAttempt(
    attempt.items.map((item) => ({ questionId: item.questionId, type: item.type, key: item.key, points: item.points })),
    answers,
    { multipleChoice: attempt.rules.multipleChoice, passMark: attempt.rules.passMark },
  );
  return {
    answers,
    firstAnsweredAt,
    pageHiddenCount: finish.pageHiddenCount,
    finishedAt: finish.at,
    closedByDeadline: finish.closedByDeadline,
    score: scored.score,
    correctCount: scored.correctCount,
    passed: scored.passed,
    outcomes: scored.items,
    flags: fairPlayFlags({
      startedAt: attempt.startedAt,
      finishedAt: finish.at,
      questions: attempt.items.map((item) => ({ id: item.questionId, stem: item.stem, options: item.options })),
      answerEvents: Object.entries(firstAnsweredAt).map(([questionId, at]) => ({ questionId, at: new Date(at) })),
      pageHiddenCount: finish.pageHiddenCount,
    }),
    updatedAt: finish.now,
  };
}

export function toAttemptResult(attempt: QuizAttemptDoc): QuizAttemptResult {
  const finishedAt = attempt.finishedAt ?? attempt.deadline;
  return {
    attemptId: attempt._id,
    roundId: attempt.roundId,
    score: attempt.score ?? 0,
    maxScore: attempt.maxScore,
    passed: attempt.passed ?? false,
    passMark: attempt.rules.passMark,
    correctCount: attempt.correctCount ?? 0,
    questionCount: attempt.items.length,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    closedByDeadline: attempt.closedByDeadline,
    elapsedSeconds: Math.max(0, Math.round((finishedAt.getTime() - attempt.startedAt.getTime()) / 1000)),
  };
}
