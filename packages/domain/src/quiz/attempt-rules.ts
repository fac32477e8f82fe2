/**
 * The clock of a quiz round and its attempts. The server's clock is the only clock: `now` always comes from
 * the server, never from the phone.
 */

/** A round's window (答题时间), e.g. the 11th 00:00 to the 21st 00:00 Beijing time; closesAt is exclusive. */
export interface RoundWindow {
  opensAt: Date;
  closesAt: Date;
}

export type RoundWindowState = 'upcoming' | 'open' | 'closed';

export function roundWindowState(window: RoundWindow, now: Date): RoundWindowState {
  if (now.getTime() < window.opensAt.getTime()) return 'upcoming';
  return now.getTime() < window.closesAt.getTime() ? 'open' : 'closed';
}

/**
 * Answers arriving a little after the deadline are still taken: a member on a weak signal who tapped in time
 * shouldn't lose the last answer to latency. The deadline shown to the member stays the real one.
 */
export const DEFAULT_ANSWER_GRACE_SECONDS = 30;

/** An attempt ends at its time limit or when the round closes, whichever comes first. */
export function attemptDeadline(startedAt: Date, timeLimitSeconds: number, window: RoundWindow): Date {
  const byLimit = startedAt.getTime() + timeLimitSeconds * 1000;
  return new Date(Math.min(byLimit, window.closesAt.getTime()));
}

/** Whether `answer` / `submit` may still change an attempt (deadline + grace, inclusive). */
export function acceptsAnswers(deadline: Date, now: Date, graceSeconds = DEFAULT_ANSWER_GRACE_SECONDS): boolean {
  return now.getTime() <= deadline.getTime() + graceSeconds * 1000;
}

export interface AttemptSummary {
  attemptId: string;
  startedAt: Date;
  deadline: Date;
  /** Set when submitted, or when the server closed it after the deadline with what was saved. */
  finishedAt: Date | null;
}

/** An unfinished attempt past deadline + grace: the server closes it with the saved answers and scores it. */
export function needsClosing(attempt: AttemptSummary, now: Date, graceSeconds = DEFAULT_ANSWER_GRACE_SECONDS): boolean {
  return attempt.finishedAt === null && !acceptsAnswers(attempt.deadline, now, graceSeconds);
}

export interface RoundAttemptRules {
  window: RoundWindow;
  timeLimitSeconds: number;
  attemptsAllowed: number;
}

export type StartRefusal = 'QUIZ.ROUND_NOT_OPEN' | 'QUIZ.ROUND_CLOSED' | 'QUIZ.NO_ATTEMPTS_LEFT';

export const START_REFUSAL_MESSAGES: Record<StartRefusal, string> = {
  'QUIZ.ROUND_NOT_OPEN': '答题尚未开始',
  'QUIZ.ROUND_CLOSED': '答题已结束',
  'QUIZ.NO_ATTEMPTS_LEFT': '答题次数已用完',
};

export type StartDecision =
  | { kind: 'resume'; attemptId: string }
  | {
      kind: 'new';
      /**
       * 1-based. Make it part of the stored attempt's unique key (round, member, number): two concurrent starts
       * then compete for the same key and only one is written, so nobody exceeds attemptsAllowed.
       */
      attemptNumber: number;
      deadline: Date;
    }
  | { kind: 'refused'; code: StartRefusal; message: string };

/**
 * What `start` should do: resume the attempt still open (a killed app comes back to it), otherwise open a new
 * one if the window is open and attempts remain. Every attempt ever started counts, finished or not.
 */
export function decideStart(
  round: RoundAttemptRules,
  attempts: readonly AttemptSummary[],
  now: Date,
  graceSeconds = DEFAULT_ANSWER_GRACE_SECONDS,
): StartDecision {
  const open = attempts.find((attempt) => attempt.finishedAt === null && acceptsAnswers(attempt.deadline, now, graceSeconds));
  if (open !== undefined) return { kind: 'resume', attemptId: open.attemptId };
  const refuse = (code: StartRefusal): StartDecision => ({ kind: 'refused', code, message: START_REFUSAL_MESSAGES[code] });
  const state = roundWindowState(round.window, now);
  if (state === 'upcoming') return refuse('QUIZ.ROUND_NOT_OPEN');
  if (state === 'closed') return refuse('QUIZ.ROUND_CLOSED');
  if (attempts.length >= round.attemptsAllowed) return refuse('QUIZ.NO_ATTEMPTS_LEFT');
  return {
    kind: 'new',
    attemptNumber: attempts.length + 1,
    deadline: attemptDeadline(now, round.timeLimitSeconds, round.window),
  };
}
