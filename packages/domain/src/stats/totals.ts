/**
 * Roll-ups: counts of a group of members' months (a branch, a subtree), the rates they give, and the rates
 * under their thresholds. Counts add up the tree (county → 党委 → 党总支 → 党支部); rates are always computed
 * from the summed counts, never averaged.
 */
import type { MemberMonthStatus } from './month-completion';

export interface GroupTotals {
  members: number;
  studyRequired: number;
  studyDone: number;
  quizRequired: number;
  quizTaken: number;
  quizPassed: number;
  quizScoreSum: number;
  partyDayRequired: number;
  /** 出席 + 迟到 */
  partyDayAttended: number;
  partyDayLate: number;
  partyDayExcused: number;
  partyDayMadeUp: number;
  /** 缺席: absent once the event was closed or had ended (never before: see `absenceDecided`). */
  partyDayAbsent: number;
  /** 未签到 or 请假待审批 while absence is not decided yet: neither done nor missed. */
  partyDayPending: number;
  complete: number;
}

export interface GroupRates {
  study: number | null;
  quizParticipation: number | null;
  quizPass: number | null;
  quizAverageScore: number | null;
  partyDay: number | null;
  completion: number | null;
}

export type RateMetric = 'study' | 'quizParticipation' | 'quizPass' | 'partyDay' | 'completion';
export const RATE_METRICS: readonly RateMetric[] = ['study', 'quizParticipation', 'quizPass', 'partyDay', 'completion'];

/** Percentages 0–100. */
export type Thresholds = Record<RateMetric, number>;
export const DEFAULT_THRESHOLDS: Thresholds = { study: 80, quizParticipation: 80, quizPass: 80, partyDay: 80, completion: 80 };

export const TOTALS_FIELDS = [
  'members',
  'studyRequired',
  'studyDone',
  'quizRequired',
  'quizTaken',
  'quizPassed',
  'quizScoreSum',
  'partyDayRequired',
  'partyDayAttended',
  'partyDayLate',
  'partyDayExcused',
  'partyDayMadeUp',
  'partyDayAbsent',
  'partyDayPending',
  'complete',
] as const satisfies readonly (keyof GroupTotals)[];

export function emptyTotals(): GroupTotals {
  return Object.fromEntries(TOTALS_FIELDS.map((field) => [field, 0])) as unknown as GroupTotals;
}

/** One member's month as the counts it adds. */
export function totalsOf(status: MemberMonthStatus): GroupTotals {
  const party = status.partyDay.status;
  const partyRequired = party !== 'notRequired';
  const attended = party === 'present' || party === 'late';
  const taken = status.quiz.score !== null;
  return {
    members: 1,
    studyRequired: status.study.status !== 'notRequired' ? 1 : 0,
    studyDone: status.study.status === 'done' ? 1 : 0,
    quizRequired: status.quiz.status !== 'notRequired' ? 1 : 0,
    quizTaken: taken ? 1 : 0,
    quizPassed: status.quiz.status === 'passed' ? 1 : 0,
    quizScoreSum: taken ? (status.quiz.score ?? 0) : 0,
    partyDayRequired: partyRequired ? 1 : 0,
    partyDayAttended: attended ? 1 : 0,
    partyDayLate: party === 'late' ? 1 : 0,
    partyDayExcused: party === 'excused' ? 1 : 0,
    partyDayMadeUp: party === 'madeUp' ? 1 : 0,
    partyDayAbsent: party === 'absent' ? 1 : 0,
    partyDayPending: party === 'expected' || party === 'leaveRequested' ? 1 : 0,
    complete: status.complete ? 1 : 0,
  };
}

export function mergeTotals(a: GroupTotals, b: GroupTotals): GroupTotals {
  return Object.fromEntries(TOTALS_FIELDS.map((field) => [field, a[field] + b[field]])) as unknown as GroupTotals;
}

export function addToTotals(totals: GroupTotals, status: MemberMonthStatus): GroupTotals {
  return mergeTotals(totals, totalsOf(status));
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function ratesOf(t: GroupTotals): GroupRates {
  return {
    study: ratio(t.studyDone, t.studyRequired),
    quizParticipation: ratio(t.quizTaken, t.quizRequired),
    quizPass: ratio(t.quizPassed, t.quizTaken),
    quizAverageScore: ratio(t.quizScoreSum, t.quizTaken),
    partyDay: ratio(t.partyDayAttended + t.partyDayMadeUp, t.partyDayRequired),
    completion: ratio(t.complete, t.members),
  };
}

/** The rates under their threshold (a rate nobody was asked for is never "below"). */
export function belowThresholds(rates: GroupRates, thresholds: Thresholds): RateMetric[] {
  return RATE_METRICS.filter((metric) => {
    const rate = rates[metric];
    // Compared in whole-number percent hundredths so 0.8 vs 80 never trips on floating point.
    return rate !== null && Math.round(rate * 10_000) < thresholds[metric] * 100;
  });
}
