import { memberMonthStatus, type MemberMonthFacts, type MonthRequirements } from '../month-completion';
import { addToTotals, belowThresholds, DEFAULT_THRESHOLDS, emptyTotals, ratesOf } from '../totals';

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 2));

const req: MonthRequirements = {
  plans: [
    { orgId: 'county', requiredMaterialIds: ['m1', 'm2'] },
    { orgId: 'b2', requiredMaterialIds: ['m2', 'm3'] },
  ],
  rounds: [{ roundId: 'r1', orgId: 'county', grading: 'best', maxScore: 100 }],
  eventsByBranch: { b1: ['e1'], b2: ['e2'] },
};

function facts(overrides: Partial<MemberMonthFacts> = {}): MemberMonthFacts {
  return {
    memberId: 'p1',
    branchId: 'b1',
    orgPath: ['county', 'c1', 'b1'],
    completedMaterialIds: [],
    attempts: [],
    attendance: [],
    ...overrides,
  };
}

describe('memberMonthStatus', () => {
  it('is complete when required materials are read, the round passed and the party day attended', () => {
    const status = memberMonthStatus(
      facts({
        completedMaterialIds: ['m1', 'm2', 'other'],
        attempts: [{ roundId: 'r1', score: 85, passed: true, finishedAt: at(3) }],
        attendance: [{ eventId: 'e1', state: 'late' }],
      }),
      req,
    );
    expect(status).toEqual({
      study: { status: 'done', done: 2, required: 2 },
      quiz: { status: 'passed', score: 85, maxScore: 100 },
      partyDay: { status: 'late' },
      complete: true,
      missing: [],
    });
  });

  it('requires the materials of every plan on the member’s path, once each', () => {
    const status = memberMonthStatus(facts({ branchId: 'b2', orgPath: ['county', 'c1', 'b2'], completedMaterialIds: ['m2'] }), req);
    expect(status.study).toEqual({ status: 'inProgress', done: 1, required: 3 });
    expect(status.missing).toEqual(['study', 'quiz', 'partyDay']);
  });

  it('grades the round by its policy: best keeps the highest score, last the latest attempt', () => {
    const attempts = [
      { roundId: 'r1', score: 90, passed: true, finishedAt: at(2) },
      { roundId: 'r1', score: 40, passed: false, finishedAt: at(5) },
    ];
    expect(memberMonthStatus(facts({ attempts }), req).quiz).toEqual({ status: 'passed', score: 90, maxScore: 100 });
    const last = { ...req, rounds: [{ ...req.rounds[0]!, grading: 'last' as const }] };
    expect(memberMonthStatus(facts({ attempts }), last).quiz).toEqual({ status: 'failed', score: 40, maxScore: 100 });
  });

  it('counts an excused member who made up, and not one who is only excused', () => {
    expect(memberMonthStatus(facts({ attendance: [{ eventId: 'e1', state: 'madeUp' }] }), req).partyDay.status).toBe('madeUp');
    const excused = memberMonthStatus(facts({ attendance: [{ eventId: 'e1', state: 'excused' }] }), req);
    expect(excused.partyDay.status).toBe('excused');
    expect(excused.missing).toContain('partyDay');
  });

  it('keeps what a transferred member attended in the old branch', () => {
    const status = memberMonthStatus(
      facts({ branchId: 'b2', orgPath: ['county', 'c1', 'b2'], attendance: [{ eventId: 'e1', state: 'present' }] }),
      req,
    );
    expect(status.partyDay.status).toBe('present');
  });

  it('shows a branch event without a record as 未签到, and nothing required when nobody set a task', () => {
    expect(memberMonthStatus(facts(), req).partyDay.status).toBe('expected');
    const empty = memberMonthStatus(facts({ branchId: 'b9', orgPath: ['other', 'b9'] }), req);
    expect(empty).toMatchObject({
      study: { status: 'notRequired' },
      quiz: { status: 'notRequired' },
      partyDay: { status: 'notRequired' },
      complete: true,
    });
  });
});

describe('totals and rates', () => {
  it('sums member months and derives rates from the sums', () => {
    const done = memberMonthStatus(
      facts({
        completedMaterialIds: ['m1', 'm2'],
        attempts: [{ roundId: 'r1', score: 80, passed: true, finishedAt: at(1) }],
        attendance: [{ eventId: 'e1', state: 'present' }],
      }),
      req,
    );
    const failed = memberMonthStatus(
      facts({
        memberId: 'p2',
        attempts: [{ roundId: 'r1', score: 50, passed: false, finishedAt: at(1) }],
        attendance: [{ eventId: 'e1', state: 'absent' }],
      }),
      req,
    );
    const idle = memberMonthStatus(facts({ memberId: 'p3', attendance: [{ eventId: 'e1', state: 'madeUp' }] }), req);
    const totals = [done, failed, idle].reduce(addToTotals, emptyTotals());
    expect(totals).toMatchObject({
      members: 3,
      studyRequired: 3,
      studyDone: 1,
      quizRequired: 3,
      quizTaken: 2,
      quizPassed: 1,
      quizScoreSum: 130,
      partyDayAttended: 1,
      partyDayMadeUp: 1,
      partyDayAbsent: 1,
      complete: 1,
    });
    const rates = ratesOf(totals);
    expect(rates).toEqual({
      study: 1 / 3,
      quizParticipation: 2 / 3,
      quizPass: 0.5,
      quizAverageScore: 65,
      partyDay: 2 / 3,
      completion: 1 / 3,
    });
    expect(belowThresholds(rates, DEFAULT_THRESHOLDS)).toEqual(['study', 'quizParticipation', 'quizPass', 'partyDay', 'completion']);
  });

  it('has no rate where nobody was asked, and a rate exactly at the threshold is not below it', () => {
    expect(ratesOf(emptyTotals())).toEqual({
      study: null,
      quizParticipation: null,
      quizPass: null,
      quizAverageScore: null,
      partyDay: null,
      completion: null,
    });
    expect(
      belowThresholds(
        { study: 0.8, quizParticipation: null, quizPass: 0.7999, partyDay: 1, completion: null, quizAverageScore: 10 },
        DEFAULT_THRESHOLDS,
      ),
    ).toEqual(['quizPass']);
  });
});
