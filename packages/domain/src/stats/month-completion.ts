/**
 * A member's month (DESIGN.md, "the monthly cycle"): complete when every required material is read, every quiz
 * round that reaches the member is passed, and the month's 主题党日 was attended (出席 / 迟到) or made up (补学).
 * A task nobody set this month is "not required" and counts as satisfied.
 *
 * This is the one definition every view and the export use. `completion-pipeline.ts` states the same rule as
 * aggregation expressions for the county roll-up (so its cost does not grow with the county); a property test
 * holds the two to the same answers.
 */
import { attendanceStateAt, type AttendanceState } from '../checkin/attendance';
import type { GradingPolicy } from '../quiz/grade';

export const TASK_KINDS = ['study', 'quiz', 'partyDay'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** A published study plan of the month: it reaches every member whose org path holds `orgId`. */
export interface PlanRequirement {
  orgId: string;
  requiredMaterialIds: readonly string[];
}

/** A published quiz round of the month: it reaches every member whose org path holds `orgId`. */
export interface RoundRequirement {
  roundId: string;
  orgId: string;
  grading: GradingPolicy;
  maxScore: number;
}

export interface MonthRequirements {
  plans: readonly PlanRequirement[];
  rounds: readonly RoundRequirement[];
  /** The month's 主题党日 events, by the branch that holds them. */
  eventsByBranch: Readonly<Record<string, readonly string[]>>;
}

export interface FinishedAttemptFact {
  roundId: string;
  score: number;
  passed: boolean;
  finishedAt: Date;
}

export interface AttendanceFact {
  eventId: string;
  state: AttendanceState;
  /** The record's history shows the member deciding on it themself (see checkin selfMadeEntries). */
  selfMade?: boolean;
}

export interface MemberMonthFacts {
  memberId: string;
  /** The branch the member counts in for the month (where they were at its end, or now for the running month). */
  branchId: string;
  /** That branch's path, county first, the branch last. */
  orgPath: readonly string[];
  /** Materials the member has completed, whenever. */
  completedMaterialIds: readonly string[];
  /** Finished attempts (submitted, or closed at the deadline) of the month's rounds. */
  attempts: readonly FinishedAttemptFact[];
  /** The member's attendance records of the month's events, in any branch (a transfer keeps what was done). */
  attendance: readonly AttendanceFact[];
  /**
   * The month's events (of the counting branch and of the records above) whose absence is decided at the
   * instant the figures are taken (`absenceDecided`: closed, or ended): 未签到 there counts as 缺席. Missing: none.
   */
  decidedEventIds?: readonly string[];
}

export type StudyStatus = 'notRequired' | 'notStarted' | 'inProgress' | 'done';
export type QuizStatus = 'notRequired' | 'notTaken' | 'failed' | 'passed';
export type PartyDayStatus = 'notRequired' | AttendanceState;

export interface MemberMonthStatus {
  study: { status: StudyStatus; done: number; required: number };
  /** score: the graded score (the mean over rounds when several reach the member); null until one is graded. */
  quiz: { status: QuizStatus; score: number | null; maxScore: number | null };
  /** selfMade: a record of the month shows the member deciding on their own attendance (flagged in views). */
  partyDay: { status: PartyDayStatus; selfMade?: boolean };
  complete: boolean;
  missing: TaskKind[];
}

/** Best first: the state a month's several events (or a transfer's two branches) sum up to. */
export const ATTENDANCE_RANK: readonly AttendanceState[] = ['present', 'late', 'madeUp', 'excused', 'leaveRequested', 'expected', 'absent'];

/** The states that satisfy the month's 主题党日. */
export const PARTY_DAY_DONE: readonly AttendanceState[] = ['present', 'late', 'madeUp'];

const reaches = (orgId: string, orgPath: readonly string[]) => orgPath.includes(orgId);

/** Materials required of a member with this org path, without repeats, in plan order. */
export function requiredMaterialsFor(req: MonthRequirements, orgPath: readonly string[]): string[] {
  return [...new Set(req.plans.filter((plan) => reaches(plan.orgId, orgPath)).flatMap((plan) => plan.requiredMaterialIds))];
}

export function roundsFor(req: MonthRequirements, orgPath: readonly string[]): RoundRequirement[] {
  return req.rounds.filter((round) => reaches(round.orgId, orgPath));
}

/**
 * The attempt that counts for a round: best = highest score (the earlier on a tie), last = latest finished.
 * Same choice as quiz/grade.ts; `passed` is the one the attempt was scored with.
 */
export function countedAttempt(attempts: readonly FinishedAttemptFact[], grading: GradingPolicy): FinishedAttemptFact | null {
  let chosen: FinishedAttemptFact | null = null;
  for (const attempt of attempts) {
    if (chosen === null) chosen = attempt;
    else if (
      grading === 'last'
        ? attempt.finishedAt > chosen.finishedAt
        : attempt.score > chosen.score || (attempt.score === chosen.score && attempt.finishedAt < chosen.finishedAt)
    )
      chosen = attempt;
  }
  return chosen;
}

function studyOf(facts: MemberMonthFacts, req: MonthRequirements): MemberMonthStatus['study'] {
  const required = requiredMaterialsFor(req, facts.orgPath);
  const completed = new Set(facts.completedMaterialIds);
  const done = required.filter((id) => completed.has(id)).length;
  const status: StudyStatus =
    required.length === 0 ? 'notRequired' : done === required.length ? 'done' : done === 0 ? 'notStarted' : 'inProgress';
  return { status, done, required: required.length };
}

function quizOf(facts: MemberMonthFacts, req: MonthRequirements): MemberMonthStatus['quiz'] {
  const rounds = roundsFor(req, facts.orgPath);
  if (rounds.length === 0) return { status: 'notRequired', score: null, maxScore: null };
  const graded = rounds.flatMap((round) => {
    const counted = countedAttempt(
      facts.attempts.filter((attempt) => attempt.roundId === round.roundId),
      round.grading,
    );
    return counted ? [{ round, counted }] : [];
  });
  if (graded.length === 0) return { status: 'notTaken', score: null, maxScore: null };
  const allPassed = graded.length === rounds.length && graded.every((g) => g.counted.passed);
  const anyFailed = graded.some((g) => !g.counted.passed);
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  return {
    status: allPassed ? 'passed' : anyFailed ? 'failed' : 'notTaken',
    score: mean(graded.map((g) => g.counted.score)),
    maxScore: mean(graded.map((g) => g.round.maxScore)),
  };
}

function partyDayOf(facts: MemberMonthFacts, req: MonthRequirements): MemberMonthStatus['partyDay'] {
  const recorded = new Set(facts.attendance.map((a) => a.eventId));
  const decided = new Set(facts.decidedEventIds ?? []);
  const states: AttendanceState[] = [
    ...facts.attendance.map((a) => attendanceStateAt(a.state, decided.has(a.eventId))),
    ...(req.eventsByBranch[facts.branchId] ?? [])
      .filter((eventId) => !recorded.has(eventId))
      .map((eventId) => attendanceStateAt('expected', decided.has(eventId))),
  ];
  if (states.length === 0) return { status: 'notRequired' };
  const best = ATTENDANCE_RANK.find((state) => states.includes(state)) ?? 'expected';
  // Flagged, not discounted: the record stands as the history shows it, and whoever reads the matrix sees why to look.
  return facts.attendance.some((a) => a.selfMade) ? { status: best, selfMade: true } : { status: best };
}

export function memberMonthStatus(facts: MemberMonthFacts, req: MonthRequirements): MemberMonthStatus {
  const study = studyOf(facts, req);
  const quiz = quizOf(facts, req);
  const partyDay = partyDayOf(facts, req);
  const open: Record<TaskKind, boolean> = {
    study: study.status !== 'notRequired' && study.status !== 'done',
    quiz: quiz.status !== 'notRequired' && quiz.status !== 'passed',
    partyDay: partyDay.status !== 'notRequired' && !PARTY_DAY_DONE.includes(partyDay.status),
  };
  const missing = TASK_KINDS.filter((task) => open[task]);
  return { study, quiz, partyDay, complete: missing.length === 0, missing };
}
