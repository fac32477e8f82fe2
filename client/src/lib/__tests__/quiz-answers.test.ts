import { answeredCount, formatCountdown, formatDuration, formatTimeLimit, secondsLeft, toggleChoice } from '../quiz-answers';

describe('toggleChoice', () => {
  it('replaces the choice of a single-choice or true/false question', () => {
    expect(toggleChoice(['A'], 'C', 'single')).toEqual(['C']);
    expect(toggleChoice(undefined, 'B', 'trueFalse')).toEqual(['B']);
  });

  it('toggles options of a multiple-choice question, kept in label order', () => {
    expect(toggleChoice(['C'], 'A', 'multiple')).toEqual(['A', 'C']);
    expect(toggleChoice(['A', 'C'], 'A', 'multiple')).toEqual(['C']);
  });
});

describe('clock and counts', () => {
  it('counts only questions with a choice', () => {
    expect(answeredCount({ q1: ['A'], q2: [], q3: ['B', 'C'] })).toBe(2);
  });

  it('measures time left by the server’s clock', () => {
    const deadline = '2026-11-12T02:00:00.000Z';
    const phoneNow = Date.parse('2026-11-12T01:50:00.000Z');
    expect(secondsLeft(deadline, 0, phoneNow)).toBe(600);
    // The phone runs 30 s slow: the server is ahead, so less time is left.
    expect(secondsLeft(deadline, 30_000, phoneNow)).toBe(570);
    expect(secondsLeft(deadline, 0, phoneNow + 3_600_000)).toBe(0);
  });

  it('formats the countdown and durations', () => {
    expect(formatCountdown(725)).toBe('12:05');
    expect(formatDuration(500)).toBe('8分20秒');
    expect(formatDuration(4)).toBe('4秒');
    expect(formatTimeLimit(1200)).toBe('20分钟');
    expect(formatTimeLimit(500)).toBe('8分20秒');
  });
});
