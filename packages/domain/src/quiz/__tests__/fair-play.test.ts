import { describeFairPlayFlag, fairPlayFlags, minPlausibleAnswerMs, type ReadableQuestion } from '../fair-play';

// 40-character stem + four 5-character options = 60 characters → 1000 + 25 × 60 = 2500 ms.
const question = (id: string): ReadableQuestion => ({
  id,
  stem: '党'.repeat(40),
  options: ['甲', '乙', '丙', '丁'].map((c) => ({ text: c.repeat(5) })),
});
const questions = ['q1', 'q2', 'q3', 'q4'].map(question);
const t0 = new Date('2026-03-15T02:00:00Z');
const after = (ms: number): Date => new Date(t0.getTime() + ms);

describe('minPlausibleAnswerMs', () => {
  it('grows with what there is to read, ignoring whitespace', () => {
    expect(minPlausibleAnswerMs(question('q'))).toBe(2500);
    expect(minPlausibleAnswerMs({ id: 'x', stem: '对 错\n', options: [] })).toBe(1050);
    expect(minPlausibleAnswerMs({ id: 'x', stem: '𠀀', options: [] })).toBe(1025); // one character, two UTF-16 units
    expect(minPlausibleAnswerMs(question('q'), { baseMs: 0, msPerChar: 100 })).toBe(6000);
  });
});

describe('fairPlayFlags', () => {
  it('flags fast answers, a fast attempt and a hidden page', () => {
    const flags = fairPlayFlags({
      startedAt: t0,
      finishedAt: after(7000),
      questions,
      answerEvents: [
        { questionId: 'q1', at: after(1000) }, // 1000 < 2500: fast
        { questionId: 'q2', at: after(4000) }, // 3000: fine
        { questionId: 'q3', at: after(5000) }, // 1000: fast
        { questionId: 'q4', at: after(6000) }, // 1000: fast
        { questionId: 'q1', at: after(6500) }, // a revision: not a first answer
        { questionId: 'other', at: after(6600) }, // not on this paper
      ],
      pageHiddenCount: 2,
    });
    expect(flags).toEqual([
      { code: 'FAST_ANSWERS', count: 3, questionIds: ['q1', 'q3', 'q4'] },
      { code: 'FAST_ATTEMPT', elapsedMs: 7000, minimumMs: 10000 },
      { code: 'PAGE_HIDDEN', count: 2 },
    ]);
    expect(flags.map(describeFairPlayFlag)).toEqual([
      '3 题作答快于正常阅读所需时间',
      '用时 7 秒，少于正常阅读所需的 10 秒',
      '答题期间离开答题页 2 次',
    ]);
  });

  it('raises nothing for an unhurried attempt', () => {
    const flags = fairPlayFlags({
      startedAt: t0,
      finishedAt: after(60_000),
      questions,
      answerEvents: questions.map((q, index) => ({ questionId: q.id, at: after(10_000 * (index + 1)) })),
      pageHiddenCount: 0,
    });
    expect(flags).toEqual([]);
  });

  it('stays below the thresholds for two fast answers and an empty attempt', () => {
    const flags = fairPlayFlags({
      startedAt: t0,
      finishedAt: after(60_000),
      questions,
      answerEvents: [
        { questionId: 'q2', at: after(500) },
        { questionId: 'q1', at: after(1000) },
      ],
      pageHiddenCount: 0,
    });
    expect(flags).toEqual([]);
    expect(fairPlayFlags({ startedAt: t0, finishedAt: after(10), questions, answerEvents: [], pageHiddenCount: 0 })).toEqual([]);
  });
});
