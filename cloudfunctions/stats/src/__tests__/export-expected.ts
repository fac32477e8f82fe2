/**
 * The export's numbers computed again from the raw collections with plain loops, without the domain's rule
 * or the stats query layer: what a clerk would count by hand from the records. Test-only.
 */
import type {
  AttendanceDoc,
  CheckinEventDoc,
  MemberDoc,
  OrgDoc,
  QuizAttemptDoc,
  QuizRoundDoc,
  StudyPlanDoc,
  StudyProgressDoc,
  TransferDoc,
} from '@zbxx/server';

export interface RawCollections {
  orgs: OrgDoc[];
  members: MemberDoc[];
  transfers: TransferDoc[];
  studyPlans: StudyPlanDoc[];
  studyProgress: StudyProgressDoc[];
  quizRounds: QuizRoundDoc[];
  quizAttempts: QuizAttemptDoc[];
  checkinEvents: CheckinEventDoc[];
  attendance: AttendanceDoc[];
}

export interface MemberMonth {
  month: string;
  memberId: string;
  name: string;
  duty: string;
  branchId: string;
  studyDone: number;
  studyRequired: number;
  quiz: '无要求' | '未答题' | '未合格' | '已合格';
  /** As 党员明细 shows it: rounded to one decimal. */
  score: number | null;
  exactScore: number | null;
  partyDay: string;
  complete: boolean;
  missing: string[];
}

const STATE_ORDER = ['present', 'late', 'madeUp', 'excused', 'leaveRequested', 'expected', 'absent'];
export const STATE_NAMES: Record<string, string> = {
  present: '出席',
  late: '迟到',
  madeUp: '补学',
  excused: '请假',
  leaveRequested: '请假待审批',
  expected: '未签到',
  absent: '缺席',
};

/** The first instant after the month in Beijing time (UTC+8). */
export function monthEndOf(month: string): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1) - 8 * 3600 * 1000);
}

/** `now`: the instant of the export (未签到 counts as 缺席 only for events closed or ended by then). */
export function memberMonths(raw: RawCollections, nodeId: string, month: string, now: Date): MemberMonth[] {
  const end = monthEndOf(month);
  const rows: MemberMonth[] = [];
  const monthEvents = raw.checkinEvents.filter((e) => e.month === month);
  for (const member of raw.members) {
    if (new Date(member.createdAt) >= end) continue;
    let later: TransferDoc | null = null;
    for (const t of raw.transfers) {
      if (t.memberId === member._id && new Date(t.at) >= end && (later === null || new Date(t.at) < new Date(later.at))) later = t;
    }
    const branchId = later ? later.fromBranchId : member.branchId;
    const path = later ? later.fromOrgPath : member.orgPath;
    if (!path.includes(nodeId)) continue;

    const required: string[] = [];
    for (const plan of raw.studyPlans) {
      if (plan.month !== month || plan.status !== 'published' || !path.includes(plan.orgId)) continue;
      for (const id of plan.requiredMaterialIds) if (!required.includes(id)) required.push(id);
    }
    let studyDone = 0;
    for (const id of required) {
      if (raw.studyProgress.some((p) => p.memberId === member._id && p.materialId === id && p.completedAt)) studyDone += 1;
    }

    const rounds = raw.quizRounds.filter((r) => r.month === month && r.status === 'published' && path.includes(r.orgId));
    const graded: { score: number; passed: boolean }[] = [];
    for (const round of rounds) {
      let best: QuizAttemptDoc | null = null;
      for (const a of raw.quizAttempts) {
        if (a.roundId !== round._id || a.memberId !== member._id || !a.finishedAt || a.score === null) continue;
        if (round.grading === 'last') {
          if (!best || new Date(a.finishedAt) > new Date(best.finishedAt as Date)) best = a;
        } else if (
          !best ||
          (a.score as number) > (best.score as number) ||
          (a.score === best.score && new Date(a.finishedAt) < new Date(best.finishedAt as Date))
        )
          best = a;
      }
      if (best) graded.push({ score: best.score as number, passed: best.passed === true });
    }
    let quiz: MemberMonth['quiz'] = '无要求';
    if (rounds.length > 0) {
      if (graded.length === rounds.length && graded.every((g) => g.passed)) quiz = '已合格';
      else if (graded.some((g) => !g.passed)) quiz = '未合格';
      else quiz = '未答题';
    }
    const score = graded.length === 0 ? null : graded.reduce((s, g) => s + g.score, 0) / graded.length;

    const over = (eventId: string) => {
      const event = monthEvents.find((e) => e._id === eventId);
      return Boolean(event && (event.closedAt || new Date(event.endsAt) <= now));
    };
    const states: string[] = [];
    for (const record of raw.attendance) {
      if (record.memberId === member._id && monthEvents.some((e) => e._id === record.eventId))
        states.push(record.state === 'expected' && over(record.eventId) ? 'absent' : record.state);
    }
    for (const event of monthEvents) {
      if (event.branchId === branchId && !raw.attendance.some((r) => r.memberId === member._id && r.eventId === event._id))
        states.push(over(event._id) ? 'absent' : 'expected');
    }
    const best = STATE_ORDER.find((s) => states.includes(s));
    const partyDay = best ? (STATE_NAMES[best] as string) : '无安排';

    const missing: string[] = [];
    if (required.length > 0 && studyDone < required.length) missing.push('学习');
    if (rounds.length > 0 && quiz !== '已合格') missing.push('答题');
    if (best && !['present', 'late', 'madeUp'].includes(best)) missing.push('主题党日');
    rows.push({
      month,
      memberId: member._id,
      name: member.name,
      duty: member.duty,
      branchId,
      studyDone,
      studyRequired: required.length,
      quiz,
      // Written rounded to one decimal (the one score rule).
      score: score === null ? null : Math.round(score * 10) / 10,
      exactScore: score,
      partyDay,
      complete: missing.length === 0,
      missing,
    });
  }
  return rows;
}

export interface Counts {
  members: number;
  studyRequired: number;
  studyDone: number;
  quizRequired: number;
  quizTaken: number;
  quizPassed: number;
  scoreSum: number;
  partyRequired: number;
  partyDone: number;
  complete: number;
}

export function countsOf(rows: readonly MemberMonth[]): Counts {
  const c: Counts = {
    members: 0,
    studyRequired: 0,
    studyDone: 0,
    quizRequired: 0,
    quizTaken: 0,
    quizPassed: 0,
    scoreSum: 0,
    partyRequired: 0,
    partyDone: 0,
    complete: 0,
  };
  for (const r of rows) {
    c.members += 1;
    if (r.studyRequired > 0) c.studyRequired += 1;
    if (r.studyRequired > 0 && r.studyDone === r.studyRequired) c.studyDone += 1;
    if (r.quiz !== '无要求') c.quizRequired += 1;
    if (r.score !== null) {
      c.quizTaken += 1;
      c.scoreSum += r.exactScore ?? 0;
    }
    if (r.quiz === '已合格') c.quizPassed += 1;
    if (r.partyDay !== '无安排') c.partyRequired += 1;
    if (['出席', '迟到', '补学'].includes(r.partyDay)) c.partyDone += 1;
    if (r.complete) c.complete += 1;
  }
  return c;
}

const rate = (a: number, b: number) => (b === 0 ? null : a / b);

/** 学习完成率, 答题参与率, 平均分 (rounded, as written), 合格率, 主题党日参加率, 完成率 — the 汇总 columns E–I and K. */
export function ratesRow(c: Counts): (number | null)[] {
  return [
    rate(c.studyDone, c.studyRequired),
    rate(c.quizTaken, c.quizRequired),
    c.quizTaken === 0 ? null : Math.round((c.scoreSum / c.quizTaken) * 10) / 10,
    rate(c.quizPassed, c.quizTaken),
    rate(c.partyDone, c.partyRequired),
    rate(c.complete, c.members),
  ];
}
