import {
  acceptsAnswers,
  attemptDeadline,
  decideStart,
  needsClosing,
  roundWindowState,
  type AttemptSummary,
  type RoundAttemptRules,
} from '../attempt-rules';
import { at } from './question-mother';

const window = { opensAt: at('2026-03-11T00:00:00+08:00'), closesAt: at('2026-03-21T00:00:00+08:00') };
const round: RoundAttemptRules = { window, timeLimitSeconds: 20 * 60, attemptsAllowed: 2 };

describe('round window', () => {
  it('is upcoming, open, then closed (closesAt exclusive)', () => {
    expect(roundWindowState(window, at('2026-03-10T23:59:59+08:00'))).toBe('upcoming');
    expect(roundWindowState(window, at('2026-03-11T00:00:00+08:00'))).toBe('open');
    expect(roundWindowState(window, at('2026-03-20T23:59:59.999+08:00'))).toBe('open');
    expect(roundWindowState(window, at('2026-03-21T00:00:00+08:00'))).toBe('closed');
  });
});

describe('attempt deadline and grace', () => {
  it('is the time limit, or the window end if that comes first', () => {
    expect(attemptDeadline(at('2026-03-15T10:00:00+08:00'), 1200, window)).toEqual(at('2026-03-15T10:20:00+08:00'));
    expect(attemptDeadline(at('2026-03-20T23:50:00+08:00'), 1200, window)).toEqual(at('2026-03-21T00:00:00+08:00'));
  });

  it('accepts answers until deadline + grace, inclusive', () => {
    const deadline = at('2026-03-15T10:20:00Z');
    expect(acceptsAnswers(deadline, at('2026-03-15T10:20:30Z'), 30)).toBe(true);
    expect(acceptsAnswers(deadline, at('2026-03-15T10:20:30.001Z'), 30)).toBe(false);
    expect(acceptsAnswers(deadline, at('2026-03-15T10:20:30.001Z'))).toBe(false); // default grace 30 s
    expect(acceptsAnswers(deadline, at('2026-03-15T10:20:00.001Z'), 0)).toBe(false);
  });

  it('says when an unfinished attempt must be closed with what was saved', () => {
    const attempt: AttemptSummary = {
      attemptId: 'a',
      startedAt: at('2026-03-15T10:00:00Z'),
      deadline: at('2026-03-15T10:20:00Z'),
      finishedAt: null,
    };
    expect(needsClosing(attempt, at('2026-03-15T10:20:30Z'))).toBe(false);
    expect(needsClosing(attempt, at('2026-03-15T10:20:31Z'))).toBe(true);
    expect(needsClosing({ ...attempt, finishedAt: at('2026-03-15T10:10:00Z') }, at('2026-03-16T00:00:00Z'))).toBe(false);
  });
});

describe('decideStart', () => {
  const now = at('2026-03-15T10:00:00+08:00');
  const finished = (id: string): AttemptSummary => ({
    attemptId: id,
    startedAt: at('2026-03-12T09:00:00+08:00'),
    deadline: at('2026-03-12T09:20:00+08:00'),
    finishedAt: at('2026-03-12T09:15:00+08:00'),
  });

  it('opens the first attempt with the server deadline', () => {
    expect(decideStart(round, [], now)).toEqual({ kind: 'new', attemptNumber: 1, deadline: at('2026-03-15T10:20:00+08:00') });
  });

  it('resumes an attempt that still takes answers', () => {
    const open: AttemptSummary = {
      attemptId: 'open',
      startedAt: at('2026-03-15T09:50:00+08:00'),
      deadline: at('2026-03-15T10:10:00+08:00'),
      finishedAt: null,
    };
    expect(decideStart(round, [finished('a1'), open], now)).toEqual({ kind: 'resume', attemptId: 'open' });
  });

  it('counts every attempt started, including one that expired unfinished', () => {
    const expired: AttemptSummary = { ...finished('a2'), finishedAt: null };
    expect(decideStart(round, [finished('a1')], now)).toMatchObject({ kind: 'new', attemptNumber: 2 });
    expect(decideStart(round, [finished('a1'), expired], now)).toEqual({
      kind: 'refused',
      code: 'QUIZ.NO_ATTEMPTS_LEFT',
      message: '答题次数已用完',
    });
  });

  it('refuses outside the window', () => {
    expect(decideStart(round, [], at('2026-03-10T12:00:00+08:00'))).toMatchObject({ kind: 'refused', code: 'QUIZ.ROUND_NOT_OPEN' });
    expect(decideStart(round, [], at('2026-03-21T00:00:00+08:00'))).toMatchObject({ kind: 'refused', code: 'QUIZ.ROUND_CLOSED' });
  });
});
