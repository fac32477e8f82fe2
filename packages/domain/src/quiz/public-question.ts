/**
 * The only question shape allowed to leave the server before an attempt is submitted. It is built by listing
 * the fields it may carry, never by deleting fields from a Question, so a field added to the bank later
 * (a key, an explanation, a citation that would point straight at the answer) can't leak by accident.
 */
import type { Question, QuestionType } from './question';
import { displayLabel, type OptionShuffle } from './shuffle-options';

export interface PublicOption {
  /** The display label (A, B, …); meaningful only within this attempt. */
  id: string;
  text: string;
}

export interface PublicQuestion {
  /** The bank id: safe, since the member's answers are sent by label and scored on the server. */
  id: string;
  type: QuestionType;
  stem: string;
  options: PublicOption[];
  points: number;
}

export function toPublicQuestion(
  question: Pick<Question, 'id' | 'type' | 'stem' | 'options'>,
  shuffle: OptionShuffle,
  points: number,
): PublicQuestion {
  if (shuffle.questionId !== question.id) {
    throw new Error(`shuffle for ${shuffle.questionId} used with question ${question.id}`);
  }
  const textById = new Map(question.options.map((option) => [option.id, option.text]));
  if (shuffle.order.length !== textById.size || shuffle.order.some((id) => !textById.has(id))) {
    throw new Error(`shuffle of question ${question.id} does not match its options`);
  }
  return {
    id: question.id,
    type: question.type,
    stem: question.stem,
    options: shuffle.order.map((id, position) => ({ id: displayLabel(position), text: textById.get(id) as string })),
    points,
  };
}
