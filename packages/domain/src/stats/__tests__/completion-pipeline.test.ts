import fc from 'fast-check';
import { Context } from 'mingo';
import { Aggregator } from 'mingo/aggregator';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as queryOperators from 'mingo/operators/query';
import { memberStatusStages, totalsGroupStage } from '../completion-pipeline';
import { ATTENDANCE_RANK, memberMonthStatus, type MemberMonthFacts, type MonthRequirements } from '../month-completion';
import { addToTotals, emptyTotals, TOTALS_FIELDS } from '../totals';

// The operators CloudBase's aggregate offers, as devcloud evaluates them.
const context = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
  query: queryOperators,
});
const run = (docs: object[], stages: object[]) => new Aggregator(stages as never, { context }).run<Record<string, unknown>>(docs as never);
// The query joins each member's branch events onto the document (see memberStatusStages).
const withBranchEvents = (members: readonly MemberMonthFacts[], req: MonthRequirements) =>
  members.map((facts) => ({ ...facts, branchEventIds: req.eventsByBranch[facts.branchId] ?? [] }));

const orgs = ['county', 'c1', 'c2', 'b1', 'b2', 'b3'];
const paths: Record<string, string[]> = { b1: ['county', 'c1', 'b1'], b2: ['county', 'c1', 'b2'], b3: ['county', 'c2', 'b3'] };
const materials = ['m1', 'm2', 'm3', 'm4'];
const events = ['e1', 'e2', 'e3'];

const requirements: fc.Arbitrary<MonthRequirements> = fc.record({
  plans: fc.array(fc.record({ orgId: fc.constantFrom(...orgs), requiredMaterialIds: fc.subarray(materials) }), { maxLength: 3 }),
  rounds: fc.uniqueArray(
    fc.record({
      roundId: fc.constantFrom('r1', 'r2', 'r3'),
      orgId: fc.constantFrom(...orgs),
      grading: fc.constantFrom('best' as const, 'last' as const),
      maxScore: fc.constantFrom(50, 100),
    }),
    { maxLength: 2, selector: (round) => round.roundId },
  ),
  eventsByBranch: fc.record({ b1: fc.subarray(events), b2: fc.subarray(events), b3: fc.subarray(events) }, { requiredKeys: [] }),
});

const memberFacts = (index: number): fc.Arbitrary<MemberMonthFacts> =>
  fc.constantFrom('b1', 'b2', 'b3').chain((branchId) =>
    fc.record({
      memberId: fc.constant(`p${index}`),
      branchId: fc.constant(branchId),
      orgPath: fc.constant(paths[branchId]!),
      completedMaterialIds: fc.subarray(materials),
      attempts: fc.array(
        fc
          .record({
            roundId: fc.constantFrom('r1', 'r2', 'r3'),
            // Scores on a coarse grid, so ties (and the tie rule) happen.
            score: fc.integer({ min: 0, max: 10 }).map((n) => n * 10),
            finishedAt: fc.integer({ min: 1, max: 6 }).map((day) => new Date(Date.UTC(2026, 10, day))),
          })
          .map((attempt) => ({ ...attempt, passed: attempt.score >= 60 })),
        { maxLength: 4 },
      ),
      attendance: fc.uniqueArray(fc.record({ eventId: fc.constantFrom(...events), state: fc.constantFrom(...ATTENDANCE_RANK) }), {
        maxLength: 2,
        selector: (a) => a.eventId,
      }),
      // Which events' absence is decided at the instant taken (closed or ended): 未签到 counts as 缺席 there.
      decidedEventIds: fc.subarray(events),
    }),
  );

const population = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => memberFacts(i))));

describe('memberStatusStages states the same rule as memberMonthStatus', () => {
  it('gives every member the same status', () => {
    fc.assert(
      fc.property(requirements, population, (req, members) => {
        const out = run(withBranchEvents(members, req), memberStatusStages(req));
        members.forEach((facts, i) => {
          const expected = memberMonthStatus(facts, req);
          const row = out[i]!;
          expect({
            study: { status: row.studyStatus, done: row.studyDone, required: row.studyRequired },
            quiz: { status: row.quizStatus, score: row.quizScore, maxScore: row.quizMaxScore },
            partyDay: { status: row.partyDayStatus },
            complete: row.complete,
          }).toEqual({ study: expected.study, quiz: expected.quiz, partyDay: expected.partyDay, complete: expected.complete });
        });
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it('groups into the same totals as adding member months up', () => {
    fc.assert(
      fc.property(requirements, population, (req, members) => {
        const grouped = run(withBranchEvents(members, req), [...memberStatusStages(req), totalsGroupStage('$branchId')]);
        for (const branchId of ['b1', 'b2', 'b3']) {
          const expected = members
            .filter((m) => m.branchId === branchId)
            .map((m) => memberMonthStatus(m, req))
            .reduce(addToTotals, emptyTotals());
          const row = grouped.find((g) => g._id === branchId);
          if (expected.members === 0) {
            expect(row).toBeUndefined();
            continue;
          }
          for (const field of TOTALS_FIELDS) expect(row?.[field]).toBeCloseTo(expected[field], 9);
        }
      }),
      { numRuns: 200, seed: 20261123 },
    );
  });
});
