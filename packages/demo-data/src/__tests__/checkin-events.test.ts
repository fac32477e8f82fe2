import { historyIsConsistent } from '@zbxx/domain';
import { generateCounty } from '../generate-county';

const today = new Date('2026-05-20T03:00:00Z'); // 11:00 in Shanghai
const { collections } = generateCounty({ members: 240, branches: 12, committees: 3, seed: 7, studyMonth: '2026-05', today });
const { checkinEvents, attendance, members } = collections;

describe('demo 主题党日', () => {
  it('gives every branch a closed event on the 10th of each of the two previous months', () => {
    const past = checkinEvents.filter((event) => event.closedAt !== null);
    const branches = new Set(members.map((m) => m.branchId));
    expect(past).toHaveLength(branches.size * 2);
    expect(new Set(past.map((event) => event.month))).toEqual(new Set(['2026-03', '2026-04']));
    expect(past.every((event) => event.startsAt.toISOString().endsWith('T01:00:00.000Z') && event.startsAt.getUTCDate() === 10)).toBe(true);
  });

  it('records everyone of each past event with a genuine history and realistic rates', () => {
    const past = checkinEvents.filter((event) => event.closedAt !== null);
    expect(attendance).toHaveLength(members.length * 2);
    expect(attendance.every((record) => historyIsConsistent(record) && record.history.length > 0)).toBe(true);
    expect(attendance.some((record) => record.state === 'expected' || record.state === 'leaveRequested')).toBe(false);
    const attended = attendance.filter((r) => r.state === 'present' || r.state === 'late').length / attendance.length;
    expect(attended).toBeGreaterThan(0.7);
    expect(attended).toBeLessThan(0.95);
    for (const state of ['late', 'excused', 'absent', 'madeUp'] as const) expect(attendance.some((r) => r.state === state)).toBe(true);
    expect(attendance.some((r) => r.checkinMethod === 'manual' && r.history[0]?.reason)).toBe(true);
    expect(new Set(attendance.map((r) => r.eventId))).toEqual(new Set(past.map((e) => e._id)));
  });

  it('opens an event all day today in demo-secretary’s branch, and plans one next month', () => {
    const secretary = members.find((m) => m.openid === 'demo-secretary')!;
    const open = checkinEvents.find((event) => event._id === 'ev-demo-today')!;
    expect(open.branchId).toBe(secretary.branchId);
    expect(open.checkinOpensAt.getTime()).toBeLessThanOrEqual(today.getTime());
    expect(open.endsAt.getTime()).toBeGreaterThan(today.getTime());
    expect(open.lateAfter.getTime()).toBeGreaterThan(today.getTime());
    expect(checkinEvents.find((event) => event._id === 'ev-demo-next')?.month).toBe('2026-06');
    expect(open.secret).toMatch(/^[0-9a-f]{40}$/);
  });

  it('shows demo-member present two months ago and excused with 补学 last month', () => {
    const member = members.find((m) => m.openid === 'demo-member')!;
    const mine = attendance.filter((r) => r.memberId === member._id).sort((a, b) => a.eventId.localeCompare(b.eventId));
    expect(mine.map((r) => r.state)).toEqual(['present', 'madeUp']);
    expect(mine[1]!.history.map((h) => h.command)).toEqual(['requestLeave', 'approveLeave', 'completeMakeUp']);
  });
});
