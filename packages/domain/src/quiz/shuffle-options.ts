/**
 * Per-attempt option shuffles. The phone sees options labelled by display position (A, B, C…), so a label
 * means nothing outside its own attempt and "the answer to question 17 is C" can't be passed around.
 * The stored shuffle maps labels back to the bank's canonical ids for scoring.
 */
import type { OptionId, Question } from './question';
import { shuffled, type Rng } from '../random';

export interface OptionShuffle {
  questionId: string;
  /** order[i] is the canonical option id shown at display position i. */
  order: readonly OptionId[];
}

const LABELS = 'ABCDEFGHIJ';

/** The label a member sees at a display position. */
export function displayLabel(position: number): string {
  const label = LABELS[position];
  if (label === undefined) throw new RangeError(`no display label for position ${position}`);
  return label;
}

/**
 * Shuffles a question's options for one attempt. True/false keeps 对 before 错: with two options shuffling hides
 * nothing, and a swapped pair only trips up members who answer by position.
 */
export function shuffleOptions(question: Pick<Question, 'id' | 'type' | 'options'>, rng: Rng): OptionShuffle {
  const ids = question.options.map((option) => option.id);
  return { questionId: question.id, order: question.type === 'trueFalse' ? ids : shuffled(ids, rng) };
}

/**
 * Maps the labels a member picked to canonical ids (deduplicated, in display order).
 * Returns null when a label is not on this question's paper, so the caller can refuse the input.
 */
export function toCanonicalAnswer(shuffle: OptionShuffle, labels: readonly string[]): OptionId[] | null {
  const positions = new Set<number>();
  for (const label of labels) {
    const position = LABELS.indexOf(label);
    if (label.length !== 1 || position < 0 || position >= shuffle.order.length) return null;
    positions.add(position);
  }
  return [...positions].sort((a, b) => a - b).map((position) => shuffle.order[position] as OptionId);
}

/** Maps canonical ids (a saved answer, or the key during review) to this attempt's labels, sorted. */
export function toDisplayLabels(shuffle: OptionShuffle, ids: readonly OptionId[]): string[] {
  const labels: string[] = [];
  shuffle.order.forEach((id, position) => {
    if (ids.includes(id)) labels.push(displayLabel(position));
  });
  return labels;
}
