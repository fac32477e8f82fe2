import { quizHomeLine } from '../quiz-home-line';

const round = { roundId: 'r1', title: '十一月党规答题', opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2026-11-30T16:00:00.000Z' };

describe('quizHomeLine', () => {
  it('says where the round’s window stands, in Beijing time', () => {
    expect(quizHomeLine({ ...round, window: 'open' })).toBe('十一月党规答题 · 进行中，12月1日 00:00 截止');
    expect(quizHomeLine({ ...round, window: 'upcoming' })).toBe('十一月党规答题 · 11月1日 08:00 开始');
    expect(quizHomeLine({ ...round, window: 'closed' })).toBe('十一月党规答题 · 已结束');
    expect(quizHomeLine(null)).toBe('本月暂无答题');
  });
});
