/**
 * The month-completion rule of `month-completion.ts`, stated as aggregation stages, so the county roll-up is
 * one database request that returns a row per group instead of every member. Stages are plain objects in
 * MongoDB's expression language (what CloudBase runs and devcloud evaluates with mingo); the requirements go in
 * as literals, so the pipeline grows with the month's plans and rounds, never with the members or branches.
 *
 * Input documents are shaped like `MemberMonthFacts` plus `branchEventIds`: the ids of the month's events of the
 * member's counting branch (`req.eventsByBranch[branchId]`), and `decidedEventIds`, joined onto each document by the query (a
 * `$lookup` on the indexed branchId). Searching a county's 600 branches in a literal for every member made the
 * roll-up take minutes. Output adds `studyStatus`, `studyDone`, `studyRequired`,
 * `quizStatus`, `quizScore`, `quizMaxScore`, `partyDayStatus`, `complete` (and `_s*` working fields).
 * A property test (`__tests__/completion-pipeline.test.ts`) holds it to `memberMonthStatus`.
 */
import { ATTENDANCE_RANK, PARTY_DAY_DONE, type MonthRequirements, type RoundRequirement } from './month-completion';
import { TOTALS_FIELDS, type GroupTotals } from './totals';

type Expr = unknown;
type Stage = Record<string, unknown>;

const lit = (value: unknown): Expr => ({ $literal: value });
const arrayOf = (path: string): Expr => ({ $ifNull: [path, []] });
const reaches = (orgId: string): Expr => ({ $in: [lit(orgId), arrayOf('$orgPath')] });
/** 未签到 counts as 缺席 for the events the facts name as decided (see `absenceDecided`). */
const decided = (eventId: Expr): Expr => ({ $in: [eventId, arrayOf('$decidedEventIds')] });

/** The attempt a round counts, by the round's grading (see `countedAttempt`): null when none finished. */
function countedAttemptExpr(round: RoundRequirement): Expr {
  const better =
    round.grading === 'last'
      ? { $gt: ['$$this.finishedAt', '$$value.finishedAt'] }
      : {
          $or: [
            { $gt: ['$$this.score', '$$value.score'] },
            { $and: [{ $eq: ['$$this.score', '$$value.score'] }, { $lt: ['$$this.finishedAt', '$$value.finishedAt'] }] },
          ],
        };
  return {
    $reduce: {
      input: { $filter: { input: arrayOf('$attempts'), cond: { $eq: ['$$this.roundId', lit(round.roundId)] } } },
      initialValue: null,
      in: { $cond: [{ $or: [{ $eq: ['$$value', null] }, better] }, '$$this', '$$value'] },
    },
  };
}

export function memberStatusStages(req: MonthRequirements): Stage[] {
  const gather: Stage = {
    $addFields: {
      _sRequired: {
        $setUnion: [lit([]), ...req.plans.map((plan) => ({ $cond: [reaches(plan.orgId), lit([...plan.requiredMaterialIds]), lit([])] }))],
      },
      _sRounds: {
        $concatArrays: [
          lit([]),
          ...req.rounds.map((round) => ({
            $cond: [reaches(round.orgId), [{ counted: countedAttemptExpr(round), maxScore: lit(round.maxScore) }], lit([])],
          })),
        ],
      },
    },
  };
  const count: Stage = {
    $addFields: {
      studyRequired: { $size: '$_sRequired' },
      studyDone: { $size: { $setIntersection: ['$_sRequired', arrayOf('$completedMaterialIds')] } },
      _sGraded: { $filter: { input: '$_sRounds', cond: { $ne: ['$$this.counted', null] } } },
      _sStates: {
        $concatArrays: [
          {
            $map: {
              input: arrayOf('$attendance'),
              in: { $cond: [{ $and: [{ $eq: ['$$this.state', 'expected'] }, decided('$$this.eventId')] }, 'absent', '$$this.state'] },
            },
          },
          {
            $map: {
              input: { $setDifference: [arrayOf('$branchEventIds'), { $map: { input: arrayOf('$attendance'), in: '$$this.eventId' } }] },
              in: { $cond: [decided('$$this'), 'absent', 'expected'] },
            },
          },
        ],
      },
    },
  };
  const passedCount = { $size: { $filter: { input: '$_sGraded', cond: { $eq: ['$$this.counted.passed', true] } } } };
  const mean = (path: string) => ({
    $cond: [
      { $eq: [{ $size: '$_sGraded' }, 0] },
      null,
      { $divide: [{ $sum: { $map: { input: '$_sGraded', in: path } } }, { $size: '$_sGraded' }] },
    ],
  });
  const decide: Stage = {
    $addFields: {
      studyStatus: {
        $switch: {
          branches: [
            { case: { $eq: ['$studyRequired', 0] }, then: 'notRequired' },
            { case: { $eq: ['$studyDone', '$studyRequired'] }, then: 'done' },
            { case: { $eq: ['$studyDone', 0] }, then: 'notStarted' },
          ],
          default: 'inProgress',
        },
      },
      quizStatus: {
        $switch: {
          branches: [
            { case: { $eq: [{ $size: '$_sRounds' }, 0] }, then: 'notRequired' },
            { case: { $eq: [passedCount, { $size: '$_sRounds' }] }, then: 'passed' },
            { case: { $eq: [{ $size: '$_sGraded' }, 0] }, then: 'notTaken' },
            { case: { $lt: [passedCount, { $size: '$_sGraded' }] }, then: 'failed' },
          ],
          default: 'notTaken',
        },
      },
      quizScore: mean('$$this.counted.score'),
      quizMaxScore: mean('$$this.maxScore'),
      partyDayStatus: {
        $switch: {
          branches: ATTENDANCE_RANK.map((state) => ({ case: { $in: [lit(state), '$_sStates'] }, then: lit(state) })),
          default: 'notRequired',
        },
      },
    },
  };
  const complete: Stage = {
    $addFields: {
      complete: {
        $and: [
          { $in: ['$studyStatus', lit(['notRequired', 'done'])] },
          { $in: ['$quizStatus', lit(['notRequired', 'passed'])] },
          { $in: ['$partyDayStatus', lit(['notRequired', ...PARTY_DAY_DONE])] },
        ],
      },
    },
  };
  return [gather, count, decide, complete];
}

const one = (condition: Expr): Expr => ({ $cond: [condition, 1, 0] });
const isParty = (...states: string[]): Expr => ({ $in: ['$partyDayStatus', lit(states)] });

/** Per-member counts (see `totalsOf`), as expressions over the fields `memberStatusStages` adds. */
const TOTALS_EXPRESSIONS: Record<keyof GroupTotals, Expr> = {
  members: lit(1),
  studyRequired: one({ $ne: ['$studyStatus', 'notRequired'] }),
  studyDone: one({ $eq: ['$studyStatus', 'done'] }),
  quizRequired: one({ $ne: ['$quizStatus', 'notRequired'] }),
  quizTaken: one({ $ne: ['$quizScore', null] }),
  quizPassed: one({ $eq: ['$quizStatus', 'passed'] }),
  quizScoreSum: { $ifNull: ['$quizScore', 0] },
  partyDayRequired: one({ $ne: ['$partyDayStatus', 'notRequired'] }),
  partyDayAttended: one(isParty('present', 'late')),
  partyDayLate: one(isParty('late')),
  partyDayExcused: one(isParty('excused')),
  partyDayMadeUp: one(isParty('madeUp')),
  partyDayAbsent: one(isParty('absent')),
  partyDayPending: one(isParty('expected', 'leaveRequested')),
  complete: one({ $eq: ['$complete', true] }),
};

/** A `$group` of member months by `groupKey` (an expression, e.g. `'$branchId'`) into GroupTotals fields. */
export function totalsGroupStage(groupKey: Expr): Stage {
  return {
    $group: {
      _id: groupKey,
      ...Object.fromEntries(TOTALS_FIELDS.map((field) => [field, { $sum: TOTALS_EXPRESSIONS[field] }])),
    },
  };
}
