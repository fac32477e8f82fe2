import type { BranchMatrix, GroupRates, GroupTotals, MemberMonthRow, RollupRow } from '@zbxx/contracts';

/** Small builders for stats replies: a test states only the fields it is about. */
export function aRow(overrides: Partial<MemberMonthRow> = {}): MemberMonthRow {
  return {
    memberId: 'm1',
    name: '李秀英',
    duty: '',
    study: { status: 'done', done: 2, required: 2 },
    quiz: { status: 'passed', score: 90, maxScore: 100 },
    partyDay: { status: 'present' },
    complete: true,
    missing: [],
    lastRemindedAt: null,
    canRemind: false,
    ...overrides,
  };
}

export const anIncompleteRow = (overrides: Partial<MemberMonthRow> = {}): MemberMonthRow =>
  aRow({
    memberId: 'm2',
    name: '张建国',
    study: { status: 'notStarted', done: 0, required: 2 },
    quiz: { status: 'notTaken', score: null, maxScore: 100 },
    partyDay: { status: 'absent' },
    complete: false,
    missing: ['study', 'quiz', 'partyDay'],
    ...overrides,
  });

export function someTotals(overrides: Partial<GroupTotals> = {}): GroupTotals {
  return {
    members: 2,
    studyRequired: 2,
    studyDone: 1,
    quizRequired: 2,
    quizTaken: 1,
    quizPassed: 1,
    quizScoreSum: 90,
    partyDayRequired: 2,
    partyDayAttended: 1,
    partyDayLate: 0,
    partyDayExcused: 0,
    partyDayMadeUp: 0,
    partyDayAbsent: 1,
    partyDayPending: 0,
    complete: 1,
    ...overrides,
  };
}

export function someRates(overrides: Partial<GroupRates> = {}): GroupRates {
  return { study: 0.5, quizParticipation: 0.5, quizPass: 1, quizAverageScore: 90, partyDay: 0.5, completion: 0.5, ...overrides };
}

export function aMatrix(members: MemberMonthRow[] = [aRow(), anIncompleteRow()]): BranchMatrix {
  return {
    month: '2026-11',
    branch: { id: 'b1', name: '东关社区党支部', type: 'branch', retired: false },
    tasks: { materials: [], rounds: [], events: [] },
    totals: someTotals(),
    rates: someRates(),
    members,
  };
}

export function aRollupRow(overrides: Partial<RollupRow> = {}): RollupRow {
  return {
    org: { id: 'b1', name: '东关社区党支部', type: 'branch', retired: false },
    totals: someTotals(),
    rates: someRates(),
    below: ['study', 'quizParticipation', 'partyDay', 'completion'],
    ...overrides,
  };
}
