import { gradeAttempts } from '../grade';
import { at } from './question-mother';

const attempts = [
  { attemptId: 'a3', score: 90, finishedAt: at('2026-03-12T10:00:00+08:00') },
  { attemptId: 'a1', score: 80, finishedAt: at('2026-03-11T10:00:00+08:00') },
  { attemptId: 'a4', score: 70, finishedAt: at('2026-03-13T10:00:00+08:00') },
  { attemptId: 'a2', score: 90, finishedAt: at('2026-03-11T20:00:00+08:00') },
];

describe('gradeAttempts', () => {
  it('best: the highest score, the earlier attempt on a tie', () => {
    expect(gradeAttempts(attempts, 'best', 75)).toEqual({ attemptId: 'a2', score: 90, passed: true, attemptsCounted: 4 });
  });

  it('last: the most recently finished, whatever its score', () => {
    expect(gradeAttempts(attempts, 'last', 75)).toEqual({ attemptId: 'a4', score: 70, passed: false, attemptsCounted: 4 });
  });

  it('passes at exactly the pass mark', () => {
    expect(gradeAttempts([{ attemptId: 'x', score: 60, finishedAt: at('2026-03-11T00:00:00Z') }], 'best', 60)?.passed).toBe(true);
    expect(gradeAttempts([{ attemptId: 'x', score: 59.99, finishedAt: at('2026-03-11T00:00:00Z') }], 'best', 60)?.passed).toBe(false);
  });

  it('has no grade without a finished attempt', () => {
    expect(gradeAttempts([], 'best', 60)).toBeNull();
  });
});
