import { toCanonicalAnswer, type OptionId } from '@zbxx/domain';
import { AppError, type QuizAttemptDoc } from '@zbxx/server';
import { shuffleOf } from './attempt-view';

/**
 * Labels sent by the phone → canonical ids, refusing questions not on this paper and labels not on a question.
 * A single-choice or true/false question takes at most one label.
 */
export function canonicalAnswers(attempt: QuizAttemptDoc, labels: Readonly<Record<string, readonly string[]>>): Record<string, OptionId[]> {
  const itemById = new Map(attempt.items.map((item) => [item.questionId, item]));
  const result: Record<string, OptionId[]> = {};
  for (const [questionId, chosen] of Object.entries(labels)) {
    const item = itemById.get(questionId);
    const ids = item ? toCanonicalAnswer(shuffleOf(item), chosen) : null;
    if (!item || !ids || (item.type !== 'multiple' && ids.length > 1)) throw new AppError('INPUT.INVALID', '答案与试卷不符，请刷新后重试');
    result[questionId] = ids;
  }
  return result;
}

/** Server times of first answers for questions answered now for the first time. */
export function newFirstAnswers(
  attempt: QuizAttemptDoc,
  answers: Readonly<Record<string, readonly OptionId[]>>,
  now: Date,
): Record<string, Date> {
  const first: Record<string, Date> = {};
  for (const [questionId, ids] of Object.entries(answers)) {
    if (ids.length > 0 && !attempt.firstAnsweredAt?.[questionId]) first[questionId] = now;
  }
  return first;
}
