import { quizCardOf } from '../home/quiz-card';

const now = new Date('2026-11-22T02:00:00Z');
const round = (id: string, opensAt: string, closesAt: string) => ({
  _id: id,
  title: id,
  opensAt: new Date(opensAt),
  closesAt: new Date(closesAt),
});

describe('quizCardOf', () => {
  const closedEarly = round('closed-early', '2026-11-01T00:00:00Z', '2026-11-05T00:00:00Z');
  const closedLate = round('closed-late', '2026-11-06T00:00:00Z', '2026-11-20T00:00:00Z');
  const upcomingLate = round('upcoming-late', '2026-11-28T00:00:00Z', '2026-11-30T00:00:00Z');
  const upcomingSoon = round('upcoming-soon', '2026-11-25T00:00:00Z', '2026-11-30T00:00:00Z');
  const openLong = round('open-long', '2026-11-01T00:00:00Z', '2026-11-30T00:00:00Z');
  const openShort = round('open-short', '2026-11-20T00:00:00Z', '2026-11-23T00:00:00Z');

  it('shows the open round closing first', () => {
    expect(quizCardOf([closedLate, upcomingSoon, openLong, openShort], now)).toEqual({
      roundId: 'open-short',
      title: 'open-short',
      window: 'open',
      opensAt: '2026-11-20T00:00:00.000Z',
      closesAt: '2026-11-23T00:00:00.000Z',
    });
  });

  it('else the next to open, else the last that closed, else nothing', () => {
    expect(quizCardOf([closedLate, upcomingLate, upcomingSoon], now)?.roundId).toBe('upcoming-soon');
    expect(quizCardOf([closedEarly, closedLate], now)).toMatchObject({ roundId: 'closed-late', window: 'closed' });
    expect(quizCardOf([], now)).toBeNull();
  });
});
