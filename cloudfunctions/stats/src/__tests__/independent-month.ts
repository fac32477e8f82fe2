/**
 * The month-completion numbers computed a second time, straight from the raw seeded collections with plain
 * loops: no domain rule, no pipeline. The integration tests hold the stats function to these.
 */
import type { GroupTotals } from '@zbxx/contracts';
import type { DemoCollections } from '@zbxx/demo-data';
import type { QuizAttemptDoc } from '@zbxx/server';

export interface RawCollections extends DemoCollections {
  quizAttempts: QuizAttemptDoc[];
}

export interface ExpectedMember {
  memberId: string;
  branchId: string;
  orgPath: string[];
  study: { status: string; done: number; required: number };
  quiz: { status: string; score: number | null };
  partyDay: string;
  complete: boolean;
}

const RANK = ['present', 'late', 'madeUp', 'excused', 'leaveRequested', 'expected', 'absent'];

/** The first instant of the month after `month` in Asia/Shanghai (UTC+8, no daylight saving). */
function monthEnd(month: string): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - 8 * 3_600_000);
}

/** `now`: the instant the views are read at (未签到 becomes 缺席 only for events closed or ended by then). */
export function expectedMonth(raw: RawCollections, month: string, now: Date): ExpectedMember[] {
  const end = monthEnd(month);
  const plans = raw.studyPlans.filter((p) => p.month === month && p.status === 'published');
  const rounds = raw.quizRounds.filter((r) => r.month === month && r.status === 'published');
  const monthEvents = raw.checkinEvents.filter((e) => e.month === month);
  const monthEventIds = new Set(monthEvents.map((e) => e._id));
  const over = new Set(monthEvents.filter((e) => e.closedAt || new Date(e.endsAt).getTime() <= now.getTime()).map((e) => e._id));
  const out: ExpectedMember[] = [];
  for (const member of raw.members) {
    if (!(member.createdAt < end)) continue;
    let branchId = member.branchId;
    let orgPath = member.orgPath;
    let earliest: Date | null = null;
    for (const t of raw.transfers) {
      if (t.memberId !== member._id || t.at < end) continue;
      if (earliest === null || t.at < earliest) {
        earliest = t.at;
        branchId = t.fromBranchId;
        orgPath = t.fromOrgPath;
      }
    }

    const required: string[] = [];
    for (const plan of plans) {
      if (!orgPath.includes(plan.orgId)) continue;
      for (const id of plan.requiredMaterialIds) if (!required.includes(id)) required.push(id);
    }
    let done = 0;
    for (const id of required) {
      if (raw.studyProgress.some((p) => p.memberId === member._id && p.materialId === id && p.completedAt)) done += 1;
    }
    const studyStatus =
      required.length === 0 ? 'notRequired' : done === required.length ? 'done' : done === 0 ? 'notStarted' : 'inProgress';

    let reaching = 0;
    let graded = 0;
    let passed = 0;
    let scoreSum = 0;
    for (const round of rounds) {
      if (!orgPath.includes(round.orgId)) continue;
      reaching += 1;
      let counted: QuizAttemptDoc | null = null;
      for (const a of raw.quizAttempts) {
        if (a.memberId !== member._id || a.roundId !== round._id || !a.finishedAt || a.score === null) continue;
        if (counted === null) counted = a;
        else if (
          round.grading === 'last'
            ? a.finishedAt > counted.finishedAt!
            : a.score > counted.score! || (a.score === counted.score && a.finishedAt < counted.finishedAt!)
        )
          counted = a;
      }
      if (counted) {
        graded += 1;
        scoreSum += counted.score!;
        if (counted.passed) passed += 1;
      }
    }
    const quizStatus =
      reaching === 0 ? 'notRequired' : graded === 0 ? 'notTaken' : passed === reaching ? 'passed' : passed < graded ? 'failed' : 'notTaken';

    const states: string[] = [];
    const recorded = new Set<string>();
    for (const record of raw.attendance) {
      if (record.memberId === member._id && monthEventIds.has(record.eventId)) {
        states.push(record.state === 'expected' && over.has(record.eventId) ? 'absent' : record.state);
        recorded.add(record.eventId);
      }
    }
    for (const event of monthEvents)
      if (event.branchId === branchId && !recorded.has(event._id)) states.push(over.has(event._id) ? 'absent' : 'expected');
    const partyDay = states.length === 0 ? 'notRequired' : RANK.find((s) => states.includes(s))!;

    const complete =
      (studyStatus === 'notRequired' || studyStatus === 'done') &&
      (quizStatus === 'notRequired' || quizStatus === 'passed') &&
      (partyDay === 'notRequired' || partyDay === 'present' || partyDay === 'late' || partyDay === 'madeUp');
    out.push({
      memberId: member._id,
      branchId,
      orgPath,
      study: { status: studyStatus, done, required: required.length },
      quiz: { status: quizStatus, score: graded === 0 ? null : scoreSum / graded },
      partyDay,
      complete,
    });
  }
  return out;
}

export function expectedTotals(members: readonly ExpectedMember[]): GroupTotals {
  const t: GroupTotals = {
    members: 0,
    studyRequired: 0,
    studyDone: 0,
    quizRequired: 0,
    quizTaken: 0,
    quizPassed: 0,
    quizScoreSum: 0,
    partyDayRequired: 0,
    partyDayAttended: 0,
    partyDayLate: 0,
    partyDayExcused: 0,
    partyDayMadeUp: 0,
    partyDayAbsent: 0,
    partyDayPending: 0,
    complete: 0,
  };
  for (const m of members) {
    t.members += 1;
    if (m.study.status !== 'notRequired') t.studyRequired += 1;
    if (m.study.status === 'done') t.studyDone += 1;
    if (m.quiz.status !== 'notRequired') t.quizRequired += 1;
    if (m.quiz.score !== null) {
      t.quizTaken += 1;
      t.quizScoreSum += m.quiz.score;
    }
    if (m.quiz.status === 'passed') t.quizPassed += 1;
    if (m.partyDay !== 'notRequired') {
      t.partyDayRequired += 1;
      if (m.partyDay === 'present' || m.partyDay === 'late') t.partyDayAttended += 1;
      if (m.partyDay === 'late') t.partyDayLate += 1;
      if (m.partyDay === 'excused') t.partyDayExcused += 1;
      if (m.partyDay === 'madeUp') t.partyDayMadeUp += 1;
      if (m.partyDay === 'absent') t.partyDayAbsent += 1;
      if (m.partyDay === 'expected' || m.partyDay === 'leaveRequested') t.partyDayPending += 1;
    }
    if (m.complete) t.complete += 1;
  }
  return t;
}
