import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { absenceDecided } from '../../checkin/attendance';
import { eventAttendanceCounts, FIGURES, figureSheetRows, figuresMarkdown, partyDayHeld, partyDayStatesAddUp } from '../figures';
import { memberMonthStatus, type MemberMonthFacts, type MonthRequirements } from '../month-completion';
import { addToTotals, emptyTotals } from '../totals';

const PAGE = path.join(__dirname, '..', 'FIGURES.md');

describe('the figure table', () => {
  it('is what FIGURES.md says (regenerate with UPDATE_FIGURES=1)', () => {
    if (process.env.UPDATE_FIGURES === '1') writeFileSync(PAGE, figuresMarkdown());
    expect(readFileSync(PAGE, 'utf8')).toBe(figuresMarkdown());
  });

  it('defines every figure the issue lists, each once, and the 口径说明 sheet carries each', () => {
    const names = FIGURES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const wanted of ['学习完成率', '答题参与率', '答题合格率', '答题平均分', '党日参加率', '综合完成率', '开展主题党日', '覆盖率'])
      expect(names.some((name) => name.includes(wanted))).toBe(true);
    const sheetNames = figureSheetRows().map((row) => row[0]);
    for (const name of names) expect(sheetNames).toContain(name);
    // One vocabulary: 合格, never 及格.
    expect(figuresMarkdown()).not.toMatch(/及格/);
  });
});

// An event of a branch: starts 10:00, ends 12:00 (UTC+8) on 2026-03-10.
const event = { startsAt: new Date('2026-03-10T02:00:00Z'), endsAt: new Date('2026-03-10T04:00:00Z'), closedAt: null as Date | null };
const before = new Date('2026-03-10T01:00:00Z');
const during = new Date('2026-03-10T03:00:00Z');
const after = new Date('2026-03-10T05:00:00Z');

describe('attendance follows time (缺席 only once closed, or once ended)', () => {
  it('decides absence only after the close or the end', () => {
    expect([before, during, after].map((at) => absenceDecided(event, at))).toEqual([false, false, true]);
    expect(absenceDecided({ ...event, closedAt: during }, during)).toBe(true);
  });

  it('counts nobody 缺席 on the events sheet before the event starts (was: 缺席 19)', () => {
    const counts = eventAttendanceCounts(event, { present: 0 }, 19, before);
    expect(counts).toMatchObject({ expected: 19, absent: 0, pending: 19 });
    expect(eventAttendanceCounts(event, { present: 3, expected: 2 }, 19, after)).toMatchObject({ absent: 16, pending: 0, present: 3 });
  });

  it('gives a member without a check-in 未签到 before the end and 缺席 after, in the month status and the totals', () => {
    const req: MonthRequirements = { plans: [], rounds: [], eventsByBranch: { b: ['e'] } };
    const facts = (decided: boolean): MemberMonthFacts => ({
      memberId: 'm',
      branchId: 'b',
      orgPath: ['c', 'b'],
      completedMaterialIds: [],
      attempts: [],
      attendance: [],
      decidedEventIds: decided ? ['e'] : [],
    });
    const open = memberMonthStatus(facts(false), req);
    expect(open.partyDay.status).toBe('expected');
    const totals = addToTotals(emptyTotals(), open);
    expect([totals.partyDayAbsent, totals.partyDayPending]).toEqual([0, 1]);
    expect(partyDayStatesAddUp(totals)).toBe(true);
    const closed = addToTotals(emptyTotals(), memberMonthStatus(facts(true), req));
    expect([closed.partyDayAbsent, closed.partyDayPending]).toEqual([1, 0]);
  });

  it('counts an event as held once started, closed or checked into (never 0 次 next to 3 人次)', () => {
    expect(partyDayHeld(event, { present: 0, late: 0 }, before)).toBe(false);
    expect(partyDayHeld(event, { present: 3, late: 0 }, before)).toBe(true);
    expect(partyDayHeld(event, { present: 0, late: 0 }, during)).toBe(true);
  });
});
