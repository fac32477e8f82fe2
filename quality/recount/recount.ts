/**
 * Every figure a view shows, counted again from the raw records with plain loops at an instant `now`: what a
 * clerk would count by hand under the written 口径 (packages/domain/src/stats/FIGURES.md). No domain rule, no
 * pipeline, no export code: member months come from the stats tests' independent recount (`expectedMonth`),
 * the rest is counted here.
 */
import type { GroupTotals } from '@zbxx/contracts';
import {
  expectedMonth,
  expectedTotals,
  type ExpectedMember,
  type RawCollections,
} from '../../cloudfunctions/stats/src/__tests__/independent-month';

export { expectedTotals, type ExpectedMember };

/** A month's members as they count at `now`, restricted to a node's subtree. */
export function membersOf(raw: RawCollections, month: string, now: Date, nodeId?: string): ExpectedMember[] {
  const all = expectedMonth(raw, month, now);
  return nodeId ? all.filter((m) => m.orgPath.includes(nodeId)) : all;
}

export interface EventRecount {
  eventId: string;
  expected: number;
  present: number;
  late: number;
  excused: number;
  madeUp: number;
  absent: number;
  pending: number;
  held: boolean;
}

/** 未签到 turns 缺席 once the event is closed or its end has passed. */
const isOver = (event: RawCollections['checkinEvents'][number], now: Date) =>
  Boolean(event.closedAt) || new Date(event.endsAt).getTime() <= now.getTime();

/** One event's row of the 主题党日 sheet. */
export function eventRecount(raw: RawCollections, eventId: string, now: Date): EventRecount {
  const event = raw.checkinEvents.find((e) => e._id === eventId)!;
  const counting = expectedMonth(raw, event.month, now).filter((m) => m.branchId === event.branchId).length;
  const records = raw.attendance.filter((a) => a.eventId === eventId);
  const n = (...states: string[]) => records.filter((r) => states.includes(r.state)).length;
  const expected = Math.max(counting, records.length);
  const unmarked = n('expected') + expected - records.length;
  const over = isOver(event, now);
  const present = n('present');
  const late = n('late');
  return {
    eventId,
    expected,
    present,
    late,
    excused: n('excused', 'leaveRequested'),
    madeUp: n('madeUp'),
    absent: n('absent') + (over ? unmarked : 0),
    pending: over ? 0 : unmarked,
    held: new Date(event.startsAt).getTime() <= now.getTime() || Boolean(event.closedAt) || present + late > 0,
  };
}

/** The attendance sheet's tally: one row per member of the branch now (plus records of those gone). */
export function sheetTally(raw: RawCollections, eventId: string, now: Date): Record<string, number> {
  const event = raw.checkinEvents.find((e) => e._id === eventId)!;
  const over = isOver(event, now);
  const tally: Record<string, number> = { expected: 0, leaveRequested: 0, excused: 0, present: 0, late: 0, absent: 0, madeUp: 0 };
  const records = raw.attendance.filter((a) => a.eventId === eventId);
  const seen = new Set<string>();
  for (const member of raw.members.filter((m) => m.branchId === event.branchId)) {
    const state = records.find((r) => r.memberId === member._id)?.state ?? 'expected';
    tally[state === 'expected' && over ? 'absent' : state]! += 1;
    seen.add(member._id);
  }
  for (const record of records) if (!seen.has(record.memberId)) tally[record.state === 'expected' && over ? 'absent' : record.state]! += 1;
  return tally;
}

export interface YearRecount {
  members: number;
  held: number;
  personTimes: number;
  madeUpPersonTimes: number;
  reached: number;
  materials: number;
  studyPersonTimes: number;
  quizParticipants: number;
  quizPersonTimes: number;
  quizAverage: number | null;
  quizPassRate: number | null;
}

/** 年度数据 of the county over `months`. */
export function yearRecount(raw: RawCollections, months: readonly string[], now: Date): YearRecount {
  const everyone = new Set<string>();
  const reached = new Set<string>();
  const answered = new Set<string>();
  let studyPersonTimes = 0;
  let taken = 0;
  let passed = 0;
  let scoreSum = 0;
  for (const month of months) {
    for (const m of expectedMonth(raw, month, now)) {
      everyone.add(m.memberId);
      if (['present', 'late', 'madeUp'].includes(m.partyDay)) reached.add(m.memberId);
      studyPersonTimes += m.study.done;
      if (m.quiz.score !== null) {
        answered.add(m.memberId);
        taken += 1;
        scoreSum += m.quiz.score;
        if (m.quiz.status === 'passed') passed += 1;
      }
    }
  }
  let held = 0;
  let personTimes = 0;
  let madeUp = 0;
  for (const event of raw.checkinEvents.filter((e) => months.includes(e.month))) {
    const row = eventRecount(raw, event._id, now);
    if (!row.held) continue;
    held += 1;
    personTimes += row.present + row.late;
    madeUp += row.madeUp;
  }
  const materials = new Set(
    raw.studyPlans.filter((p) => months.includes(p.month) && p.status === 'published').flatMap((p) => p.requiredMaterialIds),
  );
  return {
    members: everyone.size,
    held,
    personTimes,
    madeUpPersonTimes: madeUp,
    reached: reached.size,
    materials: materials.size,
    studyPersonTimes,
    quizParticipants: answered.size,
    quizPersonTimes: taken,
    quizAverage: taken === 0 ? null : scoreSum / taken,
    quizPassRate: taken === 0 ? null : passed / taken,
  };
}

/** The rates every roll-up row shows, from summed counts. */
export function ratesOfTotals(t: GroupTotals): Record<string, number | null> {
  const r = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    study: r(t.studyDone, t.studyRequired),
    quizParticipation: r(t.quizTaken, t.quizRequired),
    quizPass: r(t.quizPassed, t.quizTaken),
    quizAverageScore: r(t.quizScoreSum, t.quizTaken),
    partyDay: r(t.partyDayAttended + t.partyDayMadeUp, t.partyDayRequired),
    completion: r(t.complete, t.members),
  };
}
