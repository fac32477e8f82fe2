import { historyIsConsistent, monthOf, type AttendanceRecord } from '@zbxx/domain';
import { DEMO_ROUND_ID, generateCounty } from '../index';

// A Tuesday afternoon in the middle of a month (Asia/Shanghai).
const today = new Date('2026-03-17T07:00:00Z');
const month = monthOf(today);

describe('generateCounty liveMonth (npm start)', () => {
  const plain = generateCounty({ today, studyMonth: month }).collections;
  const live = generateCounty({ today, studyMonth: month, liveMonth: true }).collections;

  it('is off by default: no attempts, no events of this month beyond demo-secretary’s', () => {
    expect(plain.quizAttempts).toBeUndefined();
    expect(plain.checkinEvents.filter((e) => e.month === month).map((e) => e._id)).toEqual(['ev-demo-today']);
  });

  it('leaves everything the plain demo has as it was, and only adds', () => {
    expect(live.orgs).toEqual(plain.orgs);
    expect(live.members).toEqual(plain.members);
    expect(live.quizRounds).toEqual(plain.quizRounds);
    const contains = (all: readonly object[], some: readonly object[]) => {
      const kept = new Set(all.map((doc) => JSON.stringify(doc)));
      return some.every((doc) => kept.has(JSON.stringify(doc)));
    };
    expect(contains(live.checkinEvents, plain.checkinEvents)).toBe(true);
    expect(contains(live.attendance, plain.attendance)).toBe(true);
    expect(contains(live.studyProgress, plain.studyProgress)).toBe(true);
  });

  it('puts the running month under way as of today: reading, answering and held 主题党日, nothing after today', () => {
    const attempts = live.quizAttempts ?? [];
    const members = live.members.length;
    expect(attempts.length).toBeGreaterThan(members * 0.3);
    expect(attempts.every((a) => a.roundId === DEMO_ROUND_ID(month) && a.finishedAt! < today)).toBe(true);
    expect(attempts.some((a) => a.passed) && attempts.some((a) => !a.passed)).toBe(true);
    const readNow = live.studyProgress.filter((p) => p.completedAt && monthOf(p.completedAt) === month);
    expect(readNow.length).toBeGreaterThan(members * 0.3);
    expect(readNow.every((p) => p.completedAt! < today)).toBe(true);
    const held = live.checkinEvents.filter((e) => e.month === month && e.closedAt);
    expect(held.length).toBeGreaterThan(2);
    expect(held.every((e) => e.closedAt! < today)).toBe(true);
    const records = live.attendance.filter((a) => held.some((e) => e._id === a.eventId));
    expect(records.every((r) => historyIsConsistent(r as unknown as AttendanceRecord))).toBe(true);
    expect(records.every((r) => r.history.every((h) => new Date(h.at) <= today))).toBe(true);
    // The fixed demo identities keep the month the README describes.
    const fixed = new Set(live.members.filter((m) => m.openid).map((m) => m._id));
    expect(attempts.some((a) => fixed.has(a.memberId))).toBe(false);
  });

  it('has nothing to add in the first hours of a month', () => {
    const early = generateCounty({ today: new Date('2026-02-28T16:30:00Z'), studyMonth: '2026-03', liveMonth: true }).collections;
    expect(early.quizAttempts).toEqual([]);
    expect(early.checkinEvents.filter((e) => e.month === '2026-03' && e.closedAt)).toEqual([]);
  });
});
