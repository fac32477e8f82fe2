/**
 * Grading several attempts into the one result that counts for the round (成绩).
 *   best: the highest score; on a tie the earlier attempt (the member reached that score first).
 *   last: the most recently finished attempt, whatever its score.
 * Only finished attempts (submitted, or closed at the deadline with what was saved) take part.
 */
export type GradingPolicy = 'best' | 'last';

export interface FinishedAttempt {
  attemptId: string;
  score: number;
  finishedAt: Date;
}

export interface RoundGrade {
  attemptId: string;
  score: number;
  passed: boolean;
  attemptsCounted: number;
}

export function gradeAttempts(attempts: readonly FinishedAttempt[], policy: GradingPolicy, passMark: number): RoundGrade | null {
  const byTime = [...attempts].sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime() || (a.attemptId < b.attemptId ? -1 : 1));
  let chosen: FinishedAttempt | undefined;
  for (const attempt of byTime) {
    if (chosen === undefined || policy === 'last' || attempt.score > chosen.score) chosen = attempt;
  }
  if (chosen === undefined) return null;
  return {
    attemptId: chosen.attemptId,
    score: chosen.score,
    passed: Math.round(chosen.score * 100) >= Math.round(passMark * 100),
    attemptsCounted: attempts.length,
  };
}
