/**
 * Review policy (答题回顾): what a member may see of a finished attempt, and when. Everything is decided on
 * the server; the review action sends only what this says is visible.
 */

/**
 * never: not shown. afterSubmit: as soon as the attempt is finished ("immediately"). afterRoundCloses: once the
 * round's window has closed.
 */
export type ReviewTiming = 'never' | 'afterSubmit' | 'afterRoundCloses';

export interface ReviewPolicy {
  ownAnswers: ReviewTiming;
  correctAnswers: ReviewTiming;
  explanations: ReviewTiming;
}

export interface ReviewContext {
  now: Date;
  roundClosesAt: Date;
  attemptFinished: boolean;
  /** Attempts the member may still start in this round. */
  attemptsLeft: number;
}

export interface ReviewVisibility {
  /** Score, pass/fail and time taken: always, once finished. */
  score: boolean;
  /** The options the member chose, without right/wrong marks. */
  ownAnswers: boolean;
  /** The key, and right/wrong marks per question (marks on a true/false question are its key). */
  correctAnswers: boolean;
  /** The explanation and the article it cites. */
  explanations: boolean;
}

const NOTHING: ReviewVisibility = { score: false, ownAnswers: false, correctAnswers: false, explanations: false };

/**
 * Rules beyond the plain timings, both so the review can't become the key to the next attempt:
 *   - correct answers and explanations set to afterSubmit wait until the member has no attempts left (or the
 *     round closed);
 *   - explanations are shown only when correct answers are, since an explanation states the answer.
 */
export function reviewVisibility(policy: ReviewPolicy, context: ReviewContext): ReviewVisibility {
  if (!context.attemptFinished) return NOTHING;
  const roundClosed = context.now.getTime() >= context.roundClosesAt.getTime();
  const keySafe = roundClosed || context.attemptsLeft <= 0;
  const visible = (timing: ReviewTiming, revealsKey: boolean): boolean => {
    if (timing === 'never') return false;
    if (timing === 'afterRoundCloses') return roundClosed;
    return revealsKey ? keySafe : true;
  };
  const correctAnswers = visible(policy.correctAnswers, true);
  return {
    score: true,
    ownAnswers: visible(policy.ownAnswers, false),
    correctAnswers,
    explanations: correctAnswers && visible(policy.explanations, true),
  };
}
